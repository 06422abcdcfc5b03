namespace FilmGraph.Bolt.Pool;

/// <summary>
/// What a session asks a provider for: a connection for <see cref="Database"/> (null: the user's home database),
/// as <see cref="ImpersonatedUser"/> or with <see cref="Auth"/> (null: the driver's user and token), for
/// <see cref="Mode"/>, after <see cref="Bookmarks"/>.
/// </summary>
internal sealed record AcquireRequest(string? Database, BoltAccessMode Mode, IReadOnlyList<string> Bookmarks, string? ImpersonatedUser = null, BoltAuth? Auth = null);
