namespace FilmGraph.Bolt;

/// <summary>An authentication token as HELLO/LOGON carry it.</summary>
public sealed class BoltAuth
{
    private BoltAuth(IReadOnlyDictionary<string, object?> token) => Token = token;

    internal IReadOnlyDictionary<string, object?> Token { get; }

    public string Scheme => (string)Token["scheme"]!;

    public static BoltAuth Basic(string username, string password, string? realm = null)
    {
        var token = new Dictionary<string, object?> { ["scheme"] = "basic", ["principal"] = username, ["credentials"] = password };
        if (realm is not null)
        {
            token["realm"] = realm;
        }
        return new BoltAuth(token);
    }

    public static BoltAuth Bearer(string token) => new(new Dictionary<string, object?> { ["scheme"] = "bearer", ["credentials"] = token });

    public static BoltAuth None() => new(new Dictionary<string, object?> { ["scheme"] = "none" });

    /// <summary>The same credentials, though perhaps another instance: re-authenticating is needed only when not.</summary>
    internal bool SameAs(BoltAuth other) =>
        ReferenceEquals(this, other) || (Token.Count == other.Token.Count
            && Token.All(e => other.Token.TryGetValue(e.Key, out var value) && Equals(e.Value, value)));

    /// <summary>Who the credentials name, for caches kept per user (the home database); never the secret itself.</summary>
    internal string UserKey => Token.GetValueOrDefault("principal") is string principal ? $"{Scheme}:{principal}" : Scheme;

    /// <summary>Credentials are never printed.</summary>
    public override string ToString() => $"BoltAuth({Scheme})";
}
