using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace FilmGraph.Api.Protection;

/// <summary>
/// The static cost of a query, before it runs, by <see cref="CostModel"/>: each object costs 1, a list multiplies
/// what it holds by its size (its <c>first</c> or <c>limit</c> argument, else the model's estimate), and a traversal
/// adds the price of its walk. Fragments are priced once per context and reused, so spreading cannot multiply the
/// work of pricing; figures saturate rather than overflow.
/// </summary>
public sealed class CostAnalysis
{
    private const long Saturated = long.MaxValue / 4;

    private readonly ISchema _schema;
    private readonly Inputs? _variables;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = [];
    private readonly Dictionary<(string Fragment, Arguments Context), long> _priced = [];
    private readonly HashSet<string> _pricing = [];

    private CostAnalysis(ISchema schema, GraphQLDocument document, Inputs? variables)
    {
        _schema = schema;
        _variables = variables;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
    }

    /// <summary>The cost of the operation that would run (all of them when none can be told apart).</summary>
    public static long Of(ISchema schema, GraphQLDocument document, string? operationName, Inputs? variables)
    {
        // Fields learn their types when the schema is initialized, which the executer otherwise does on the first
        // request it runs: until then every field would be priced as if it returned nothing.
        schema.Initialize();
        var analysis = new CostAnalysis(schema, document, variables);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>()
            .Where(o => operationName is null || o.Name?.StringValue == operationName).ToList();
        long cost = 0;
        foreach (var operation in operations)
        {
            IGraphType? root = operation.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                _ => schema.Subscription,
            };
            if (root is not null) cost = Add(cost, analysis.Price(operation.SelectionSet, root, Arguments.None));
        }
        return cost;
    }

    public static LimitError? Refusal(long cost, RequestLimits limits) =>
        cost <= limits.MaxCost ? null : new LimitError(LimitCodes.CostLimitExceeded,
            $"The query would cost {(cost >= Saturated ? "more than can be counted" : cost.ToString(CultureInfo.InvariantCulture))}; the most allowed is {limits.MaxCost}. " +
            "Ask for fewer or smaller lists, or less deeply nested ones.",
            ("cost", Math.Min(cost, Saturated)), ("limit", limits.MaxCost));

    /// <summary>The arguments of the field a selection set belongs to: some list sizes follow them (a neighbourhood's <c>limit</c>).</summary>
    public readonly record struct Arguments(int? First, int? Limit, int? MaxHops, int? Depth)
    {
        public static readonly Arguments None = new(null, null, null, null);
    }

    private long Price(GraphQLSelectionSet set, IGraphType type, Arguments context)
    {
        long cost = 0;
        foreach (var selection in set.Selections)
        {
            cost = Add(cost, selection switch
            {
                GraphQLField field => Field(field, type, context),
                GraphQLInlineFragment inline => Price(inline.SelectionSet, Named(inline.TypeCondition?.Type.Name.StringValue) ?? type, context),
                GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue, context),
                _ => 0,
            });
        }
        return cost;
    }

    private long Field(GraphQLField field, IGraphType parent, Arguments context)
    {
        if (parent is not IComplexGraphType complex || complex.GetField(field.Name.StringValue) is not { } definition) return 0;
        var arguments = new Arguments(Int(field, definition, "first"), Int(field, definition, "limit"), Int(field, definition, "maxHops"), Int(field, definition, "depth"));
        var (isList, item) = Unwrap(definition.ResolvedType);
        var itemCost = item is IComplexGraphType ? 1L : 0L;
        var inner = field.SelectionSet is null ? 0 : Price(field.SelectionSet, item!, arguments);
        // Out-of-range arguments are refused later, by the store port; here they must not lower the price of the rest.
        var walk = Math.Max(0, CostModel.Walk(parent.Name, definition.Name, arguments));
        if (!isList) return Add(walk, Add(itemCost, inner));
        var size = Math.Max(0, CostModel.ListSize(parent.Name, definition.Name, arguments, context));
        return Add(walk, Multiply(size, Add(itemCost, inner)));
    }

    private long Fragment(string name, Arguments context)
    {
        if (_priced.TryGetValue((name, context), out var known)) return known;
        if (!_fragments.TryGetValue(name, out var fragment) || Named(fragment.TypeCondition.Type.Name.StringValue) is not { } type) return 0;
        if (!_pricing.Add(name)) return 0;
        var cost = Price(fragment.SelectionSet, type, context);
        _pricing.Remove(name);
        _priced[(name, context)] = cost;
        return cost;
    }

    private IGraphType? Named(string? name) => name is null ? null : _schema.AllTypes[name];

    private static (bool IsList, IGraphType? Item) Unwrap(IGraphType? type)
    {
        var isList = false;
        while (type is NonNullGraphType or ListGraphType)
        {
            if (type is ListGraphType) isList = true;
            type = type is NonNullGraphType nonNull ? nonNull.ResolvedType : ((ListGraphType)type).ResolvedType;
        }
        return (isList, type);
    }

    /// <summary>An integer argument as the query gives it (a literal, or a variable's value), else its default.</summary>
    private int? Int(GraphQLField field, FieldType definition, string name)
    {
        var declared = definition.Arguments?.Find(name);
        if (declared is null) return null;
        var given = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;
        object? value = given switch
        {
            GraphQLIntValue literal => int.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue,
            GraphQLVariable variable => _variables is not null && _variables.TryGetValue(variable.Name.StringValue, out var v) ? v : declared.DefaultValue,
            null => declared.DefaultValue,
            _ => null,
        };
        return value switch
        {
            int i => i,
            long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
            double d when !double.IsNaN(d) => (int)Math.Clamp(d, int.MinValue, int.MaxValue),
            _ => null,
        };
    }

    private static long Add(long a, long b) => Math.Min(Saturated, a + b);

    private static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > Saturated / b ? Saturated : a * b;
}
