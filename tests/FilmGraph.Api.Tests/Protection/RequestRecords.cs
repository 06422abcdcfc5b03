using System.Threading.Channels;
using FilmGraph.Api.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>
/// A test's window on how requests ended: middleware in front of the API that hands over each request's
/// <see cref="GraphQLRequestRecord"/> (the one the GraphQL handler fills) once the handler has returned, whether it
/// answered or the caller had gone.
/// </summary>
public sealed class RequestRecords
{
    private readonly Channel<GraphQLRequestRecord> _ended = Channel.CreateUnbounded<GraphQLRequestRecord>();

    /// <summary>Puts the middleware in front of everything <paramref name="app"/> maps after it.</summary>
    public void Observe(WebApplication app) => app.Use(async (HttpContext http, RequestDelegate next) =>
    {
        try
        {
            await next(http);
        }
        finally
        {
            if (http.Features.Get<GraphQLRequestRecord>() is { } record) _ended.Writer.TryWrite(record);
        }
    });

    /// <summary>
    /// The record of the next request to end whose <c>operationName</c> (as the request sent it) is this one; records
    /// of others are dropped.
    /// </summary>
    public async Task<GraphQLRequestRecord> NextAsync(string operationName, TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var record = await _ended.Reader.ReadAsync(wait.Token);
                if (record.OperationName == operationName) return record;
            }
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            throw new TimeoutException($"No request named {operationName} ended within {timeout.TotalSeconds} s.");
        }
    }
}
