using FilmGraph.Client;

namespace ConnectionService;

/// <summary>
/// <c>GET /connection?from=ID&amp;to=ID</c>: the shortest chain of films that links two people, as steps and as a
/// sentence. FilmGraph's errors become this service's own answers: an unknown person is a 404, a bad argument a 400, a
/// FilmGraph that is over budget a 503 that passes its Retry-After on, anything else a 502.
/// </summary>
public static class ConnectionEndpoint
{
    public static async Task<IResult> GetAsync(string? from, string? to, FilmGraphClient filmGraph, HttpResponse response, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "Give two people's ids: /connection?from=emma-stone&to=ryan-gosling.");
        try
        {
            var chain = await filmGraph.CoStarChainAsync(from, to, ct: ct);
            if (chain is null)
                return Results.Ok(new Connection(from, to, Connected: false, Films: null, [], $"No chain of at most 6 films links {from} and {to}."));
            var steps = chain.Links.Select(l => new ConnectionStep(l.From.Name, Title(l.Film), l.To.Name)).ToList();
            var summary = steps.Count == 0
                ? $"{from} is {to}."
                : string.Join(", who ", steps.Select((s, i) => i == 0 ? $"{s.From} was in {s.Film} with {s.To}" : $"was in {s.Film} with {s.To}")) + ".";
            return Results.Ok(new Connection(from, to, Connected: true, chain.Length, steps, summary));
        }
        catch (FilmGraphRateLimitedException e)
        {
            if (e.RetryAfter is { } wait) response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "FilmGraph is busy; try again later.");
        }
        catch (FilmGraphException e) when (e.Code is FilmGraphCodes.NotFound)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: e.Message);
        }
        catch (FilmGraphException e) when (e.Code is FilmGraphCodes.BadUserInput)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: e.Message);
        }
        catch (Exception e) when (e is FilmGraphException or HttpRequestException)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, detail: "FilmGraph could not answer.");
        }
    }

    private static string Title(Film film) => film.Year is int year ? $"{film.Title} ({year})" : film.Title;
}
