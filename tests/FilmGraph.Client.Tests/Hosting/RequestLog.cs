using System.Net;

namespace FilmGraph.Client.Tests.Hosting;

/// <summary>What a client sent and what came back, request by request, as the HTTP handler under it saw them.</summary>
public sealed class RequestLog
{
    private readonly List<Entry> _entries = [];

    public sealed record Entry(HttpMethod Method, Uri Uri, string? Body, string? Authorization, HttpStatusCode Status);

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_entries) return [.. _entries];
        }
    }

    public void Clear()
    {
        lock (_entries) _entries.Clear();
    }

    public void Add(Entry entry)
    {
        lock (_entries) _entries.Add(entry);
    }

    /// <summary>A handler to put under the client's <see cref="HttpClient"/>: it writes every exchange here.</summary>
    public DelegatingHandler Handler() => new Recorder(this);

    private sealed class Recorder(RequestLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
            var response = await base.SendAsync(request, ct);
            log.Add(new Entry(request.Method, request.RequestUri!, body, request.Headers.Authorization?.ToString(), response.StatusCode));
            return response;
        }
    }
}
