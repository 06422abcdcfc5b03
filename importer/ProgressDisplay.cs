using System.Diagnostics;
using System.Globalization;
using FilmGraph.Formats;
using Spectre.Console;

namespace FilmGraph.Importer;

/// <summary>
/// Shows how far a long import is: a live bar on a terminal, a plain line every few seconds otherwise (a log, a
/// pipe), so that output stays readable wherever it goes. Both say the same things in the same units: the pass
/// (a file read twice is counted once per pass, never twice in one total), decimal megabytes, and the time left in
/// the pass at that pass's pace.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    public static async Task<T> RunAsync<T>(string what, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return await work(new PlainLines(what));
        var line = new ProgressLine(Label(what), AnsiConsole.Profile.Capabilities.Unicode);
        return await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(line)
            .StartAsync(async context =>
            {
                var task = context.AddTask("import", maxValue: 1);
                var result = await work(line);
                task.Value = 1;
                return result;
            });
    }

    /// <summary>File names without their folders, short enough to leave the bar its room.</summary>
    private static string Label(string what) => string.Join(", ", what.Split(", ").Select(Path.GetFileName));

    /// <summary>"pass 1 of 2 (people and films)" for a file read twice; nothing for one read once.</summary>
    public static string Pass(ImportProgress p) => p.Passes > 1 ? $"pass {p.Pass} of {p.Passes} ({p.PassReads})" : "";

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:N1}");

    public static string Left(TimeSpan left) => left.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);

    public static string Rate(ImportProgress p) => string.Create(CultureInfo.InvariantCulture, $"{p.Records:N0} records, {p.RecordsPerSecond:N0}/s");

    private sealed class PlainLines(string what) : IProgress<ImportProgress>
    {
        private readonly Lock _lock = new();
        private readonly Stopwatch _since = Stopwatch.StartNew();

        public void Report(ImportProgress value)
        {
            lock (_lock)
            {
                if (_since.Elapsed < PlainEvery) return;
                _since.Restart();
            }
            var percent = value.TotalBytes > 0 ? 100.0 * value.BytesDone / value.TotalBytes : 0;
            var pass = value.Passes > 1 ? $" {Pass(value)}:" : "";
            var left = value.Remaining is { } r ? $", about {Left(r)} left{(value.Passes > 1 ? " in this pass" : "")}" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what}:{pass} {percent:F0}% ({Megabytes(value.BytesDone)} of {Megabytes(value.TotalBytes)} MB), {Rate(value)}, " +
                $"{value.RelationshipsWritten:N0} relationships written{left}"));
        }
    }
}
