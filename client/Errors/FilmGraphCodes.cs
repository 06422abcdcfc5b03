namespace FilmGraph.Client;

/// <summary>The <c>extensions.code</c> values the FilmGraph API answers with, for <see cref="FilmGraphException.Code"/>.</summary>
public static class FilmGraphCodes
{
    /// <summary>An id, name or title given explicitly matches nothing.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>A name or title matches several; the message lists their ids.</summary>
    public const string Ambiguous = "AMBIGUOUS";

    /// <summary>An argument out of range or contradictory; <c>extensions.argument</c> names it.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>A write (or, where reads need a key, any request) without a valid API key.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>Over this client's budget: the answer was 429 with <c>Retry-After</c>.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The API's store is not open, or its file or server failed.</summary>
    public const string StoreUnavailable = "STORE_UNAVAILABLE";

    /// <summary>Anything else went wrong on the server; the details are in its log.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    /// <summary>The server does not know the hash sent; the client sends the query with it (and the server keeps it).</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>The hash sent is not the SHA-256 of the query sent with it.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    /// <summary>The server has persisted queries turned off; the client then sends the query text only.</summary>
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
}
