using System.Text;
using FilmGraph.Formats;
using FilmGraph.Formats.Tests;

namespace FilmGraph.Importer.Tests;

/// <summary>Lines stay right whatever the file's layout: long files read in many pieces, CRLF, a byte order mark.</summary>
public sealed class LayoutTests
{
    // The reader's buffer is 64 KiB; this only needs to be sure a file spans several fills of it.
    private const int ReadBufferSize = 64 * 1024;

    private static async Task<ImportReport> ImportTextAsync(TempStore temp, string text, bool byteOrderMark = false)
    {
        var file = Path.Combine(temp.Directory, "input.json");
        await File.WriteAllTextAsync(file, text, new UTF8Encoding(byteOrderMark));
        return await GraphImport.ImportFileAsync(file, temp.Store, new ImportOptions());
    }

    [Fact]
    public async Task Lines_are_counted_across_a_file_far_longer_than_the_read_buffer()
    {
        await using var temp = await TempStore.OpenAsync();
        var text = new StringBuilder("{\n  \"people\": [\n");
        for (var i = 0; i < 10_000; i++) text.Append($"    {{ \"id\": \"person-{i}\", \"name\": \"Person {i}\" }},\n");
        text.Append("    { \"id\": \"last\", \"name\": \"Last\", \"born\": \"soon\" }\n  ]\n}\n");
        Assert.True(text.Length > 4 * ReadBufferSize);

        var report = await ImportTextAsync(temp, text.ToString());

        var error = Assert.Single(report.Errors);
        Assert.Equal((10_003, "$.people[10000].born"), (error.Line, error.Path));
    }

    [Fact]
    public async Task Crlf_and_a_byte_order_mark_change_neither_lines_nor_values()
    {
        await using var temp = await TempStore.OpenAsync(queries: true);
        var text = "{\r\n  \"people\": [\r\n    { \"id\": \"amelie\", \"name\": \"Am\\u00e9lie \\\"A\\\"\" },\r\n    { \"id\": \"x\", \"name\": 1 }\r\n  ]\r\n}\r\n";

        var report = await ImportTextAsync(temp, text, byteOrderMark: true);
        Assert.Equal(["4: $.people[1].name: expected a string, found the number 1."], ErrorLines.Of(report));

        var fixedText = text.Replace("\"name\": 1", "\"name\": \"X\"");
        Assert.True((await ImportTextAsync(temp, fixedText, byteOrderMark: true)).Applied);
        Assert.Equal("Amélie \"A\"", (await temp.Store.GetPersonAsync("amelie"))?.Name);
    }
}
