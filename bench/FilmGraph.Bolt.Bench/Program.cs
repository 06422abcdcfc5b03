using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using FilmGraph.Bolt.Bench;

// capture FILE  writes the captured stream, so the JavaScript decoder can read the same bytes.
// compare       times this decoder, then the JavaScript driver's on the same bytes, then this one
//               again (the machine may be shared), and prints the ratio.
// anything else runs BenchmarkDotNet.
if (args is ["capture", var path])
{
    File.WriteAllBytes(path, Capture.Create());
    Console.WriteLine($"wrote {new FileInfo(path).Length} bytes, {Capture.RecordCount} records, to {path}");
    return 0;
}
if (args is ["compare"])
{
    var capture = Capture.Create();
    var file = Path.Combine(Path.GetTempPath(), "filmgraph-bolt-capture.bin");
    File.WriteAllBytes(file, capture);
    var before = TimeDotnet(capture);
    var js = TimeJavaScript(file);
    var after = TimeDotnet(capture);
    File.Delete(file);
    var dotnet = (before + after) / 2;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"FilmGraph.Bolt {dotnet:N0} records/s (before {before:N0}, after {after:N0}); JavaScript driver {js:N0} records/s; ratio {dotnet / js:N1}x"));
    return 0;
}
BenchmarkRunner.Run<DecodeBenchmark>(args: args);
return 0;

static double TimeDotnet(byte[] capture)
{
    var rates = new List<double>();
    for (var pass = 0; pass < 8; pass++)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Capture.DecodeAll(capture);
        clock.Stop();
        var perRecord = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Capture.RecordCount;
        rates.Add(Capture.RecordCount / clock.Elapsed.TotalSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FilmGraph.Bolt pass {pass}: {rates[^1]:N0} records/s, {perRecord:N1} bytes allocated per record"));
    }
    return Median(rates.Skip(3));
}

static double TimeJavaScript(string file)
{
    // The script runs from the source tree, where `npm ci` put its node_modules.
    var script = Enumerable.Range(0, 8)
        .Select(up => Path.Combine([AppContext.BaseDirectory, .. Enumerable.Repeat("..", up), "js", "decode.mjs"]))
        .Select(Path.GetFullPath)
        .FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("js/decode.mjs not found above " + AppContext.BaseDirectory);
    var start = new ProcessStartInfo("node", [script, file]) { RedirectStandardOutput = true };
    using var process = Process.Start(start)!;
    var rates = new List<double>();
    while (process.StandardOutput.ReadLine() is { } line)
    {
        Console.WriteLine($"JavaScript {line}");
        if (line.StartsWith("pass", StringComparison.Ordinal))
        {
            rates.Add(double.Parse(line.Split(' ')[2], NumberStyles.Number, CultureInfo.InvariantCulture));
        }
    }
    process.WaitForExit();
    return rates.Count > 3 ? Median(rates.Skip(3)) : throw new InvalidOperationException("The JavaScript decoder printed no timings; run `npm ci` in bench/FilmGraph.Bolt.Bench/js.");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}
