using FilmGraph.Core;
using Microsoft.AspNetCore.Connections;

namespace FilmGraph.Api.Hosting;

/// <summary>
/// How the process ends when it cannot start: what stops it is the operator's to fix, so it is a line or two saying
/// what is wrong and what to do, and an exit code per cause, not a stack trace (that comes too, at debug level:
/// <c>Logging__LogLevel__Default=Debug</c>).
/// </summary>
public static class StartupFailure
{
    /// <summary>Any other failure before the API is up: a setting of the wrong form, a configuration file that does not parse.</summary>
    public const int StartFailedExitCode = 1;

    /// <summary>The store cannot be opened, or <c>FilmGraph:Store</c> names no kind of store.</summary>
    public const int StoreUnavailableExitCode = 3;

    /// <summary>The address to listen on is taken by another process, or may not be used.</summary>
    public const int AddressUnavailableExitCode = 4;

    private const string Name = "filmgraph-api";

    /// <summary>Runs the application; the exit code of the process.</summary>
    public static int RunToExit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Asked before the run: once start-up fails, the host has already disposed of its loggers.
        var debug = app.Logger.IsEnabled(LogLevel.Debug);
        try
        {
            app.Run();
            return 0;
        }
        catch (Exception e) when (Handles(e))
        {
            return Report(e, debug, Console.Error);
        }
    }

    /// <summary>
    /// Whether start-up failing with <paramref name="e"/> is reported here. The host factory that tools use to build
    /// the application without running it aborts it on purpose, and that passes on.
    /// </summary>
    public static bool Handles(Exception e) => e is not HostAbortedException;

    /// <summary>Writes what went wrong and what to do to <paramref name="error"/>; the exit code for it.</summary>
    public static int Report(Exception e, bool debug, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(error);
        var (code, lines) = Explain(e);
        foreach (var line in lines) error.WriteLine($"{Name}: {line}");
        if (debug) error.WriteLine(e);
        return code;
    }

    /// <summary>The exit code and the lines for a failed start.</summary>
    public static (int Code, string[] Lines) Explain(Exception e) => e switch
    {
        GraphStoreException => (StoreUnavailableExitCode, [$"cannot start: {e.Message}"]),
        // Kestrel's "Failed to bind to address http://127.0.0.1:5000: address already in use."
        IOException { InnerException: AddressInUseException } => (AddressUnavailableExitCode,
        [
            $"cannot start: {e.Message}",
            "Another program (another FilmGraph API?) listens there: stop it, or choose another address with --urls or ASPNETCORE_URLS (http://localhost:5001).",
        ]),
        IOException when e.Message.StartsWith("Failed to bind", StringComparison.Ordinal) => (AddressUnavailableExitCode,
        [
            $"cannot start: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}",
            "Choose another address with --urls or ASPNETCORE_URLS (a port above 1024 needs no privileges).",
        ]),
        _ => (StartFailedExitCode,
        [
            $"cannot start: {e.Message}{(e.InnerException is { } inner && inner.Message != e.Message ? $" ({inner.Message})" : "")}",
            "Check the settings it names; Logging__LogLevel__Default=Debug shows the stack trace.",
        ]),
    };
}
