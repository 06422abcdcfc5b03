using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Tests;

/// <summary>The name index's word sort: the order of <see cref="string.CompareOrdinal(string, string)"/>, for any text.</summary>
public sealed class WordOrderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Words_come_out_in_ordinal_order_whatever_their_characters_and_shared_beginnings(int seed)
    {
        // Characters either side of where the packing clamps (0xFF), the zero it pads with, surrogates, and long shared
        // beginnings, so that prefixes tie, clamp early and end inside the packed part.
        char[] alphabet = ['\0', '\u0001', 'a', 'b', 'z', '\u00FE', '\u00FF', '\u0100', '\u01FF', '\uD83C', '\uDF1F', '\uFFFF'];
        var random = new Random(seed);
        var stems = Enumerable.Range(0, 40).Select(_ => Text(random.Next(0, 20))).ToList();
        var words = new HashSet<string>(StringComparer.Ordinal) { "" };
        while (words.Count < 5_000)
            words.Add(random.Next(3) == 0 ? Text(random.Next(0, 24)) : stems[random.Next(stems.Count)] + Text(random.Next(0, 6)));
        var given = words.ToArray();

        var expected = given.OrderBy(w => w, StringComparer.Ordinal).ToList();
        var order = WordOrder.Of(given);

        Assert.Equal(expected, order.Select(i => given[i]).ToList());

        string Text(int length) => new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }
}
