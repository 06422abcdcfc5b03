namespace FilmGraph.Api.Observability;

/// <summary>Endpoint metadata: requests to this endpoint get the request log line and the request metrics.</summary>
internal sealed class ObservedEndpoint
{
    public static readonly ObservedEndpoint Instance = new();

    private ObservedEndpoint()
    {
    }
}
