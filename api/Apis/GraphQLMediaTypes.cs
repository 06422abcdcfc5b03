namespace FilmGraph.Api.Apis;

/// <summary>The two media types a GraphQL answer may have, and which of them a request prefers.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// True when <c>application/graphql-response+json</c> is accepted at least as much as <c>application/json</c>,
    /// as the GraphQL-over-HTTP specification asks; a request that names neither gets <c>application/json</c>.
    /// </summary>
    public static bool PrefersGraphQLResponse(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string mediaType) => accept
            .Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1.0)
            .DefaultIfEmpty(0.0)
            .Max();
        var graphQLResponse = Quality(GraphQLResponse);
        return graphQLResponse > 0 && graphQLResponse >= Quality(Json);
    }
}
