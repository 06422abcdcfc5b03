using FilmGraph.Formats;
using Spectre.Console;

namespace FilmGraph.Importer.Tests;

/// <summary>The live bar is one line at any terminal width: it gives up detail rather than wrap.</summary>
public sealed class ProgressLineTests
{
    private static readonly ImportProgress Halfway =
        new(1, 2, false, 21_300_000, 42_600_000, 123_456, 0, TimeSpan.FromSeconds(8), BytesPerSecond: 2_600_000);

    private static string Visible(string markup) => Markup.Remove(markup);

    [Theory]
    [InlineData(40)]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(120)]
    [InlineData(200)]
    public void The_line_is_narrower_than_the_terminal(int width)
    {
        var label = "a-rather-long-file-name-of-credits-2024.jsonl";

        foreach (var progress in new ImportProgress?[] { null, Halfway, Halfway with { Pass = 2, RelationshipPass = true, BytesPerSecond = 0 } })
            Assert.InRange(Visible(ProgressLine.Layout(progress, label, width, unicode: true)).Length, 1, width - 2);
    }

    [Fact]
    public void At_80_columns_it_shows_the_pass_the_megabytes_and_the_time_left_of_the_pass()
    {
        var line = Visible(ProgressLine.Layout(Halfway, "credits.jsonl", 80, unicode: false));

        Assert.Contains("credits.jsonl pass 1/2 ", line);
        Assert.Contains(" 50% 21.3/42.6 MB", line);
        Assert.Contains("0:00:08 left", line);
        Assert.Contains("#####-----", line);
    }

    [Fact]
    public void A_narrow_terminal_keeps_the_bar_and_the_percentage()
    {
        var line = Visible(ProgressLine.Layout(Halfway, "credits.jsonl", 40, unicode: false));

        Assert.Contains("50%", line);
        Assert.Contains("#", line);
        Assert.DoesNotContain("rec/s", line);
    }
}
