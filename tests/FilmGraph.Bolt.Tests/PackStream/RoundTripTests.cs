using static FilmGraph.Bolt.Tests.PackStream.Codec;

namespace FilmGraph.Bolt.Tests.PackStream;

public class RoundTripTests
{
    public static TheoryData<long, int> IntegerBoundaries() => new()
    {
        { -16, 1 }, { 127, 1 }, { 0, 1 },
        { -17, 2 }, { -128, 2 },
        { 128, 3 }, { -129, 3 }, { short.MinValue, 3 }, { short.MaxValue, 3 },
        { short.MaxValue + 1L, 5 }, { short.MinValue - 1L, 5 }, { int.MinValue, 5 }, { int.MaxValue, 5 },
        { int.MaxValue + 1L, 9 }, { int.MinValue - 1L, 9 }, { long.MinValue, 9 }, { long.MaxValue, 9 },
    };

    [Theory]
    [MemberData(nameof(IntegerBoundaries))]
    public void Integers_use_the_smallest_form_and_round_trip(long value, int size)
    {
        var bytes = Encode(value);
        Assert.Equal(size, bytes.Length);
        Assert.Equal(value, Decode(bytes));
    }

    /// <summary>Sizes on each side of the tiny/8/16/32-bit header switch points.</summary>
    public static TheoryData<int, int> SizeBoundaries() => new()
    {
        { 0, 1 }, { 15, 1 }, { 16, 2 }, { 255, 2 }, { 256, 3 }, { 65_535, 3 }, { 65_536, 5 }, { 70_000, 5 },
    };

    [Theory]
    [MemberData(nameof(SizeBoundaries))]
    public void Strings_round_trip_at_every_size_boundary(int size, int headerSize)
    {
        var text = new string('x', size);
        var bytes = Encode(text);
        Assert.Equal(size + headerSize, bytes.Length);
        Assert.Equal(text, Decode(bytes));
    }

    [Theory]
    [MemberData(nameof(SizeBoundaries))]
    public void Bytes_round_trip_at_every_size_boundary(int size, int headerSize)
    {
        var data = Enumerable.Range(0, size).Select(i => (byte)i).ToArray();
        var bytes = Encode(data);
        // Byte arrays have no tiny form.
        Assert.Equal(size + Math.Max(2, headerSize), bytes.Length);
        Assert.Equal(data, Decode(bytes));
    }

    [Theory]
    [MemberData(nameof(SizeBoundaries))]
    public void Lists_round_trip_at_every_size_boundary(int size, int headerSize)
    {
        var list = Enumerable.Range(0, size).Select(i => (object?)(long)(i % 100)).ToList();
        var bytes = Encode(list);
        Assert.Equal(size + headerSize, bytes.Length);
        Assert.True(DeepEquals(list, Decode(bytes)));
    }

    [Theory]
    [MemberData(nameof(SizeBoundaries))]
    public void Maps_round_trip_at_every_size_boundary(int size, int headerSize)
    {
        var map = Enumerable.Range(0, size).ToDictionary(i => i.ToString("x5", System.Globalization.CultureInfo.InvariantCulture), i => (object?)null);
        var bytes = Encode(map);
        Assert.Equal(headerSize + size * 7, bytes.Length);
        Assert.True(DeepEquals(map, Decode(bytes)));
    }

    [Fact]
    public void Floats_round_trip_bit_for_bit()
    {
        // -0.0 and NaN compare equal to other values under ==, so each is checked by bit pattern.
        foreach (var value in new[] { 0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue })
        {
            Assert.True(DeepEquals(value, Decode(Encode(value))), value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Multibyte_utf8_counts_bytes_not_characters()
    {
        var text = new string('é', 8); // 16 bytes: just past the tiny form
        Assert.Equal(0xD0, Encode(text)[0]);
        Assert.Equal(text, Decode(Encode(text)));
    }

    [Fact]
    public void Dotnet_integer_types_all_become_integer()
    {
        foreach (var value in new object[] { (byte)7, (sbyte)-7, (short)300, (ushort)300, 70_000, 70_000u, 5_000_000_000L, 5_000_000_000UL })
        {
            Assert.Equal(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), Decode(Encode(value)));
        }
    }

    public static TheoryData<object> Temporals() => new()
    {
        new DateOnly(2024, 2, 29),
        new DateOnly(1, 1, 1),
        new DateOnly(9999, 12, 31),
        new DateOnly(1969, 12, 31),
        new TimeOnly(23, 59, 59, 999).Add(TimeSpan.FromTicks(9)),
        TimeOnly.MinValue,
        new BoltTime(new TimeOnly(12, 30, 15), TimeSpan.FromHours(-5.5)),
        new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Unspecified).AddTicks(1234567),
        new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddTicks(-1),
        new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)).AddTicks(1),
        new DateTimeOffset(1960, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(-90)),
        new BoltDuration(14, 3, 7200, 500),
        new BoltDuration(-1, -2, -3, 999_999_999),
        new BoltPoint(BoltPoint.Wgs84, 12.5, 55.7),
        new BoltPoint(BoltPoint.Cartesian3D, 1, 2, 3),
    };

    [Theory]
    [MemberData(nameof(Temporals))]
    public void Temporal_and_spatial_values_round_trip(object value)
    {
        Assert.Equal(value, Decode(Encode(value)));
    }

    [Theory]
    [MemberData(nameof(Temporals))]
    public void Legacy_4_4_encoding_round_trips_too(object value)
    {
        Assert.Equal(value, Decode(Encode(value, utc: false)));
    }

    [Fact]
    public void Utc_and_legacy_date_times_differ_only_in_tag_and_seconds_base()
    {
        var value = new DateTimeOffset(1970, 1, 1, 1, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal("B3490000C90E10", ToHex(Encode(value))); // 0 UTC seconds, 0 ns, +3600 s
        Assert.Equal("B346C90E1000C90E10", ToHex(Encode(value, utc: false))); // 3600 wall-clock seconds
    }

    [Fact]
    public void Zoned_date_time_keeps_the_zone_and_resolves_its_offset()
    {
        var summer = new BoltZonedDateTime(new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.FromHours(2)), "Europe/Berlin");
        var decoded = Assert.IsType<BoltZonedDateTime>(Decode(Encode(summer)));
        Assert.Equal(summer, decoded);
        Assert.Equal(summer, Decode(Encode(summer, utc: false)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_zone_this_machine_does_not_know_is_a_value_error_not_utc(bool utc)
    {
        var mars = new BoltZonedDateTime(new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.Zero), "Mars/Olympus_Mons");
        var error = Assert.Throws<BoltValueException>(() => Decode(Encode(mars, utc)));
        Assert.Contains("Mars/Olympus_Mons", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unspecified_datetime_is_local_datetime_and_utc_datetime_is_an_instant()
    {
        Assert.Equal(0x64, Encode(new DateTime(2024, 1, 1))[1]);
        var utc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTimeOffset(utc), Decode(Encode(utc)));
    }

    [Fact]
    public void TimeSpan_is_sent_as_a_duration()
    {
        Assert.Equal(new BoltDuration(0, 0, -2, 500_000_000), Decode(Encode(TimeSpan.FromSeconds(-1.5))));
    }

    [Fact]
    public void Graph_structures_decode_with_bolt5_element_ids()
    {
        // Node(1, ["Person"], {name: "Keanu"}, "4:db:1")
        var node = Assert.IsType<BoltNode>(Decode(Hex("B44E019186506572736F6EA1846E616D65854B65616E7586343A64623A31")));
        Assert.Equal(1, node.Id);
        Assert.Equal(["Person"], node.Labels);
        Assert.Equal("Keanu", node["name"]);
        Assert.Equal("4:db:1", node.ElementId);

        // Relationship(9, 1, 2, "ACTED_IN", {}, "5:db:9", "4:db:1", "4:db:2")
        var rel = Assert.IsType<BoltRelationship>(Decode(Hex("B852090102" + "8841435445445F494E" + "A0" + "86353A64623A39" + "86343A64623A31" + "86343A64623A32")));
        Assert.Equal(("ACTED_IN", 1L, 2L, "5:db:9", "4:db:1", "4:db:2"), (rel.Type, rel.StartNodeId, rel.EndNodeId, rel.ElementId, rel.StartNodeElementId, rel.EndNodeElementId));
    }

    [Fact]
    public void Bolt4_graph_structures_use_numeric_ids_as_element_ids()
    {
        var node = Assert.IsType<BoltNode>(Decode(Hex("B34E0790A0")));
        Assert.Equal("7", node.ElementId);
    }

    [Fact]
    public void Path_binds_relationships_in_the_walked_direction()
    {
        // Nodes a(1), b(2) and one relationship r(9) stored a->b.
        // Path([a, b], [r], [1, 1, -1, 0]) walks a -[r]-> b <-[r]- a.
        var bytes = Hex("B350" + "92" + "B44E0190A08161" + "B44E0290A08162" + "91" + "B472098152A08172" + "94" + "0101FF00");
        var path = Assert.IsType<BoltPath>(Decode(bytes));
        Assert.Equal(["a", "b", "a"], path.Nodes.Select(n => n.ElementId));
        Assert.Equal(("a", "b"), (path.Relationships[0].StartNodeElementId, path.Relationships[0].EndNodeElementId));
        Assert.Equal(("a", "b"), (path.Relationships[1].StartNodeElementId, path.Relationships[1].EndNodeElementId));
        Assert.Equal(path.Nodes[0], path.Start);
    }
}
