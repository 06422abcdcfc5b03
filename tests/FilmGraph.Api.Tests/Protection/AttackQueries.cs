using System.Text;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>The hostile documents of the attack tests, built in code so that their sizes are stated where they are made.</summary>
public static class AttackQueries
{
    /// <summary>
    /// <paramref name="count"/> fragments, each spreading the one before twice: 2^count field selections once
    /// expanded, from about 40 bytes a fragment.
    /// </summary>
    public static string FragmentBomb(int count)
    {
        var text = new StringBuilder("{ ...F").Append(count).Append(" }\nfragment F0 on Query { stats { people } }\n");
        for (var i = 1; i <= count; i++) text.Append("fragment F").Append(i).Append(" on Query { ...F").Append(i - 1).Append(" ...F").Append(i - 1).Append(" }\n");
        return text.ToString();
    }

    /// <summary>credits, film, credits, person, ... <paramref name="levels"/> times over, from one person: a list in a list in a list.</summary>
    public static string NestedCredits(string personId, int levels)
    {
        var open = new StringBuilder("{person(id:\"").Append(personId).Append("\"){");
        for (var i = 0; i < levels; i++) open.Append(i % 2 == 0 ? "credits{film{" : "credits{person{");
        return open.Append("id").Append('}', 2 * levels + 2).ToString();
    }

    /// <summary><paramref name="count"/> aliases of one field, each with its own alias.</summary>
    public static string Aliases(int count, string field)
    {
        var text = new StringBuilder("query($id: ID!) {");
        for (var i = 0; i < count; i++) text.Append(" a").Append(i).Append(": ").Append(field);
        return text.Append(" }").ToString();
    }

    /// <summary>
    /// One line of about <paramref name="length"/> characters, <c>{ __typename __typename ... }</c>, with one
    /// closing brace too many at its very end; the column of that brace (1-based).
    /// </summary>
    public static (string Query, int Column) SyntaxErrorAtEnd(int length)
    {
        var text = new StringBuilder("{");
        while (text.Length < length - 4) text.Append(" __typename");
        text.Append(" } }");
        return (text.ToString(), text.Length);
    }

    /// <summary><c>{ __typename __typename ... }</c>, <paramref name="count"/> times.</summary>
    public static string Typenames(int count) => Repeated("{", " __typename", count, " }");

    /// <summary>
    /// <paramref name="count"/> selections under one alias that name different fields (people, films, people, ...):
    /// each pair conflicts, which the overlapping-fields rule compares two by two.
    /// </summary>
    public static string ConflictingAliases(int count)
    {
        var text = new StringBuilder("{ stats {");
        for (var i = 0; i < count; i++) text.Append(i % 2 == 0 ? " x: people" : " x: films");
        return text.Append(" } }").ToString();
    }

    /// <summary>The same field <paramref name="count"/> times in one selection set.</summary>
    public static string DuplicateFields(int count) => Repeated("{ stats {", " people", count, " } }");

    /// <summary>One field with <paramref name="count"/> directives on it.</summary>
    public static string Directives(int count) => Repeated("{ __typename", " @include(if: true)", count, " }");

    /// <summary>An operation declaring <paramref name="count"/> variables it never uses.</summary>
    public static string UnusedVariables(int count)
    {
        var text = new StringBuilder("query(");
        for (var i = 0; i < count; i++) text.Append(i == 0 ? "" : ", ").Append("$v").Append(i).Append(": Int");
        return text.Append(") { __typename }").ToString();
    }

    /// <summary>
    /// Selection sets nested <paramref name="depth"/> deep: <c>{ a { a { a ... } } }</c>, spaced so that no line is
    /// too long to break (without spaces it is one unbreakable line, QUERY_LINE_TOO_LONG).
    /// </summary>
    public static string DeepSelections(int depth) => Repeated("", "{ a ", depth, "") + Repeated("", "} ", depth, "");

    /// <summary>A list value nested <paramref name="depth"/> deep as an argument, spaced as <see cref="DeepSelections"/> is.</summary>
    public static string DeepList(int depth) => Repeated("{ search(text:", " [", depth, " \"\"") + Repeated("", " ]", depth, ") { id } }");

    /// <summary>What the explorer page asks: a person with their credits and co-stars, and a chain between two people.</summary>
    public static string Explorer(string person, string other) => $$"""
        {
          person(id: "{{person}}") {
            id name born aliases
            credits { type role film { id title year } }
            coStars(first: 20) { person { id name } sharedFilms { id title year } }
          }
          coStarChain(from: "{{person}}", to: "{{other}}") {
            length
            links { from { id name } film { id title year } to { id name } fromRole toRole }
          }
        }
        """;

    private static string Repeated(string start, string part, int count, string end) =>
        new StringBuilder(start.Length + part.Length * count + end.Length).Append(start).Insert(start.Length, part, count).Append(end).ToString();
}
