using FilmGraph.Bolt.PackStream;
using static FilmGraph.Bolt.Tests.PackStream.Codec;

namespace FilmGraph.Bolt.Tests.PackStream;

/// <summary>Every class of broken or hostile input ends in a protocol error, promptly and without large allocations.</summary>
public class MalformedInputTests
{
    public static TheoryData<string> UnknownMarkers()
    {
        var data = new TheoryData<string>();
        foreach (var marker in new[] { 0xC4, 0xC5, 0xC6, 0xC7, 0xCF, 0xD3, 0xD7, 0xDB }.Concat(Enumerable.Range(0xDC, 0xF0 - 0xDC)))
        {
            data.Add(marker.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(UnknownMarkers))]
    public void Unknown_marker(string hex)
    {
        var error = Assert.Throws<BoltProtocolException>(() => Decode(Hex(hex + "00000000")));
        Assert.Contains("unknown marker", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("D2FFFFFFFF")] // string of 4 GiB
    [InlineData("CEFFFFFFF0")] // bytes of 4 GiB
    [InlineData("D67FFFFFFF01")] // list of 2^31-1 items
    [InlineData("DA7FFFFFFF")] // map of 2^31-1 entries
    [InlineData("D5FFFF01")] // list of 65535 items, one present
    [InlineData("D1FFFF41")] // string of 65535 bytes, one present
    [InlineData("BF4E")] // structure claiming 15 fields with none present
    public void Length_larger_than_the_data_is_refused_before_allocating(string hex)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<BoltProtocolException>(() => Decode(Hex(hex)));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024, "decoding a lying length allocated memory for it");
    }

    [Fact]
    public void Every_truncation_of_a_valid_value_is_a_protocol_error()
    {
        var value = new Dictionary<string, object?>
        {
            ["list"] = new List<object?> { 1L, 1000L, 100_000L, 10_000_000_000L, 1.5, "text", new byte[] { 1, 2 }, null, true },
            ["date"] = new DateOnly(2024, 1, 1),
            ["point"] = new BoltPoint(7203, 1, 2, 3),
            ["zoned"] = new BoltZonedDateTime(DateTimeOffset.UnixEpoch, "UTC"),
        };
        var bytes = Encode(value);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<BoltProtocolException>(() => Decode(bytes[..length]));
        }
    }

    [Fact]
    public void Nesting_beyond_the_limit()
    {
        var deep = Hex(string.Concat(Enumerable.Repeat("91", 65)) + "C0");
        var error = Assert.Throws<BoltProtocolException>(() => Decode(deep));
        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
        Assert.NotNull(Decode(Hex(string.Concat(Enumerable.Repeat("91", 64)) + "C0")));
    }

    [Fact]
    public void Deep_nesting_of_maps_and_structures_counts_too()
    {
        var maps = Hex(string.Concat(Enumerable.Repeat("A18161", 100)) + "C0");
        Assert.Throws<BoltProtocolException>(() => Decode(maps));
        Assert.Throws<BoltProtocolException>(() => Decode(maps, maxDepth: 10));
    }

    [Theory]
    [InlineData("A10101")] // map key is an integer
    [InlineData("A1C001")] // map key is null
    public void Map_key_that_is_not_a_string(string hex)
    {
        Assert.Throws<BoltProtocolException>(() => Decode(Hex(hex)));
    }

    [Theory]
    [InlineData("B10100")] // unknown tag 0x01
    [InlineData("B0FF")] // unknown tag 0xFF
    [InlineData("B2440102")] // Date with two fields
    [InlineData("B14E01")] // Node with one field
    [InlineData("B3580101C13FF0000000000000")] // Point2D whose x is an integer
    [InlineData("B1448141")] // Date whose days are a string
    [InlineData("B174CB7FFFFFFFFFFFFFFF")] // LocalTime beyond one day
    [InlineData("B3490080CB7FFFFFFFFFFFFFFF00")] // DateTime with nanoseconds of a string
    [InlineData("B350914E90")] // Path whose node list holds a non-structure
    [InlineData("B350" + "91B44E0190A08161" + "90" + "920100")] // Path index pointing at a missing relationship
    [InlineData("B350" + "90" + "90" + "90")] // Path without nodes
    public void Structure_with_wrong_tag_or_fields(string hex)
    {
        Assert.Throws<BoltProtocolException>(() => Decode(Hex(hex)));
    }

    [Theory]
    [InlineData("81FF")]
    [InlineData("82C328")]
    [InlineData("83EDA080")] // an encoded surrogate
    public void Invalid_utf8(string hex)
    {
        Assert.Throws<BoltProtocolException>(() => Decode(Hex(hex)));
    }

    [Fact]
    public void Values_dotnet_cannot_hold_are_a_value_error_not_a_protocol_error()
    {
        Assert.Throws<BoltValueException>(() => Decode(Hex("B144CB0FFFFFFFFFFFFFFF"))); // a date far beyond year 9999
        Assert.Throws<BoltValueException>(() => Decode(Hex("B349000001"))); // offset of one second
    }

    [Fact]
    public void Unsupported_parameter_types_are_refused_on_write()
    {
        Assert.Throws<BoltClientException>(() => Encode(new object()));
        Assert.Throws<BoltClientException>(() => Encode(new BoltNode(1, [], new Dictionary<string, object?>(), "1")));
        Assert.Throws<BoltClientException>(() => Encode(new System.Collections.Hashtable { [1] = 2 }));
    }

    [Fact]
    public void Reader_reports_the_position_of_the_problem()
    {
        var error = Assert.Throws<BoltProtocolException>(() => Decode(Hex("9201C4")));
        Assert.Contains("byte 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_depth_limit_is_the_documented_one()
    {
        Assert.Equal(64, PackStreamReader.DefaultMaxDepth);
        Assert.Equal(64, new BoltDriverOptions().MaxNestingDepth);
    }

    [Fact]
    public void A_huge_count_of_tiny_items_does_not_reserve_memory_ahead_of_them()
    {
        // A list claiming 1,000,000 items with only 1,000 present: refused without reserving 8 MB.
        var bytes = Hex("D6000F4240" + string.Concat(Enumerable.Repeat("01", 1000)));
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<BoltProtocolException>(() => Decode(bytes));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 256 * 1024);
    }

    [Fact]
    public void Large_containers_still_decode_whole()
    {
        var list = Enumerable.Range(0, 5000).Select(i => (object?)(long)(i % 100)).ToList();
        Assert.True(DeepEquals(list, Decode(Encode(list))));
    }
}
