using FilmGraph.Core;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

/// <summary>Arguments several fields share, declared and read in one place so that they mean the same everywhere.</summary>
internal static class Arguments
{
    public static FieldBuilder<TSource, TReturn> TypesArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string description) =>
        field.Argument<ListGraphType<NonNullGraphType<RelationshipTypeEnum>>>("types", description + " All types when left out.");

    public static IReadOnlyList<RelationshipType>? Types(this IResolveFieldContext context) =>
        context.GetArgument<List<RelationshipType>?>("types");

    public static FieldBuilder<TSource, TReturn> FirstArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int defaultValue, int ceiling) =>
        field.Argument<IntGraphType>("first", $"How many to return: default {defaultValue}, at most {ceiling}.", a => a.DefaultValue = defaultValue);

    /// <summary>The argument as given; the store port checks it against the field's ceiling.</summary>
    public static int First(this IResolveFieldContext context) => context.GetArgument<int>("first");

    /// <summary>first and after: a page of a connection.</summary>
    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", $"How many to return: default {Limits.DefaultPage}, at most {Limits.PageCeiling}.", a => a.DefaultValue = Limits.DefaultPage)
            .Argument<StringGraphType>("after", "The cursor after which the page starts (a pageInfo.endCursor); left out, the first page.");

    public static string? After(this IResolveFieldContext context) => context.GetArgument<string?>("after");

    public static FieldBuilder<TSource, TReturn> MaxHopsArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<IntGraphType>("maxHops",
            $"The most films a chain may pass through: default {Limits.DefaultMaxHops}, at most {Limits.MaxHopsCeiling}.", a => a.DefaultValue = Limits.DefaultMaxHops);

    public static FieldBuilder<TSource, TReturn> ViaArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<ListGraphType<NonNullGraphType<RelationshipTypeEnum>>>("via",
            "The person-to-film relationships a chain may travel over (not CONFLICTED_WITH); default [CAST_IN]. " +
            "With [CAST_IN, DROPPED_FROM], being dropped from a film links a person to its cast.",
            a => a.DefaultValue = new[] { RelationshipType.CastIn });

    /// <summary>from, to, maxHops and via: the question every chain field asks.</summary>
    public static FieldBuilder<TSource, TReturn> ChainArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<NonNullGraphType<IdGraphType>>("from", "The person the chain starts at.")
            .Argument<NonNullGraphType<IdGraphType>>("to", "The person the chain ends at.")
            .MaxHopsArgument()
            .ViaArgument();

    /// <summary>What a chain may not pass through: the filters of coStarChain and chainCount.</summary>
    public static FieldBuilder<TSource, TReturn> ChainFilterArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("excludeFilms", "Films the chain may not pass through.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("excludePeople", "People the chain may not pass through.")
            .Argument<IntGraphType>("fromYear", "Pass only through films of this year or later (a film with no year is then left out).")
            .Argument<IntGraphType>("toYear", "Pass only through films of this year or earlier (a film with no year is then left out).");

    /// <summary>The chain question with the filters of <see cref="ChainFilterArguments"/>.</summary>
    public static ChainQuery FilteredChainQuery(this IResolveFieldContext context) => context.ChainQuery() with
    {
        ExcludeFilms = IdSet(context, "excludeFilms"),
        ExcludePeople = IdSet(context, "excludePeople"),
        FromYear = context.GetArgument<int?>("fromYear"),
        ToYear = context.GetArgument<int?>("toYear"),
    };

    private static HashSet<string> IdSet(IResolveFieldContext context, string argument) =>
        new(context.GetArgument<List<string>?>(argument) ?? [], StringComparer.Ordinal);

    public static IReadOnlyList<RelationshipType> Via(this IResolveFieldContext context) =>
        context.GetArgument<List<RelationshipType>?>("via") ?? [RelationshipType.CastIn];

    public static ChainQuery ChainQuery(this IResolveFieldContext context) => new()
    {
        From = context.GetArgument<string>("from"),
        To = context.GetArgument<string>("to"),
        MaxHops = context.GetArgument<int>("maxHops"),
        Via = context.Via(),
    };
}
