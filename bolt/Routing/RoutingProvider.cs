using System.Collections.Concurrent;
using FilmGraph.Bolt.Pool;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Routing;

/// <summary>
/// neo4j://: a routing table per database, fetched with ROUTE from the known routers (the URI's
/// server last of all) and refreshed when it expires, lacks a server for the wanted mode, or a
/// writer turned out not to be one.
/// </summary>
internal sealed class RoutingProvider(ServerAddress seed, IReadOnlyDictionary<string, object?> routingContext, PoolRegistry pools) : IConnectionProvider
{
    // Database names cannot hold NUL, so the default database's per-user keys never meet a named database's.
    private const string DefaultDatabaseKey = "\0";

    private readonly ConcurrentDictionary<string, RoutingTable> _tables = new(StringComparer.Ordinal);
    private readonly HomeDatabaseCache _homes = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);

    public IEnumerable<ConnectionPool> Pools => pools.All;

    internal RoutingTable? TableFor(string database) => _tables.GetValueOrDefault(database);

    public async Task<ConnectionLease> AcquireAsync(AcquireRequest request, CancellationToken ct)
    {
        var (database, mode, bookmarks, impersonatedUser, auth) = request;
        // Whose home database: the impersonated user's, the session's own user's, or the driver's.
        var user = impersonatedUser is not null ? $"impersonated:{impersonatedUser}" : auth is not null ? $"session:{auth.UserKey}" : "driver";
        database ??= _homes.Get(user);
        var table = await GetTableAsync(database, impersonatedUser, user, mode, bookmarks, ct).ConfigureAwait(false);
        if (database is null && table.Database is { } home)
        {
            // The router named the home database: sessions pin it, later ones start from it.
            _homes.Set(user, home, table.ExpiresAt);
            _tables.AddOrUpdate(home, table, (_, known) => known.IsFresh(mode) ? known : table);
        }
        database ??= table.Database;
        foreach (var address in table.Candidates(mode))
        {
            var pool = pools.Get(address);
            try
            {
                var connection = await pool.AcquireAsync(auth, ct).ConfigureAwait(false);
                return new ConnectionLease(connection, pool, this, database, auth is not null);
            }
            catch (BoltServiceUnavailableException)
            {
                OnServerUnavailable(address);
            }
        }
        throw new BoltSessionExpiredException($"No {(mode == BoltAccessMode.Read ? "reader" : "writer")} for database '{database ?? "(default)"}' could be reached.");
    }

    /// <summary>The table for a database; for the default database, per user, since each user has a home database of their own.</summary>
    private async Task<RoutingTable> GetTableAsync(string? database, string? impersonatedUser, string user, BoltAccessMode mode,
        IReadOnlyList<string> bookmarks, CancellationToken ct)
    {
        var key = database ?? DefaultDatabaseKey + user;
        if (_tables.TryGetValue(key, out var table) && table.IsFresh(mode))
        {
            return table;
        }
        await _refresh.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_tables.TryGetValue(key, out table) && table.IsFresh(mode))
            {
                return table;
            }
            var fresh = await FetchAsync(database, impersonatedUser, table?.Routers ?? [], bookmarks, ct).ConfigureAwait(false);
            _tables[key] = fresh;
            return fresh;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<RoutingTable> FetchAsync(string? database, string? impersonatedUser, IReadOnlyList<ServerAddress> knownRouters,
        IReadOnlyList<string> bookmarks, CancellationToken ct)
    {
        var routers = knownRouters.Where(r => r != seed).Append(seed).ToList();
        var failures = new List<Exception>();
        foreach (var router in routers)
        {
            var pool = pools.Get(router);
            BoltConnection connection;
            try
            {
                connection = await pool.AcquireAsync(null, ct).ConfigureAwait(false);
            }
            catch (BoltServiceUnavailableException e)
            {
                failures.Add(e);
                continue;
            }
            var lease = new ConnectionLease(connection, pool, this, database);
            try
            {
                var extra = new Dictionary<string, object?>();
                if (database is not null)
                {
                    extra["db"] = database;
                }
                if (impersonatedUser is not null)
                {
                    // The table (and, for the default database, the home database) is the impersonated user's.
                    extra["imp_user"] = impersonatedUser;
                }
                connection.Send(MessageTags.Route, routingContext, bookmarks, extra);
                await lease.FlushAsync(ct).ConfigureAwait(false);
                var reply = await lease.ReadAsync(ct).ConfigureAwait(false);
                if (reply.Kind != ResponseKind.Success)
                {
                    // A router that answers with an error (unknown database, no access) speaks for the cluster.
                    throw await lease.FailAsync(reply, ct).ConfigureAwait(false);
                }
                if (reply.Get("rt") is not IReadOnlyDictionary<string, object?> rt)
                {
                    throw new BoltProtocolException("A ROUTE reply lacks its routing table.");
                }
                var table = RoutingTable.Parse(database, rt);
                if (table.Routers.Count == 0 || table.Readers.Count == 0)
                {
                    failures.Add(new BoltServiceUnavailableException($"Router {router} returned a table without routers or readers."));
                    continue;
                }
                return table;
            }
            catch (BoltServiceUnavailableException e)
            {
                failures.Add(e);
            }
            finally
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
            }
        }
        throw new BoltServiceUnavailableException(
            $"No router could provide a routing table for database '{database ?? "(default)"}': {string.Join("; ", failures.Select(f => f.Message))}",
            failures.LastOrDefault());
    }

    public void OnServerUnavailable(ServerAddress address)
    {
        foreach (var table in _tables.Values)
        {
            table.Forget(address);
        }
        _ = pools.PurgeAsync(address).AsTask();
    }

    public void OnWriterGone(ServerAddress address, string? database)
    {
        if (database is not null && _tables.TryGetValue(database, out var table))
        {
            table.ForgetWriter(address);
        }
    }

    public ValueTask DisposeAsync() => pools.DisposeAsync();
}
