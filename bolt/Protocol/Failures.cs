namespace FilmGraph.Bolt.Protocol;

/// <summary>Turns a FAILURE's metadata into the typed exception for its Neo4j status code.</summary>
internal static class Failures
{
    public const string NotALeader = "Neo.ClientError.Cluster.NotALeader";
    public const string ForbiddenOnReadOnlyDatabase = "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase";

    public static BoltException ToException(IReadOnlyDictionary<string, object?> metadata, int depth = 0)
    {
        // Bolt 5.7 renamed "code" to "neo4j_code" when it added GQL statuses.
        var code = metadata.GetValueOrDefault("neo4j_code") as string ?? metadata.GetValueOrDefault("code") as string;
        var message = metadata.GetValueOrDefault("message") as string ?? "(no message)";
        var cause = depth < 16 && metadata.GetValueOrDefault("cause") is IReadOnlyDictionary<string, object?> inner ? ToException(inner, depth + 1) : null;
        // GQL causes carry only a status and a message; the top-level failure always has a Neo4j code.
        var exception = code is null && depth > 0 ? new BoltException(message) : Create(code ?? "Neo.DatabaseError.General.UnknownError", message);
        exception.GqlStatus = metadata.GetValueOrDefault("gql_status") as string;
        exception.GqlStatusDescription = metadata.GetValueOrDefault("description") as string;
        exception.DiagnosticRecord = metadata.GetValueOrDefault("diagnostic_record") as IReadOnlyDictionary<string, object?>;
        exception.GqlCause = cause;
        return exception;
    }

    public static bool IsRoutingFailure(string? code) => code is NotALeader or ForbiddenOnReadOnlyDatabase;

    private static BoltException Create(string code, string message)
    {
        if (code is "Neo.ClientError.Security.Unauthorized" or "Neo.ClientError.Security.AuthenticationRateLimit"
            or "Neo.ClientError.Security.CredentialsExpired" or "Neo.ClientError.Security.TokenExpired")
        {
            return new BoltAuthenticationException(code, message);
        }
        if (code is "Neo.TransientError.Transaction.Terminated" or "Neo.TransientError.Transaction.LockClientStopped")
        {
            // The client itself ended these transactions; running them again would repeat that.
            return new BoltClientException(code, message);
        }
        if (code.StartsWith("Neo.TransientError.", StringComparison.Ordinal))
        {
            return new BoltTransientException(code, message);
        }
        if (code.StartsWith("Neo.ClientError.", StringComparison.Ordinal))
        {
            return new BoltClientException(code, message);
        }
        return new BoltDatabaseException(code, message);
    }
}
