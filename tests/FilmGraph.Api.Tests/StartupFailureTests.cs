using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FilmGraph.Api.Hosting;

namespace FilmGraph.Api.Tests;

/// <summary>
/// The built API run as a process that cannot start: a line or two on standard error saying what is wrong and what
/// to do, the documented exit code, and no stack trace unless logging is at debug level.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("filmgraph-startup-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed record Exit(int Code, string[] Errors, string Output);

    private async Task<Exit> RunAsync(int port, IReadOnlyDictionary<string, string>? environment = null, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FilmGraph.Api.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("FilmGraph__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("NEO4J_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["FilmGraph__Embedded__Path"] = Path.Combine(_directory, "store.db");
        start.Environment["FilmGraph__Seed__Enabled"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Exit(process.ExitCode, (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), await output);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_port_in_use_is_two_lines_and_exit_4()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var exit = await RunAsync(port);

        Assert.Equal(StartupFailure.AddressUnavailableExitCode, exit.Code);
        Assert.Equal(4, exit.Code);
        Assert.Equal(2, exit.Errors.Length);
        Assert.Equal($"filmgraph-api: cannot start: Failed to bind to address http://127.0.0.1:{port}: address already in use.", exit.Errors[0]);
        Assert.Contains("--urls", exit.Errors[1]);
        Assert.DoesNotContain(" at ", string.Join('\n', exit.Errors));
    }

    [Fact]
    public async Task An_unknown_store_kind_is_one_line_and_exit_3()
    {
        var exit = await RunAsync(FreePort(), new Dictionary<string, string> { ["FilmGraph__Store"] = "mongo" });

        Assert.Equal(3, exit.Code);
        Assert.Equal(["filmgraph-api: cannot start: FilmGraph:Store is 'mongo'; use 'embedded' or 'neo4j'."], exit.Errors);
    }

    [Fact]
    public async Task A_setting_of_the_wrong_form_is_two_lines_and_exit_1_with_the_stack_trace_only_at_debug_level()
    {
        var wrong = new Dictionary<string, string> { ["FilmGraph__Embedded__ExternalChangePoll"] = "soon" };

        var exit = await RunAsync(FreePort(), wrong);

        Assert.Equal(1, exit.Code);
        Assert.Equal(2, exit.Errors.Length);
        Assert.StartsWith("filmgraph-api: cannot start: Failed to convert configuration value 'soon' at 'FilmGraph:Embedded:ExternalChangePoll'", exit.Errors[0]);

        var debug = await RunAsync(FreePort(), new Dictionary<string, string>(wrong) { ["Logging__LogLevel__Default"] = "Debug" });
        Assert.Equal(1, debug.Code);
        Assert.Contains(debug.Errors, line => line.StartsWith("at ", StringComparison.Ordinal));
    }
}
