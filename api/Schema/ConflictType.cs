using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class ConflictType : ObjectGraphType<Conflict>
{
    public ConflictType()
    {
        Name = "Conflict";
        Description = "A conflict between two people (CONFLICTED_WITH), seen from one of them.";
        Field<NonNullGraphType<PersonType>, Person>("person").Description("The other person.").Resolve(ctx => ctx.Source.Other);
        Field(c => c.Outgoing).Description("True when the data states the conflict from this person to the other, false when from the other to this person.");
        Field<FilmType, Film>("context").Description("The film the conflict arose on, when the data names one that exists.")
            .Resolve(ctx => ctx.Source.Context);
        Field(c => c.ContextText, nullable: true).Description("The context as the data gives it.");
        Field(c => c.Description, nullable: true).Description("What happened.");
        Field<SourceType, Source>("source").Description("Where the fact came from.").Resolve(ctx => ctx.Source.Source);
    }
}
