using static FilmGraph.Bolt.Tests.PackStream.Codec;

namespace FilmGraph.Bolt.Tests.PackStream;

/// <summary>Byte-exact encodings from the PackStream specification's examples.</summary>
public class SpecVectorTests
{
    public static TheoryData<object?, string> Vectors() => new()
    {
        { null, "C0" },
        { true, "C3" },
        { false, "C2" },
        { 1L, "01" },
        { 42L, "2A" },
        { -16L, "F0" },
        { -17L, "C8EF" },
        { 127L, "7F" },
        { 128L, "C90080" },
        { 1234L, "C904D2" },
        { -128L, "C880" },
        { -129L, "C9FF7F" },
        { 32767L, "C97FFF" },
        { 32768L, "CA00008000" },
        { -32768L, "C98000" },
        { -32769L, "CAFFFF7FFF" },
        { 2147483647L, "CA7FFFFFFF" },
        { 2147483648L, "CB0000000080000000" },
        { long.MinValue, "CB8000000000000000" },
        { 1.1, "C13FF199999999999A" },
        { -1.1, "C1BFF199999999999A" },
        { "", "80" },
        { "A", "8141" },
        { "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "D01A4142434445464748494A4B4C4D4E4F505152535455565758595A" },
        { "Größenmaßstäbe", "D0124772C3B6C39F656E6D61C39F7374C3A46265" },
        { new byte[] { 1, 2, 3 }, "CC03010203" },
        { new List<object?>(), "90" },
        { new List<object?> { 1L, 2L, 3L }, "93010203" },
        { new Dictionary<string, object?>(), "A0" },
        { new Dictionary<string, object?> { ["one"] = "eins" }, "A1836F6E658465696E73" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encodes_exactly_as_the_specification_shows(object? value, string hex)
    {
        Assert.Equal(hex, ToHex(Encode(value)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decodes_the_specification_bytes(object? value, string hex)
    {
        Assert.True(DeepEquals(value, Decode(Hex(hex))), $"decoded {Decode(Hex(hex))} from {hex}");
    }

    [Fact]
    public void Sixteen_item_list_switches_to_the_8_bit_size_form()
    {
        var list = Enumerable.Range(1, 16).Select(i => (object?)(long)i).ToList();
        Assert.Equal("D410" + string.Concat(Enumerable.Range(1, 16).Select(i => i.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))), ToHex(Encode(list)));
    }

    [Fact]
    public void Structures_are_a_tiny_header_and_a_tag()
    {
        // Date 1970-01-02 is one day after the epoch.
        Assert.Equal("B14401", ToHex(Encode(new DateOnly(1970, 1, 2))));
        Assert.Equal("B358C91C23C13FF0000000000000C14000000000000000", ToHex(Encode(new BoltPoint(7203, 1.0, 2.0))));
    }

    [Fact]
    public void Integers_sent_as_int32_are_read_back_as_long()
    {
        Assert.Equal(5L, Decode(Hex("CA00000005")));
        Assert.Equal(5L, Decode(Hex("CB0000000000000005")));
        Assert.Equal(-1L, Decode(Hex("C8FF")));
    }
}
