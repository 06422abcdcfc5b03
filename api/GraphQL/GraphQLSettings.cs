namespace FilmGraph.Api.GraphQL;

/// <summary>Settings of the section <c>FilmGraph:GraphQL</c>: what the API tells callers about its schema.</summary>
internal sealed class GraphQLSettings
{
    public const string Section = "FilmGraph:GraphQL";

    /// <summary>
    /// Answer <c>__schema</c> and <c>__type</c> and serve <c>/schema.graphql</c>. Off, both are refused, so that the
    /// schema is not published by the one and kept back by the other; <c>__typename</c> is always answered.
    /// </summary>
    public bool Introspection { get; set; } = true;

    /// <summary>
    /// "Did you mean ...?" after an unknown field in a validation error. Off, the message stops at the field it
    /// could not find: suggestions let a caller rebuild the schema by guessing, whatever <see cref="Introspection"/> says.
    /// </summary>
    public bool Suggestions { get; set; } = true;
}
