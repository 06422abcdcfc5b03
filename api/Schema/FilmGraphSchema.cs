namespace FilmGraph.Api.Schema;

/// <summary>The read-only FilmGraph schema: people, films and the ways they connect.</summary>
internal sealed class FilmGraphSchema : global::GraphQL.Types.Schema
{
    public FilmGraphSchema(IServiceProvider services, QueryType query) : base(services)
    {
        Description = "People, films and the relationships between them: who was cast, dropped, replaced, in conflict; how far apart two people are.";
        Query = query;
    }
}
