namespace FilmGraph.Api.Schema;

/// <summary>The FilmGraph schema: people, films and the ways they connect; writes for callers with an API key.</summary>
internal sealed class FilmGraphSchema : global::GraphQL.Types.Schema
{
    public FilmGraphSchema(IServiceProvider services, QueryType query, MutationType mutation) : base(services)
    {
        Mutation = mutation;
        Description = "People, films and the relationships between them: who was cast, dropped, replaced, in conflict; how far apart two people are.";
        Query = query;
    }
}
