using FilmGraph.Bolt.PackStream;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Tests.PackStream;

internal static class Codec
{
    public static byte[] Encode(object? value, bool utc = true)
    {
        var buffer = new WriteBuffer(16);
        new PackStreamWriter(buffer, utc).WriteValue(value);
        return buffer.Written.ToArray();
    }

    public static object? Decode(byte[] bytes, int maxDepth = PackStreamReader.DefaultMaxDepth)
    {
        var reader = new PackStreamReader(bytes, maxDepth);
        var value = reader.ReadValue();
        return reader.AtEnd ? value : throw new InvalidOperationException($"{reader.Remaining} bytes left over");
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string ToHex(byte[] bytes) => Convert.ToHexString(bytes);

    /// <summary>Structural equality: doubles by bit pattern, lists in order, maps by key.</summary>
    public static bool DeepEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y),
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y) =>
            x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var other) && DeepEquals(kv.Value, other)),
        (System.Collections.IList x, System.Collections.IList y) =>
            x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => DeepEquals(x[i], y[i])),
        (BoltNode x, BoltNode y) => x.Id == y.Id && x.ElementId == y.ElementId && x.Labels.SequenceEqual(y.Labels) && DeepEquals(x.Properties, y.Properties),
        _ => Equals(a, b),
    };
}
