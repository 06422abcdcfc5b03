using System.Text.RegularExpressions;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>
/// docker-compose.yml and the Dockerfiles it builds: the compose file validates (with docker-compose where it is
/// installed, as data always): health checks, the order of start-up, no secret written in it, host ports that can be
/// moved, the scale profile; and the images build from the solution layout (every path they copy exists, and every
/// project the entry point needs is copied).
/// </summary>
public sealed partial class ComposeTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "api/Dockerfile", "api/FilmGraph.Api.csproj" },
        { "importer/Dockerfile", "importer/FilmGraph.Importer.csproj" },
    };

    private static readonly ComposeFile Compose = ComposeFile.Load(RepoPaths.At("docker-compose.yml"));

    private static IEnumerable<ComposeFile.Service> Apis => Compose.Services.Values.Where(s => s.Dockerfile == "api/Dockerfile");

    /// <summary>docker-compose, or the docker compose plugin, where either is installed.</summary>
    private static string[]? ComposeCommand()
    {
        if (RepoPaths.Which("docker-compose") is { } compose) return [compose];
        if (RepoPaths.Which("docker") is { } docker && RepoPaths.Run(docker, RepoPaths.Root, TimeSpan.FromSeconds(30), "compose", "version").ExitCode == 0)
            return [docker, "compose"];
        return null;
    }

    /// <summary>Compose's own verdict on the file, away from any .env of the machine: an empty file stands in for it.</summary>
    private static (int ExitCode, string Output, string Error) Config(string[] compose, string? password, params string[] profile)
    {
        var noEnvFile = Path.GetTempFileName();
        try
        {
            return RepoPaths.Run(compose[0], RepoPaths.Root, TimeSpan.FromMinutes(1),
                new Dictionary<string, string?> { ["NEO4J_PASSWORD"] = password }, [.. compose[1..], "--env-file", noEnvFile, .. profile, "config"]);
        }
        finally
        {
            File.Delete(noEnvFile);
        }
    }

    [SkippableFact]
    public void The_compose_file_validates_with_and_without_the_scale_profile_and_refuses_to_run_without_a_password()
    {
        var compose = ComposeCommand();
        Skip.If(compose is null, "Neither docker-compose (Debian package docker-compose) nor the docker compose plugin is installed.");

        // A password with a quote and a space goes through as it is (no healthcheck quotes it any more).
        var plain = Config(compose!, "pa\"ss word");
        Assert.True(plain.ExitCode == 0, $"compose config refused docker-compose.yml:\n{plain.Output}{plain.Error}");
        Assert.Contains("pa\"ss word", plain.Output);

        var scale = Config(compose!, "secret-for-the-test", "--profile", "scale");
        Assert.True(scale.ExitCode == 0, $"compose --profile scale config refused docker-compose.yml:\n{scale.Output}{scale.Error}");
        foreach (var service in new[] { "api-2:", "api-3:", "proxy:" }) Assert.Contains(service, scale.Output);

        var unset = Config(compose!, null);
        Assert.NotEqual(0, unset.ExitCode);
        Assert.Contains("NEO4J_PASSWORD", unset.Output + unset.Error);
    }

    [Fact]
    public void The_compose_file_builds_from_files_that_exist_and_selects_neo4j()
    {
        var built = Compose.Services.Values.Where(s => s.Dockerfile is not null).ToList();
        Assert.NotEmpty(built);
        foreach (var service in built)
        {
            Assert.True(File.Exists(RepoPaths.At(service.Dockerfile!)), $"{service.Name} builds from {service.Dockerfile}, which does not exist.");
            Assert.Equal("neo4j", service.Environment["FilmGraph__Store"]);
            Assert.Equal("bolt://neo4j:7687", service.Environment["NEO4J_URI"]);
        }
        Assert.Contains(built, s => s.Name == "importer");
    }

    [Fact]
    public void Every_long_running_service_has_a_healthcheck_and_the_API_s_asks_readyz()
    {
        foreach (var service in Compose.Services.Values.Where(s => s.Name != "importer"))
        {
            var check = service.Section("healthcheck");
            Assert.True(check.ContainsKey("test"), $"{service.Name} has no healthcheck.");
            foreach (var key in new[] { "interval", "timeout", "retries" }) Assert.True(check.ContainsKey(key), $"{service.Name}'s healthcheck has no {key}.");
        }
        foreach (var api in Apis)
            Assert.Contains("/readyz", string.Join(' ', ComposeFile.List(api.Section("healthcheck")["test"])));
    }

    [Fact]
    public void Neo4j_s_healthcheck_is_a_light_HTTP_probe_that_needs_no_password_and_waits_out_the_first_start()
    {
        var check = Compose.Services["neo4j"].Section("healthcheck");
        var test = ComposeFile.List(check["test"]);

        Assert.Equal("CMD", test[0]);
        Assert.Equal("wget", test[1]);
        Assert.Contains(test, word => word.Contains(":7474", StringComparison.Ordinal));
        Assert.DoesNotContain(test, word => word.Contains('$', StringComparison.Ordinal) || word.Contains("cypher-shell", StringComparison.Ordinal));
        var seconds = Regex.Match((string)check["start_period"], @"^(\d+)s$");
        Assert.True(seconds.Success && int.Parse(seconds.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 30,
            "Neo4j's first start takes longer than its start_period allows.");
    }

    [Fact]
    public void The_APIs_start_once_Neo4j_is_healthy_and_the_import_has_finished()
    {
        Assert.Equal(new Dictionary<string, string> { ["neo4j"] = "service_healthy" }, Compose.Services["importer"].DependsOn);
        Assert.Equal("no", Compose.Services["importer"].Get("restart"));
        foreach (var api in Apis)
        {
            Assert.Equal("service_healthy", api.DependsOn["neo4j"]);
            Assert.Equal("service_completed_successfully", api.DependsOn["importer"]);
        }
    }

    [Fact]
    public void No_secret_is_written_in_the_compose_file_and_the_example_env_file_names_every_variable()
    {
        var text = File.ReadAllText(RepoPaths.At("docker-compose.yml"));
        var used = Interpolation().Matches(text).Select(m => (Name: m.Groups[1].Value, Rule: m.Groups[2].Value)).ToList();
        Assert.NotEmpty(used);
        // The password must be given: no ":-default" for it, anywhere.
        Assert.All(used.Where(u => u.Name == "NEO4J_PASSWORD"), u => Assert.StartsWith(":?", u.Rule));
        foreach (var service in Compose.Services.Values)
            foreach (var (name, value) in service.Environment.Where(e => e.Key.Contains("PASSWORD", StringComparison.Ordinal) || e.Key.Contains("AUTH", StringComparison.Ordinal)))
                Assert.Contains("${NEO4J_PASSWORD:?", value);

        var example = File.ReadAllLines(RepoPaths.At(".env.example")).Where(l => l.Contains('=') && !l.StartsWith('#')).Select(l => l[..l.IndexOf('=')]).ToHashSet();
        foreach (var name in used.Select(u => u.Name).Distinct()) Assert.True(example.Contains(name), $".env.example does not list {name}.");
        Assert.Contains(".env", File.ReadAllLines(RepoPaths.At(".gitignore")));
    }

    [Fact]
    public void Every_host_port_can_be_moved_through_a_variable()
    {
        var ports = Compose.Services.Values.SelectMany(s => s.Ports.Select(p => (s.Name, Port: p))).ToList();
        Assert.Equal(4, ports.Count);
        foreach (var (service, port) in ports) Assert.Matches(@"^\$\{[A-Z0-9_]+:-\d+\}:\d+$", port);
        Assert.Equal(["${FILMGRAPH_HTTP_PORT:-8080}:8080"], Compose.Services["api"].Ports);
        Assert.Equal(["${NEO4J_HTTP_PORT:-7474}:7474", "${NEO4J_BOLT_PORT:-7687}:7687"], Compose.Services["neo4j"].Ports);
    }

    [Fact]
    public void The_scale_profile_runs_three_API_replicas_behind_nginx_on_one_Neo4j()
    {
        var apis = Apis.ToList();
        Assert.Equal(3, apis.Count);
        Assert.Single(apis, a => a.Profiles.Count == 0);
        Assert.All(apis.Where(a => a.Profiles.Count > 0), a => Assert.Equal(["scale"], a.Profiles));
        Assert.Single(Compose.Services.Values, s => s.Get("image")?.StartsWith("neo4j:", StringComparison.Ordinal) == true);

        var proxy = Compose.Services["proxy"];
        Assert.Equal(["scale"], proxy.Profiles);
        Assert.StartsWith("nginx:", proxy.Get("image"));
        Assert.Equal(apis.Select(a => a.Name).Order(), proxy.DependsOn.Keys.Order());
        Assert.All(proxy.DependsOn.Values, condition => Assert.Equal("service_healthy", condition));
        var mount = Assert.Single(proxy.Volumes);
        var config = mount.Split(':')[0];
        Assert.True(File.Exists(RepoPaths.At(config)), $"The proxy mounts {config}, which is not in the repository.");

        var upstreams = UpstreamServer().Matches(File.ReadAllText(RepoPaths.At(config))).Select(m => m.Groups[1].Value).Order();
        Assert.Equal(apis.Select(a => $"{a.Name}:8080").Order(), upstreams);
    }

    [SkippableFact]
    public void The_proxy_s_nginx_configuration_is_accepted_by_nginx()
    {
        var nginx = RepoPaths.Which("nginx") ?? (File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null);
        Skip.If(nginx is null, "nginx is not installed (Debian package nginx-light).");
        var folder = Directory.CreateTempSubdirectory("filmgraph-nginx-").FullName;
        try
        {
            // The replicas' names resolve only inside Compose's network; here they stand for loopback.
            var site = UpstreamServer().Replace(File.ReadAllText(RepoPaths.At("compose", "nginx.conf")), m => m.Value.Replace(m.Groups[1].Value, "127.0.0.1:8080"));
            File.WriteAllText(Path.Combine(folder, "site.conf"), site);
            File.WriteAllText(Path.Combine(folder, "nginx.conf"),
                $"pid {folder}/nginx.pid; error_log {folder}/error.log; events {{}} http {{ access_log off; include {folder}/site.conf; }}");
            var (exit, output, error) = RepoPaths.Run(nginx!, folder, TimeSpan.FromSeconds(30), "-t", "-q", "-p", folder, "-c", Path.Combine(folder, "nginx.conf"));
            Assert.True(exit == 0, $"nginx -t refused compose/nginx.conf:\n{output}{error}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Every_path_a_Dockerfile_copies_exists(string dockerfile, string project)
    {
        var copies = CopySources(dockerfile);
        Assert.NotEmpty(copies);
        foreach (var source in copies)
            Assert.True(File.Exists(RepoPaths.At(source)) || Directory.Exists(RepoPaths.At(source)), $"{dockerfile} copies {source}, which is not in the repository.");
        Assert.Contains(project, copies);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void A_Dockerfile_copies_every_project_its_entry_point_references(string dockerfile, string project)
    {
        var copies = CopySources(dockerfile);
        foreach (var needed in ProjectClosure(project))
        {
            Assert.True(copies.Contains(needed), $"{dockerfile} restores without copying {needed} first.");
            Assert.True(copies.Any(c => c.EndsWith('/') && needed.StartsWith(c, StringComparison.Ordinal)), $"{dockerfile} never copies the sources of {needed}.");
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void A_Dockerfile_builds_on_the_SDK_and_runs_as_a_non_root_user(string dockerfile, string project)
    {
        var lines = File.ReadAllLines(RepoPaths.At(dockerfile)).Select(l => l.Trim()).ToList();
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", froms[0]);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/(aspnet|runtime):10\.0$", froms[^1]);
        var finalStage = lines.Skip(lines.LastIndexOf(froms[^1])).ToList();
        Assert.Contains("USER $APP_UID", finalStage);
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish " + project, StringComparison.Ordinal));
    }

    /// <summary>Sources of COPY instructions from the build context (the repository root), not from other stages.</summary>
    private static List<string> CopySources(string dockerfile) =>
        File.ReadAllLines(RepoPaths.At(dockerfile))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(l =>
            {
                var words = l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
                return words[..^1];
            })
            .ToList();

    /// <summary>The project and every project it references, directly or not, as repository paths.</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current)) continue;
            var folder = Path.GetDirectoryName(current)!;
            foreach (Match m in ProjectReference().Matches(File.ReadAllText(RepoPaths.At(current))))
            {
                var full = Path.GetFullPath(Path.Combine(RepoPaths.At(folder), m.Groups[1].Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepoPaths.Root, full).Replace('\\', '/'));
            }
        }
        return found;
    }

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)([^}]*)\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"server\s+([a-z0-9-]+:\d+)")]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"<ProjectReference\s+Include=""([^""]+)""")]
    private static partial Regex ProjectReference();
}
