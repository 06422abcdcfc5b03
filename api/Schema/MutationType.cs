using FilmGraph.Core;
using GraphQL;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

/// <summary>
/// The writes. Each goes through the store port as an import does, so it is checked by the same rules
/// (<see cref="BatchValidator"/>), applied whole or not at all, durable and visible to the next query when answered.
/// Only a caller with an API key gets this far (the HTTP handler refuses the rest).
/// </summary>
internal sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";

        Field<WriteResultType, WriteResult>("upsertPerson")
            .Description("Creates the person, or updates the one with this id.")
            .Argument<NonNullGraphType<PersonInputType>>("person")
            .ResolveAsync(async ctx => await Writes.BatchAsync(ctx, "person",
                GraphBatch.Of(people: [WriteInputs.Person(ctx.GetArgument<Dictionary<string, object?>>("person"))]), s => s.People));

        Field<WriteResultType, WriteResult>("upsertFilm")
            .Description("Creates the film, or updates the one with this id.")
            .Argument<NonNullGraphType<FilmInputType>>("film")
            .ResolveAsync(async ctx => await Writes.BatchAsync(ctx, "film",
                GraphBatch.Of(films: [WriteInputs.Film(ctx.GetArgument<Dictionary<string, object?>>("film"))]), s => s.Films));

        Field<WriteResultType, WriteResult>("link")
            .Description("Adds the relationship, or updates the properties of the one with this type, start and end.")
            .Argument<NonNullGraphType<RelationshipInputType>>("relationship")
            .ResolveAsync(async ctx => await Writes.BatchAsync(ctx, "relationship",
                GraphBatch.Of(relationships: [WriteInputs.Relationship(ctx.GetArgument<Dictionary<string, object?>>("relationship"))]), s => s.Relationships));

        Field<WriteResultType, WriteResult>("unlink")
            .Description("Removes the relationship with this type, start and end; deleted is 0 when there was none. The people and films stay.")
            .Argument<NonNullGraphType<RelationshipTypeEnum>>("type")
            .Argument<NonNullGraphType<IdGraphType>>("from")
            .Argument<NonNullGraphType<IdGraphType>>("to")
            .ResolveAsync(async ctx => await Writes.UnlinkAsync(ctx,
                ctx.GetArgument<RelationshipType>("type"), ctx.GetArgument<string>("from"), ctx.GetArgument<string>("to")));

        Field<WriteResultType, WriteResult>("importDocument")
            .Description("Imports a FilmGraph JSON document (the importer's format) whole or not at all; every problem is reported with its line and JSON path.")
            .Argument<NonNullGraphType<StringGraphType>>("document", "The document's JSON text; send it as a variable.")
            .ResolveAsync(async ctx => await Writes.ImportAsync(ctx, ctx.GetArgument<string>("document")));
    }
}
