using System.Diagnostics;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Routing;

/// <summary>
/// Who serves one database: routers, readers, writers, and until when that answer holds. Servers
/// that fail are removed in place; the table is replaced wholesale on refresh.
/// </summary>
internal sealed class RoutingTable
{
    private readonly object _gate = new();
    private readonly List<ServerAddress> _routers;
    private readonly List<ServerAddress> _readers;
    private readonly List<ServerAddress> _writers;
    private int _next;

    public RoutingTable(string? database, IEnumerable<ServerAddress> routers, IEnumerable<ServerAddress> readers, IEnumerable<ServerAddress> writers, TimeSpan ttl)
    {
        Database = database;
        _routers = routers.ToList();
        _readers = readers.ToList();
        _writers = writers.ToList();
        ExpiresAt = Stopwatch.GetTimestamp() + (long)(Math.Min(ttl.TotalSeconds, int.MaxValue) * Stopwatch.Frequency);
    }

    /// <summary>The database the table is for: the one asked for, or the home database the router named for the default.</summary>
    public string? Database { get; }

    /// <summary>When the table stops holding, as a <see cref="Stopwatch"/> timestamp.</summary>
    public long ExpiresAt { get; }

    public IReadOnlyList<ServerAddress> Routers { get { lock (_gate) { return _routers.ToArray(); } } }

    public IReadOnlyList<ServerAddress> Readers { get { lock (_gate) { return _readers.ToArray(); } } }

    public IReadOnlyList<ServerAddress> Writers { get { lock (_gate) { return _writers.ToArray(); } } }

    public bool IsFresh(BoltAccessMode mode)
    {
        lock (_gate)
        {
            return Stopwatch.GetTimestamp() < ExpiresAt && _routers.Count > 0 && (mode == BoltAccessMode.Read ? _readers : _writers).Count > 0;
        }
    }

    /// <summary>Servers for the mode in round-robin order, so load spreads across the cluster.</summary>
    public IReadOnlyList<ServerAddress> Candidates(BoltAccessMode mode)
    {
        lock (_gate)
        {
            var list = mode == BoltAccessMode.Read ? _readers : _writers;
            if (list.Count == 0)
            {
                return [];
            }
            var start = _next++ % list.Count;
            return [.. list.Skip(start), .. list.Take(start)];
        }
    }

    public void Forget(ServerAddress address)
    {
        lock (_gate)
        {
            _routers.Remove(address);
            _readers.Remove(address);
            _writers.Remove(address);
        }
    }

    public void ForgetWriter(ServerAddress address)
    {
        lock (_gate)
        {
            _writers.Remove(address);
        }
    }

    /// <summary>Parses the "rt" map of a ROUTE reply.</summary>
    public static RoutingTable Parse(string? requestedDatabase, IReadOnlyDictionary<string, object?> rt)
    {
        var ttl = rt.GetValueOrDefault("ttl") is long seconds ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : TimeSpan.Zero;
        var routers = new List<ServerAddress>();
        var readers = new List<ServerAddress>();
        var writers = new List<ServerAddress>();
        if (rt.GetValueOrDefault("servers") is IEnumerable<object?> servers)
        {
            foreach (var server in servers.OfType<IReadOnlyDictionary<string, object?>>())
            {
                var target = (server.GetValueOrDefault("role") as string) switch
                {
                    "ROUTE" => routers,
                    "READ" => readers,
                    "WRITE" => writers,
                    _ => null,
                };
                if (target is not null && server.GetValueOrDefault("addresses") is IEnumerable<object?> addresses)
                {
                    target.AddRange(addresses.OfType<string>().Select(ServerAddress.Parse));
                }
            }
        }
        return new RoutingTable(rt.GetValueOrDefault("db") as string ?? requestedDatabase, routers, readers, writers, ttl);
    }
}
