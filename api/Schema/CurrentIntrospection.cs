using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace FilmGraph.Api.Schema;

/// <summary>
/// The two parts of current introspection that GraphQL.NET 8.8 lacks even with its feature switches on, and that
/// graphql-js's getIntrospectionQuery with every option on asks for: <c>__Type.specifiedByURL</c> (October 2021) and
/// <c>includeDeprecated</c> on <c>__Directive.args</c> (the working draft, as GraphQL.NET already has it on field args).
/// Added to the introspection types as the schema is initialized.
/// </summary>
internal sealed class CurrentIntrospection : BaseSchemaNodeVisitor
{
    public override void VisitObject(IObjectGraphType type, ISchema schema)
    {
        if (type.Name == "__Type" && !type.HasField("specifiedByURL"))
        {
            // No scalar here names a specification (ID, String, Int, Float and Boolean are the spec's own), so it is
            // null for every type, as the specification says it is for such a scalar and for every other kind.
            type.AddField(new FieldType
            {
                Name = "specifiedByURL",
                Description = "A URL to the specification of a custom scalar; null for the built-in scalars and for other kinds of type.",
                ResolvedType = schema.AllTypes["String"],
                Resolver = new FuncFieldResolver<object?>(_ => null),
            });
        }
        if (type.Name == "__Directive" && type.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null)
        {
            args.Arguments ??= [];
            args.Arguments.Add(new QueryArgument(typeof(BooleanGraphType))
            {
                Name = "includeDeprecated",
                Description = "Whether deprecated arguments are listed too.",
                DefaultValue = false,
                ResolvedType = schema.AllTypes["Boolean"],
            });
            var all = args.Resolver!;
            args.Resolver = new FuncFieldResolver<object?>(async context =>
            {
                var listed = await all.ResolveAsync(context).ConfigureAwait(false);
                return context.GetArgument<bool>("includeDeprecated") || listed is not IEnumerable<QueryArgument> arguments
                    ? listed
                    : arguments.Where(a => a.DeprecationReason is null).ToList();
            });
        }
    }
}
