using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class ReplacementType : ObjectGraphType<Replacement>
{
    public ReplacementType()
    {
        Name = "Replacement";
        Description = "Derived, not stored: 'dropped' left a film in a role (DROPPED_FROM) and 'cast' was cast in that role (CAST_IN). " +
                      "Roles match ignoring case and surrounding space.";
        Field<NonNullGraphType<FilmType>, Film>("film").Description("The film.").Resolve(ctx => ctx.Source.Film);
        Field(r => r.Role, nullable: true).Description("The role, as the cast credit gives it.");
        Field<NonNullGraphType<PersonType>, Person>("dropped").Description("Who left the role.").Resolve(ctx => ctx.Source.Dropped);
        Field<NonNullGraphType<PersonType>, Person>("cast").Description("Who was cast in it.").Resolve(ctx => ctx.Source.Cast);
        Field(r => r.Reason, nullable: true).Description("Why the dropped person left, when known.");
        Field<SourceType, Source>("source").Description("Where the drop is stated.").Resolve(ctx => ctx.Source.Source);
    }
}
