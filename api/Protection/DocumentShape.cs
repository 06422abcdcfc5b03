using GraphQL;
using GraphQLParser.AST;

namespace FilmGraph.Api.Protection;

/// <summary>
/// How big a document is once every fragment spread is expanded: fields, aliases, directives, nesting depth, and
/// its variables. Each fragment is measured once and its figures reused wherever it is spread, so forty fragments
/// each spreading the one before twice are measured in forty steps, not 2^40; figures saturate rather than overflow.
/// A spread of an unknown fragment or a cycle counts as nothing here: validation reports both.
/// </summary>
public sealed class DocumentShape
{
    private const long Saturated = long.MaxValue / 4;

    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = [];
    private readonly Dictionary<string, Size> _measured = [];
    private readonly HashSet<string> _measuring = [];

    private readonly record struct Size(long Fields, long Aliases, long Directives, int Depth)
    {
        public static readonly Size None = new(0, 0, 0, 0);

        public Size Plus(Size other) => new(Add(Fields, other.Fields), Add(Aliases, other.Aliases), Add(Directives, other.Directives), Math.Max(Depth, other.Depth));
    }

    public long Fields { get; private set; }
    public long Aliases { get; private set; }
    public long Directives { get; private set; }
    public int Depth { get; private set; }
    public int Variables { get; private set; }

    public static DocumentShape Of(GraphQLDocument document)
    {
        var shape = new DocumentShape();
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            shape._fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        var total = Size.None;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    total = total.Plus(shape.Measure(operation.SelectionSet, 1)).Plus(new Size(0, 0, operation.Directives?.Items.Count ?? 0, 0));
                    shape.Variables += operation.Variables?.Items.Count ?? 0;
                    break;
                case GraphQLFragmentDefinition fragment:
                    // Validation walks every fragment where it is defined too, spread or not.
                    total = total.Plus(shape.Fragment(fragment.FragmentName.Name.StringValue));
                    break;
            }
        }
        (shape.Fields, shape.Aliases, shape.Directives, shape.Depth) = (total.Fields, total.Aliases, total.Directives, total.Depth);
        return shape;
    }

    /// <summary>The first limit the document goes over, as the error that refuses it; null when within all.</summary>
    public ExecutionError? Refusal(RequestLimits limits) =>
        Over(LimitCodes.TooManyFields, "field selections (fragments expanded)", Fields, limits.MaxFields)
        ?? Over(LimitCodes.TooManyAliases, "aliases (fragments expanded)", Aliases, limits.MaxAliases)
        ?? Over(LimitCodes.TooManyDirectives, "directives (fragments expanded)", Directives, limits.MaxDirectives)
        ?? Over(LimitCodes.TooManyVariables, "variable definitions", Variables, limits.MaxVariables)
        ?? Over(LimitCodes.TooDeep, "levels of selection depth (fragments expanded)", Depth, limits.MaxSelectionDepth);

    private static LimitError? Over(string code, string what, long actual, int limit) =>
        actual <= limit ? null : new LimitError(code,
            $"The query has {(actual >= Saturated ? "too many" : actual.ToString(System.Globalization.CultureInfo.InvariantCulture))} {what}; the most allowed is {limit}.",
            ("limit", limit), ("actual", Math.Min(actual, Saturated)));

    private Size Measure(GraphQLSelectionSet? set, int depth)
    {
        if (set is null) return Size.None;
        var size = new Size(0, 0, 0, depth);
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    size = size.Plus(new Size(1, field.Alias is null ? 0 : 1, field.Directives?.Items.Count ?? 0, depth))
                        .Plus(field.SelectionSet is null ? Size.None : Measure(field.SelectionSet, depth + 1));
                    break;
                case GraphQLInlineFragment inline:
                    size = size.Plus(new Size(0, 0, inline.Directives?.Items.Count ?? 0, 0)).Plus(Measure(inline.SelectionSet, depth));
                    break;
                case GraphQLFragmentSpread spread:
                    var inner = Fragment(spread.FragmentName.Name.StringValue);
                    // A fragment is measured from depth 1; spread here, its levels start at this depth.
                    size = size.Plus(new Size(inner.Fields, inner.Aliases, Add(inner.Directives, spread.Directives?.Items.Count ?? 0),
                        inner.Depth == 0 ? 0 : inner.Depth + depth - 1));
                    break;
            }
        }
        return size;
    }

    private Size Fragment(string name)
    {
        if (_measured.TryGetValue(name, out var known)) return known;
        if (!_fragments.TryGetValue(name, out var fragment) || !_measuring.Add(name)) return Size.None;
        var size = Measure(fragment.SelectionSet, 1).Plus(new Size(0, 0, fragment.Directives?.Items.Count ?? 0, 0));
        _measuring.Remove(name);
        _measured[name] = size;
        return size;
    }

    private static long Add(long a, long b) => Math.Min(Saturated, a + b);
}
