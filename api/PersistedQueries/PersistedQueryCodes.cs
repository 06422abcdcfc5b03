namespace FilmGraph.Api.PersistedQueries;

/// <summary>The <c>extensions.code</c> of persisted-query refusals; the first two are the names clients know.</summary>
public static class PersistedQueryCodes
{
    public const string NotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string NotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
    public const string HashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string NotTrusted = "DOCUMENT_NOT_TRUSTED";
}
