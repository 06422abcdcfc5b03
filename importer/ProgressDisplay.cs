using System.Diagnostics;
using System.Globalization;
using FilmGraph.Formats;
using Spectre.Console;

namespace FilmGraph.Importer;

/// <summary>
/// Shows how far a long import is: a live bar on a terminal, a plain line every few seconds otherwise (a log, a
/// pipe), so that output stays readable wherever it goes.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    public static async Task<T> RunAsync<T>(string what, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return await work(new PlainLines(what));
        return await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(),
                new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var label = Label(what);
                var task = context.AddTask(Markup.Escape(label), maxValue: 1);
                return await work(new LiveBar(task, label));
            });
    }

    /// <summary>File names without their folders, short enough to leave the bar its room.</summary>
    private static string Label(string what)
    {
        var names = string.Join(", ", what.Split(", ").Select(Path.GetFileName));
        return names.Length <= 32 ? names : names[..31] + "…";
    }

    private static string Rate(ImportProgress p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Records:N0} records, {p.RecordsPerSecond:N0}/s");

    private sealed class LiveBar(ProgressTask task, string what) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            task.MaxValue = Math.Max(1, value.TotalBytes);
            task.Value = value.BytesDone;
            task.Description = Markup.Escape($"{what}: {Rate(value)}");
        }
    }

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
            var left = value.Remaining is { } r ? $", about {r:h\\:mm\\:ss} left" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{what}: {percent:F0}% ({value.BytesDone / 1e6:N1} of {value.TotalBytes / 1e6:N1} MB), {Rate(value)}, " +
                $"{value.RelationshipsWritten:N0} relationships written{left}"));
        }
    }
}
