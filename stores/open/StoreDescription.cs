namespace FilmGraph.Stores;

/// <summary>
/// The store that settings name, in words for a person to check: the kind and the absolute file, or the server's
/// address without any password in it, since these lines go to logs and terminals.
/// </summary>
public static class StoreDescription
{
    /// <summary>
    /// "embedded store /srv/filmgraph.db" or "Neo4j store bolt://host:7687, database films, user neo4j". A kind that
    /// is neither is a GraphStoreException listing the choices, as opening it would be.
    /// </summary>
    public static string Of(StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Kind switch
        {
            StoreKind.Embedded => $"embedded store {Path.GetFullPath(settings.Embedded.Path)}",
            _ => $"Neo4j store {WithoutPassword(settings.Neo4j.Uri)}" +
                 (settings.Neo4j.Database is { Length: > 0 } database ? $", database {database}" : ", the server's default database") +
                 (settings.Neo4j.Username.Length > 0 ? $", user {settings.Neo4j.Username}" : ", no authentication"),
        };
    }

    /// <summary>The address with any user information (<c>bolt://user:secret@host</c>) taken out.</summary>
    public static string WithoutPassword(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.UserInfo.Length == 0) return uri;
        return new UriBuilder(parsed) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
