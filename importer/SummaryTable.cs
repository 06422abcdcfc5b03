using Spectre.Console;

namespace FilmGraph.Importer;

/// <summary>Writes the importer's closing table, each cell on one line wherever the output goes.</summary>
internal static class SummaryTable
{
    // A file or a pipe has no width, and Spectre then assumes 80 columns: at a million records the counts need more,
    // and the table broke "relationships" over two lines in every log. Only a terminal has a width to fit.
    private const int UnboundedWidth = 1000;

    public static void Write(IAnsiConsole console, Table table, bool toTerminal)
    {
        var width = console.Profile.Width;
        if (!toTerminal) console.Profile.Width = UnboundedWidth;
        try
        {
            console.Write(table);
        }
        finally
        {
            console.Profile.Width = width;
        }
    }
}
