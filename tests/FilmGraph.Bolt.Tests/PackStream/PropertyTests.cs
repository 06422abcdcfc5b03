using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FilmGraph.Bolt.Tests.PackStream.Codec;

namespace FilmGraph.Bolt.Tests.PackStream;

public class PropertyTests
{
    private static readonly long[] EdgeIntegers =
    [
        0, -1, -16, -17, 127, 128, -128, -129, short.MaxValue, short.MinValue, short.MaxValue + 1, short.MinValue - 1,
        int.MaxValue, int.MinValue, int.MaxValue + 1L, int.MinValue - 1L, long.MaxValue, long.MinValue,
    ];

    private static Gen<object?> Scalars()
    {
        var strings = ArbMap.Default.GeneratorFor<string>()
            .Where(s => s is not null)
            .Select(s => (object?)Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s))); // lone surrogates become U+FFFD, which UTF-8 can carry
        return Gen.OneOf(
            Gen.Constant<object?>(null),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (object?)b),
            ArbMap.Default.GeneratorFor<long>().Select(l => (object?)l),
            Gen.Elements(EdgeIntegers).Select(l => (object?)l),
            ArbMap.Default.GeneratorFor<double>().Select(d => (object?)d),
            strings,
            ArbMap.Default.GeneratorFor<byte[]>().Where(b => b is not null).Select(b => (object?)b),
            ArbMap.Default.GeneratorFor<DateTime>().Select(d => (object?)DateOnly.FromDateTime(d)),
            ArbMap.Default.GeneratorFor<TimeSpan>().Select(t => (object?)new BoltDuration(3, 4, t.Ticks / TimeSpan.TicksPerSecond, 0)),
            Gen.Choose(-1_000_000, 1_000_000).Select(i => (object?)new BoltPoint(4326, i / 1000.0, -i / 7.0)));
    }

    private static Gen<object?> Values(int size)
    {
        if (size <= 1)
        {
            return Scalars();
        }
        var child = Gen.Sized(s => Values(Math.Min(s, size) / 3));
        var list = child.ArrayOf().Select(items => (object?)items.ToList());
        var map = Gen.Zip(ArbMap.Default.GeneratorFor<string>().Where(k => k is not null).Select(k => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(k))), child)
            .ArrayOf()
            .Select(pairs =>
            {
                var dictionary = new Dictionary<string, object?>();
                foreach (var (key, value) in pairs)
                {
                    dictionary[key] = value;
                }
                return (object?)dictionary;
            });
        return Gen.Frequency((4, Scalars()), (1, list), (1, map));
    }

    [Property(MaxTest = 500)]
    public Property Any_value_tree_round_trips()
    {
        return Prop.ForAll(Arb.From(Gen.Sized(Values)), value =>
        {
            var bytes = Encode(value);
            var decoded = Decode(bytes);
            return DeepEquals(value, decoded) && bytes.AsSpan().SequenceEqual(Encode(decoded));
        });
    }

    [Property(MaxTest = 2000)]
    public bool Random_bytes_decode_or_fail_with_a_protocol_or_range_error(byte[] bytes)
    {
        try
        {
            Decode(bytes ?? []);
            return true;
        }
        catch (BoltProtocolException)
        {
            return true;
        }
        catch (BoltClientException)
        {
            return true; // a well-formed value .NET cannot hold, such as a date in year 20000
        }
        catch (InvalidOperationException e) when (e.Message.Contains("left over", StringComparison.Ordinal))
        {
            return true;
        }
    }

    [Property(MaxTest = 300)]
    public bool Corrupting_one_byte_of_a_valid_encoding_never_escapes_as_another_exception(int seed)
    {
        var random = new Random(seed);
        var value = new List<object?> { "title", 1999L, 8.7, new Dictionary<string, object?> { ["tags"] = new List<object?> { "a", "b" } }, new DateOnly(1999, 3, 31) };
        var bytes = Encode(value);
        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        return Random_bytes_decode_or_fail_with_a_protocol_or_range_error(bytes);
    }
}
