using System.Globalization;

namespace FilmGraph.Bolt.Protocol;

/// <summary>A host and port as routing tables and the pool key them.</summary>
internal sealed record ServerAddress(string Host, int Port)
{
    public const int DefaultPort = 7687;

    public static ServerAddress Parse(string text)
    {
        // Bracketed IPv6 literals ("[::1]:7687") carry colons of their own.
        var colon = text.LastIndexOf(':');
        if (colon > 0 && colon > text.LastIndexOf(']') && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            return new ServerAddress(text[..colon].Trim('[', ']'), port);
        }
        return new ServerAddress(text.Trim('[', ']'), DefaultPort);
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
