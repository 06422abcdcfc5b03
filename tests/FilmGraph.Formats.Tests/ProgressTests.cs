using System.Collections.Concurrent;
using System.Text;

namespace FilmGraph.Formats.Tests;

/// <summary>Progress counts a file once per pass, never twice in one total, and says which pass it is in.</summary>
public sealed class ProgressTests
{
    /// <summary>Keeps every report, from whichever thread it comes.</summary>
    private sealed class Recorder : IProgress<ImportProgress>
    {
        public ConcurrentQueue<ImportProgress> Reports { get; } = new();

        public void Report(ImportProgress value) => Reports.Enqueue(value);
    }

    [Fact]
    public async Task A_JSON_Lines_file_read_in_two_passes_is_counted_once_in_each()
    {
        await using var temp = await TempStore.OpenAsync();
        var text = new StringBuilder();
        for (var i = 0; i < 300; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"id\":\"p{i}\",\"name\":\"P {i}\"}}\n");
        for (var i = 0; i < 300; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"type\":\"CONFLICTED_WITH\",\"from\":\"p{i}\",\"to\":\"p{(i + 1) % 300}\"}}\n");
        var file = FormatTestKit.Write(temp, "records.jsonl", text.ToString());
        var recorder = new Recorder();

        await FormatTestKit.ImportAsync(temp.Store, new ImportOptions { BatchSize = 50, Progress = recorder }, file);

        var reports = recorder.Reports.ToList();
        Assert.NotEmpty(reports);
        var size = new FileInfo(file).Length;
        Assert.All(reports, r => Assert.Equal((2, size), (r.Passes, r.TotalBytes)));
        Assert.All(reports, r => Assert.InRange(r.BytesDone, 0, size));
        Assert.Contains(reports, r => r is { Pass: 1, RelationshipPass: false });
        Assert.Contains(reports, r => r is { Pass: 2, RelationshipPass: true, RelationshipsWritten: > 0 });
        Assert.Equal([1, 2], reports.Select(r => r.Pass).Distinct().Order());
    }

    [Fact]
    public async Task A_format_read_in_one_pass_is_pass_1_of_1()
    {
        await using var temp = await TempStore.OpenAsync();
        var file = FormatTestKit.Write(temp, "people.csv", "id:ID(Person),name\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"p{i},P {i}\n")));
        var recorder = new Recorder();

        await FormatTestKit.ImportAsync(temp.Store, new ImportOptions { BatchSize = 50, Progress = recorder }, file);

        Assert.All(recorder.Reports, r => Assert.Equal((1, 1, new FileInfo(file).Length), (r.Pass, r.Passes, r.TotalBytes)));
    }

    [Fact]
    public void The_time_left_comes_from_the_pace_of_the_pass_and_is_unknown_without_one()
    {
        var halfway = new ImportProgress(2, 2, true, 50_000_000, 100_000_000, 1_000, 0, TimeSpan.FromSeconds(100), BytesPerSecond: 1_000_000);
        Assert.Equal(TimeSpan.FromSeconds(50), halfway.Remaining);
        Assert.Null((halfway with { BytesPerSecond = 0 }).Remaining);
        Assert.Null((halfway with { BytesDone = 100_000_000 }).Remaining);
        Assert.Equal("relationships", halfway.PassReads);
    }
}
