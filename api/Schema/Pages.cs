using System.Globalization;
using System.Text;
using FilmGraph.Core;
using GraphQL.Types.Relay.DataObjects;

namespace FilmGraph.Api.Schema;

/// <summary>
/// Cursor pagination over a list in its one stable order: a cursor is the position after which the next page starts,
/// so walking page by page gives exactly the whole list while the data do not change. Cursors are opaque to callers.
/// </summary>
internal static class Pages
{
    private const string Prefix = "o:";

    /// <summary>A page of a list held whole.</summary>
    public static Connection<T> Of<T>(IReadOnlyList<T> all, int first, string? after)
    {
        Limits.Check("first", first, 1, Limits.PageCeiling);
        var start = Start(after);
        return Of([.. all.Skip(start).Take(first)], start, all.Count, all.Count);
    }

    /// <summary>A page a store cut, starting at <paramref name="start"/>, of a list of <paramref name="totalCount"/>.</summary>
    public static Connection<T> Of<T>(Page<T> page, int start) => Of(page.Items, start, page.TotalCount, page.TotalCount);

    /// <param name="reachable">Where paging stops: the list's end, or before it where a store serves only its head.</param>
    public static Connection<T> Of<T>(IReadOnlyList<T> items, int start, int totalCount, int reachable)
    {
        var edges = items.Select((node, i) => new Edge<T> { Node = node, Cursor = Cursor(start + i) }).ToList();
        return new Connection<T>
        {
            Edges = edges,
            TotalCount = totalCount,
            PageInfo = new PageInfo
            {
                HasNextPage = start + edges.Count < Math.Min(totalCount, reachable),
                HasPreviousPage = start > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    /// <summary>
    /// A page of a list whose store serves only its head, the first <paramref name="reachable"/> in its order: the head
    /// is fetched as far as the page ends, and the whole list's length, which may be larger, is counted apart.
    /// </summary>
    /// <param name="what">What the list holds, for the error of a cursor beyond the head ("co-stars").</param>
    public static async Task<Connection<T>> OfHeadAsync<T>((int Start, int First) page, int reachable, string what,
        Func<int, Task<IReadOnlyList<T>>> head, Func<Task<long>> count)
    {
        var (start, first) = page;
        if (start >= reachable)
            throw GraphQueryException.BadInput("after", $"Pages reach the first {reachable} {what}; 'after' points beyond them.");
        var items = await head(Math.Min(start + first, reachable));
        var total = await count();
        return Of([.. items.Skip(start)], start, (int)Math.Min(total, int.MaxValue), reachable);
    }

    /// <summary>The position a page after <paramref name="after"/> starts at: 0 without a cursor.</summary>
    public static int Start(string? after) => after is null ? 0 : Position(after) + 1;

    private static string Cursor(int position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    private static int Position(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) &&
                int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
                return position;
        }
        catch (FormatException)
        {
            // Answered below like any other cursor this API did not give out.
        }
        throw GraphQueryException.BadInput("after", "'after' is not a cursor this API gave out; pass a pageInfo.endCursor or an edge's cursor.");
    }
}
