using FilmGraph.Core;
using GraphQL.Types;

namespace FilmGraph.Api.Schema;

internal sealed class CreditOrderEnum : EnumerationGraphType
{
    public CreditOrderEnum()
    {
        Name = "CreditOrder";
        Description = "How a person's credits are listed.";
        Add("FILM_ID", CreditOrder.FilmId, "By film id, then type.");
        Add("NEWEST_FIRST", CreditOrder.NewestFirst, "Latest release first; films without a year last.");
        Add("OLDEST_FIRST", CreditOrder.OldestFirst, "Earliest release first; films without a year last.");
    }
}
