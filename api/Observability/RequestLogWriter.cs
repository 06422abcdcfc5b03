using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.Observability;

/// <summary>
/// Writes the request lines (<see cref="RequestLog"/>) to standard output a batch at a time, formatted by the console
/// logger's own formatter (<c>Logging:Console:FormatterName</c> and its options), so they read like every other line.
/// The console logger hands each line to its writer thread and wakes it; at thousands of requests a second those
/// wake-ups cost more than answering a cheap query. Here the first line of a batch wakes the writer, which waits
/// <see cref="FlushInterval"/> for the rest and writes them at once, as access logs are commonly buffered.
/// At most <see cref="MaxPendingChars"/> wait: when the output does not keep up, further lines are counted, not kept,
/// and the count is written with the next batch. Disposing writes what is left.
/// </summary>
[ProviderAlias("RequestLog")]
internal sealed class RequestLogWriter : ILoggerProvider, ISupportExternalScope
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);
    public const int MaxPendingChars = 1 << 20;

    [ThreadStatic]
    private static StringWriter? _line;

    private readonly ConsoleFormatter _formatter;
    private readonly TextWriter _output;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _writer;
    private StringBuilder _pending = new();
    private StringBuilder _writing = new();
    private long _dropped;
    private IExternalScopeProvider? _scopes;

    public RequestLogWriter(IOptionsMonitor<ConsoleLoggerOptions> console, IEnumerable<ConsoleFormatter> formatters)
        : this(Pick(formatters, console.CurrentValue.FormatterName), Console.Out, FlushInterval)
    {
    }

    internal RequestLogWriter(ConsoleFormatter formatter, TextWriter output, TimeSpan interval)
    {
        _formatter = formatter;
        _output = output;
        _interval = interval;
        _writer = new Thread(Run) { IsBackground = true, Name = "FilmGraph request log" };
        _writer.Start();
    }

    public ILogger CreateLogger(string categoryName) => categoryName == RequestLog.Category ? new Logger(this) : NullLogger.Instance;

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        _stop.Cancel();
        // A standard output that blocks must not hold up the host's shutdown for ever. Once the writer has ended,
        // lines that came after its last write are written here.
        if (_writer.Join(TimeSpan.FromSeconds(5))) Write();
    }

    private void Append<TState>(in LogEntry<TState> entry)
    {
        var line = _line ??= new StringWriter();
        var text = line.GetStringBuilder();
        text.Clear();
        _formatter.Write(entry, _scopes, line);
        if (text.Length == 0) return;
        bool wake;
        lock (_gate)
        {
            if (_pending.Length + text.Length > MaxPendingChars)
            {
                _dropped++;
                wake = false;
            }
            else
            {
                wake = _pending.Length == 0;
                _pending.Append(text);
            }
        }
        // One huge line (an error list, say) should not stay with the thread.
        if (text.Capacity > 4096) _line = null;
        if (wake) _wake.Release();
    }

    private void Run()
    {
        var stop = _stop.Token;
        try
        {
            while (true)
            {
                _wake.Wait(stop);
                // The rest of the batch arrives meanwhile; a stop cuts the wait short.
                stop.WaitHandle.WaitOne(_interval);
                Write();
            }
        }
        catch (OperationCanceledException)
        {
        }
        Write();
    }

    /// <summary>Writes what waits, on the writer thread only (or after it ended): the two buffers change places.</summary>
    private void Write()
    {
        long dropped;
        lock (_gate)
        {
            (_pending, _writing) = (_writing, _pending);
            dropped = _dropped;
            _dropped = 0;
        }
        if (dropped > 0)
        {
            var message = $"{dropped} request lines were not written: standard output did not keep up.";
            var line = new StringWriter(_writing);
            _formatter.Write(new LogEntry<string>(LogLevel.Warning, RequestLog.Category, new EventId(2, "RequestLinesDropped"), message, null,
                static (text, _) => text), null, line);
        }
        if (_writing.Length == 0) return;
        try
        {
            _output.Write(_writing);
            _output.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            // A closed or broken standard output loses the lines, as it would the console logger's, and must not end the
            // writer's thread with an exception (which would end the process): the API goes on answering.
        }
        _writing.Clear();
    }

    /// <summary>The formatter of that name, as the console logger picks it; its simple one when the name is unset or unknown.</summary>
    internal static ConsoleFormatter Pick(IEnumerable<ConsoleFormatter> formatters, string? name)
    {
        name ??= ConsoleFormatterNames.Simple;
        return formatters.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? formatters.First(f => f.Name == ConsoleFormatterNames.Simple);
    }

    private sealed class Logger(RequestLogWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            writer.Append(new LogEntry<TState>(logLevel, RequestLog.Category, eventId, state, exception, formatter));
        }
    }
}
