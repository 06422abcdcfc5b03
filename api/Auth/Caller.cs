namespace FilmGraph.Api.Auth;

/// <summary>A caller that sent a valid key. <c>KeyId</c> names the key in logs: a prefix of its SHA-256, never the key.</summary>
public sealed record Caller(string KeyId);
