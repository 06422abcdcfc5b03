using FilmGraph.Core;

namespace FilmGraph.Api.Hosting;

/// <summary>
/// How the process ends when it cannot start: a store that cannot be opened is the operator's to fix, so it is one
/// line naming the file or server and the cause, and exit code 3, not a stack trace.
/// </summary>
public static class StartupFailure
{
    public const int StoreUnavailableExitCode = 3;

    /// <summary>Runs the application; the exit code of the process.</summary>
    public static int RunToExit(this WebApplication app)
    {
        try
        {
            app.Run();
            return 0;
        }
        catch (GraphStoreException e)
        {
            Console.Error.WriteLine($"filmgraph-api: cannot start: {e.Message}");
            return StoreUnavailableExitCode;
        }
    }
}
