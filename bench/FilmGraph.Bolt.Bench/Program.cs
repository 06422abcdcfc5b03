using System.Diagnostics;
using BenchmarkDotNet.Running;
using FilmGraph.Bolt.Bench;

// "capture FILE" writes the captured stream, so the JavaScript decoder can read the same bytes.
// "quick" times a few passes without BenchmarkDotNet. Anything else runs BenchmarkDotNet.
if (args is ["capture", var path])
{
    File.WriteAllBytes(path, Capture.Create());
    Console.WriteLine($"wrote {new FileInfo(path).Length} bytes, {Capture.RecordCount} records, to {path}");
    return;
}
if (args is ["quick"])
{
    var capture = Capture.Create();
    for (var pass = 0; pass < 8; pass++)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Capture.DecodeAll(capture);
        clock.Stop();
        var perRecord = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Capture.RecordCount;
        Console.WriteLine($"pass {pass}: {Capture.RecordCount / clock.Elapsed.TotalSeconds:N0} records/s, {perRecord:N1} bytes allocated per record");
    }
    return;
}
BenchmarkRunner.Run<DecodeBenchmark>(args: args);
