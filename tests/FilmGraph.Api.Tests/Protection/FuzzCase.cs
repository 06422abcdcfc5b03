namespace FilmGraph.Api.Tests.Protection;

/// <summary>One request of <see cref="FuzzRequests"/>: what kind it is, and how to send it (a null content type sends none).</summary>
public sealed record FuzzCase(string Kind, HttpMethod Method, string Path, byte[]? Body, string? ContentType, string? Accept);
