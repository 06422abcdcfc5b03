using System.Globalization;
using FilmGraph.Formats;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FilmGraph.Importer;

/// <summary>
/// The live bar as one line laid out for the terminal's width at every refresh: Spectre's own columns add up to
/// more than 80 characters and wrap onto a second line, so this one drops what matters least (the rate, then the
/// bytes, the time left, the pass) and shortens the file name before the bar would no longer fit.
/// </summary>
internal sealed class ProgressLine(string label, bool unicode) : ProgressColumn, IProgress<ImportProgress>
{
    private const int MinBar = 10;
    private const int MaxBar = 40;
    // The file name keeps up to this much before the details give way: it says which import the bar is for.
    private const int KeptLabel = 20;

    // Written by the import, read by the refresh thread; a reference swap needs no lock.
    private volatile ImportProgress? _last;

    protected override bool NoWrap => true;

    public void Report(ImportProgress value) => _last = value;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Markup(Layout(_last, label, options.ConsoleSize.Width, unicode));

    /// <summary>The line's markup for a terminal <paramref name="width"/> columns wide; its text is never wider.</summary>
    public static string Layout(ImportProgress? p, string label, int width, bool unicode)
    {
        // Spectre pads a column; a line as wide as the terminal would wrap.
        var room = Math.Max(1, width - 2);
        var fraction = p is { TotalBytes: > 0 } ? Math.Clamp((double)p.BytesDone / p.TotalBytes, 0, 1) : 0;
        var percent = string.Create(CultureInfo.InvariantCulture, $"{fraction * 100,3:F0}%");
        // In the order they are given up when the line is too narrow.
        var optional = new List<(string Name, string Text)>();
        if (p is not null)
        {
            // Padded to the widest each can be in this pass, so that the bar does not jump about as the figures grow.
            optional.Add(("rate", string.Create(CultureInfo.InvariantCulture, $"{p.RecordsPerSecond,9:N0} rec/s")));
            var total = ProgressDisplay.Megabytes(p.TotalBytes);
            optional.Add(("bytes", $"{ProgressDisplay.Megabytes(p.BytesDone).PadLeft(total.Length)}/{total} MB"));
            optional.Add(("left", p.Remaining is { } left ? $"{ProgressDisplay.Left(left)} left" : new string(' ', 12)));
            if (p.Passes > 1) optional.Add(("pass", $"pass {p.Pass}/{p.Passes}"));
        }
        int Fixed(int labelLength) => labelLength + 1 + percent.Length + optional.Sum(o => o.Text.Length + 1);
        var name = label;
        while (optional.Count > 0 && Fixed(Math.Min(name.Length, KeptLabel)) + 1 + MinBar > room) optional.RemoveAt(0);
        var labelRoom = room - (Fixed(0) + 1 + MinBar);
        if (name.Length > labelRoom) name = labelRoom <= 1 ? "" : name[..(labelRoom - 1)] + "…";
        var bar = Math.Clamp(room - Fixed(name.Length) - 1, 0, MaxBar);

        var text = new List<string>();
        if (name.Length > 0) text.Add(Markup.Escape(name));
        if (optional.Find(o => o.Name == "pass") is { Text: { } pass }) text.Add(pass);
        if (bar > 0) text.Add(Bar(fraction, bar, unicode));
        text.Add(percent);
        foreach (var part in new[] { "bytes", "rate", "left" })
            if (optional.Find(o => o.Name == part) is { Text: { } shown }) text.Add(shown);
        return string.Join(' ', text);
    }

    private static string Bar(double fraction, int width, bool unicode)
    {
        var done = (int)Math.Round(fraction * width);
        var (full, empty) = unicode ? ('━', '━') : ('#', '-');
        return $"[green]{new string(full, done)}[/][grey]{new string(empty, width - done)}[/]";
    }
}
