using System.Diagnostics;
using System.Net.Sockets;
using FilmGraph.Bolt;
using FilmGraph.Core;
using FilmGraph.Store.Embedded;
using FilmGraph.Store.Neo4j;
using Microsoft.Data.Sqlite;

namespace FilmGraph.Stores;

/// <summary>The one way to open a store: the API, the importer and the benchmarks all open theirs here.</summary>
public static class GraphStores
{
    /// <summary>
    /// Opens the store <paramref name="settings"/> name, behind the port's rules (<see cref="GuardedGraphStore"/>).
    /// A store that cannot be opened (no such kind, a file that cannot be read or created, a server that does not
    /// answer or refuses the schema) is a <see cref="GraphStoreException"/> naming the file or the address.
    /// </summary>
    public static async Task<IGraphStore> OpenAsync(StoreSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var kind = settings.Kind;
        try
        {
            var store = kind switch
            {
                StoreKind.Embedded => await EmbeddedGraphStore.OpenAsync(settings.Embedded, ct).ConfigureAwait(false),
                StoreKind.Neo4j => await Neo4jGraphStore.OpenAsync(settings.Neo4j, ct).ConfigureAwait(false),
                _ => throw new UnreachableException($"No store opens for kind {kind}."),
            };
            return GuardedGraphStore.Wrap(store);
        }
        catch (Exception e) when (OpenFault(kind, settings, e) is { } fault)
        {
            throw fault;
        }
    }

    /// <summary>
    /// Wider than each store's own <see cref="IGraphStore.Fault"/>, which judges failures of a store in use: until
    /// the store is open, the only input is the settings, so an address that does not parse, a statement of the
    /// schema the server refuses or a file of another schema is the setting's or the infrastructure's doing too.
    /// </summary>
    private static GraphStoreException? OpenFault(StoreKind kind, StoreSettings settings, Exception error) => kind switch
    {
        StoreKind.Embedded when error is SqliteException or IOException or UnauthorizedAccessException or InvalidDataException =>
            new GraphStoreException($"Cannot open the store file {Path.GetFullPath(settings.Embedded.Path)}: {error.Message}", error),
        StoreKind.Neo4j when error is BoltException or IOException or SocketException or ArgumentException or UriFormatException =>
            new GraphStoreException($"Cannot open the Neo4j store at {StoreDescription.WithoutPassword(settings.Neo4j.Uri)}: {error.Message}", error),
        _ => null,
    };
}
