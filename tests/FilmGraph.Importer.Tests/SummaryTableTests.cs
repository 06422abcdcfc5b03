using Spectre.Console;

namespace FilmGraph.Importer.Tests;

/// <summary>The closing table, written to a log, keeps each cell on one line however wide the counts.</summary>
public sealed class SummaryTableTests
{
    private static Table Wide() =>
        new Table().AddColumns("", "read", "created", "updated", "unchanged", "skipped", "rejected")
            .AddRow("relationships", "5,728,360", "5,728,360", "0", "1,000,000", "0", "0");

    private static (IAnsiConsole Console, StringWriter Text) Console80()
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No });
        console.Profile.Width = 80;
        return (console, text);
    }

    [Fact]
    public void Written_to_a_file_the_table_is_as_wide_as_its_cells()
    {
        var (console, text) = Console80();

        SummaryTable.Write(console, Wide(), toTerminal: false);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.Contains("relationships │ 5,728,360", StringComparison.Ordinal));
        Assert.Equal(5, lines.Length);
        Assert.True(lines[0].TrimEnd().Length > 80, lines[0]);
        Assert.Equal(80, console.Profile.Width);
    }

    [Fact]
    public void On_a_terminal_the_table_fits_the_terminal()
    {
        var (console, text) = Console80();

        SummaryTable.Write(console, Wide(), toTerminal: true);

        Assert.All(text.ToString().Split('\n'), line => Assert.InRange(line.TrimEnd().Length, 0, 80));
    }
}
