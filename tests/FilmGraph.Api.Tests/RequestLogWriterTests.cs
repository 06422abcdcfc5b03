using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FilmGraph.Api.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.Tests;

/// <summary>The request lines' writer: every line once, in batches, in the console's format, and a bound on what waits.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestLogWriterTests(ApiServer server)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void Every_line_is_written_once_in_its_order_and_many_lines_to_a_write()
    {
        var output = new Output();
        var writer = new RequestLogWriter(Formatter(null), output, Interval);
        var logger = writer.CreateLogger(RequestLog.Category);
        const int threads = 4, lines = 500;
        Parallel.For(0, threads, t =>
        {
            for (var i = 0; i < lines; i++) logger.LogInformation("line {Thread} {Number}", t, i);
        });
        writer.Dispose();

        var written = Regex.Matches(output.Text, @"line (\d+) (\d+)").Select(m => (Thread: int.Parse(m.Groups[1].Value), Number: int.Parse(m.Groups[2].Value))).ToList();
        Assert.Equal(threads * lines, written.Count);
        for (var t = 0; t < threads; t++) Assert.Equal(Enumerable.Range(0, lines), written.Where(w => w.Thread == t).Select(w => w.Number));
        Assert.InRange(output.Writes, 1, 100);
        Assert.StartsWith($"info: {RequestLog.Category}[0]", output.Text);
    }

    [Fact]
    public void Lines_the_output_cannot_take_are_counted_and_the_count_is_written()
    {
        var output = new Output();
        output.Open.Reset();
        var writer = new RequestLogWriter(Formatter(null), output, Interval);
        var logger = writer.CreateLogger(RequestLog.Category);
        var payload = new string('x', 100);
        // Far more than RequestLogWriter.MaxPendingChars while the output takes nothing.
        const int sent = 30_000;
        for (var i = 0; i < sent; i++) logger.LogInformation("line {Number} {Payload}", i, payload);
        output.Open.Set();
        writer.Dispose();

        var written = Regex.Matches(output.Text, @"line (\d+) x+").Count;
        var dropped = Regex.Matches(output.Text, @"(\d+) request lines were not written: standard output did not keep up").Sum(m => long.Parse(m.Groups[1].Value));
        Assert.True(dropped > 0, "nothing was dropped");
        Assert.Equal(sent, written + dropped);
        Assert.True(written * (payload.Length + 40) <= 2 * RequestLogWriter.MaxPendingChars, $"{written} lines were kept");
    }

    [Fact]
    public void An_output_that_fails_loses_that_batch_and_the_writer_goes_on()
    {
        var output = new Output { Failures = 1 };
        var writer = new RequestLogWriter(Formatter(null), output, Interval);
        var logger = writer.CreateLogger(RequestLog.Category);
        logger.LogInformation("line {Number}", 1);
        Assert.True(output.Failed.Wait(TimeSpan.FromSeconds(30)), "the output was never written to");
        logger.LogInformation("line {Number}", 2);
        writer.Dispose();

        Assert.DoesNotContain("line 1", output.Text);
        Assert.Contains("line 2", output.Text);
    }

    [Fact]
    public void Lines_take_the_format_the_console_is_set_to()
    {
        var output = new Output();
        var writer = new RequestLogWriter(Formatter(ConsoleFormatterNames.Json), output, Interval);
        writer.CreateLogger(RequestLog.Category).LogInformation("line {Number}", 42);
        writer.Dispose();

        using var line = JsonDocument.Parse(output.Text.Trim());
        Assert.Equal(RequestLog.Category, line.RootElement.GetProperty("Category").GetString());
        Assert.Equal("line 42", line.RootElement.GetProperty("Message").GetString());
        Assert.Equal(42, line.RootElement.GetProperty("State").GetProperty("Number").GetInt32());
    }

    [Fact]
    public void Other_categories_are_left_to_the_other_loggers()
    {
        var output = new Output();
        var writer = new RequestLogWriter(Formatter(null), output, Interval);
        var other = writer.CreateLogger("FilmGraph.Api.Hosting.GraphStoreHost");
        other.LogWarning("not a request");
        writer.Dispose();

        Assert.False(other.IsEnabled(LogLevel.Critical));
        Assert.Equal("", output.Text);
    }

    [Fact]
    public async Task The_API_writes_its_request_lines_here_and_not_through_the_console_logger_as_well()
    {
        await using var api = await server.StartApiAsync(new Dictionary<string, string?>());
        var services = api.App.Services;

        Assert.Single(services.GetServices<ILoggerProvider>().OfType<RequestLogWriter>());
        Assert.Contains(services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules, rule =>
            rule.ProviderName == typeof(ConsoleLoggerProvider).FullName && rule.CategoryName == RequestLog.Category && rule.LogLevel == LogLevel.None);
    }

    private static ConsoleFormatter Formatter(string? name)
    {
        var services = new ServiceCollection().AddLogging(logging => logging
            .AddSimpleConsole(options => options.ColorBehavior = LoggerColorBehavior.Disabled)
            .AddJsonConsole()).BuildServiceProvider();
        return RequestLogWriter.Pick(services.GetServices<ConsoleFormatter>(), name);
    }

    /// <summary>Standard output as the writer sees it: what it was given, in how many writes, and a gate that can hold writes up.</summary>
    private sealed class Output : TextWriter
    {
        private readonly StringBuilder _text = new();

        public ManualResetEventSlim Open { get; } = new(true);

        public int Writes { get; private set; }

        public string Text
        {
            get
            {
                lock (_text) return _text.ToString();
            }
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(new StringBuilder().Append(value));

        /// <summary>How many writes to refuse with an <see cref="IOException"/>, as a closed pipe would.</summary>
        public int Failures { get; set; }

        public ManualResetEventSlim Failed { get; } = new(false);

        public override void Write(StringBuilder? value)
        {
            Open.Wait();
            if (Failures > 0)
            {
                Failures--;
                Failed.Set();
                throw new IOException("Broken pipe");
            }
            lock (_text)
            {
                _text.Append(value);
                Writes++;
            }
        }
    }
}
