using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>
/// docker-compose.yml as data, with its anchors and merge keys (<c>&lt;&lt;: *api</c>) resolved as Compose resolves
/// them, so that each service can be checked as Compose will run it. Variables are left as written (<c>${NAME:?...}</c>).
/// </summary>
internal sealed class ComposeFile
{
    private readonly Dictionary<object, object> _root;

    private ComposeFile(Dictionary<object, object> root) => _root = root;

    public static ComposeFile Load(string path)
    {
        using var reader = new StreamReader(path);
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
        return new ComposeFile(root);
    }

    public IReadOnlyDictionary<string, Service> Services =>
        Map(_root["services"]).ToDictionary(s => s.Key, s => new Service(s.Key, Map(s.Value)));

    public static Dictionary<string, object> Map(object? node) =>
        node is Dictionary<object, object> map ? map.ToDictionary(e => (string)e.Key, e => e.Value) : [];

    public static List<string> List(object? node) => node is List<object> list ? [.. list.Select(i => i.ToString() ?? "")] : [];

    /// <summary>One service, as its keys say.</summary>
    public sealed record Service(string Name, Dictionary<string, object> Keys)
    {
        public string? Get(string key) => Keys.TryGetValue(key, out var value) ? value as string : null;

        public Dictionary<string, object> Section(string key) => Map(Keys.GetValueOrDefault(key));

        public List<string> Profiles => List(Keys.GetValueOrDefault("profiles"));

        public string? Dockerfile => Section("build").GetValueOrDefault("dockerfile") as string;

        public Dictionary<string, string> Environment => Section("environment").ToDictionary(e => e.Key, e => e.Value?.ToString() ?? "");

        /// <summary>The condition each service it depends on must meet.</summary>
        public Dictionary<string, string> DependsOn =>
            Section("depends_on").ToDictionary(d => d.Key, d => Map(d.Value).GetValueOrDefault("condition") as string ?? "service_started");

        public List<string> Ports => List(Keys.GetValueOrDefault("ports"));

        public List<string> Volumes => List(Keys.GetValueOrDefault("volumes"));
    }
}
