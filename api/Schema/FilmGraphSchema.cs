namespace FilmGraph.Api.Schema;

/// <summary>The FilmGraph schema: people, films and the ways they connect; writes for callers with an API key.</summary>
internal sealed class FilmGraphSchema : global::GraphQL.Types.Schema
{
    public FilmGraphSchema(IServiceProvider services, QueryType query, MutationType mutation) : base(services)
    {
        Mutation = mutation;
        Description = "People, films and the relationships between them: who was cast, dropped, replaced, in conflict; how far apart two people are.";
        Query = query;
        // Introspection as graphql-js's getIntrospectionQuery asks with every option on (the October 2021 spec and
        // its working draft): __Directive.isRepeatable, includeDeprecated on args and input fields, specifiedByURL.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        RegisterVisitor(new CurrentIntrospection());
    }
}
