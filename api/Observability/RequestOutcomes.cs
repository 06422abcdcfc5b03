namespace FilmGraph.Api.Observability;

/// <summary>The values of <see cref="GraphQLRequestRecord.Outcome"/>, and so of the <c>outcome</c> label.</summary>
internal static class RequestOutcomes
{
    public const string Ok = "ok";
    public const string Refused = "refused";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Cancelled = "cancelled";

    /// <summary>For a request the handler left no record for: what its status code says.</summary>
    public static string FromStatus(int status) => status switch
    {
        < 400 => Ok,
        < 500 => Refused,
        _ => Failed,
    };
}
