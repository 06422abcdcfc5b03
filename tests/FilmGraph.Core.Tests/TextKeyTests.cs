using FilmGraph.Core;

namespace FilmGraph.Core.Tests;

public sealed class TextKeyTests
{
    [Fact]
    public void Ascii_text_is_keyed_as_the_general_rule_keys_it()
    {
        // A trailing no-break space is a separator that sends the text down the general (non-ASCII) path without
        // changing its key, so each ASCII character is seen by both paths, between letters and at the ends.
        for (var c = (char)0; c < 128; c++)
            foreach (var text in new[] { $"Ab{c}Cd", $"{c}x", $"x{c}", $"{c}{c}", $"A{c} {c}9" })
                Assert.Equal(TextKey.Of(text + "\u00A0"), TextKey.Of(text));
    }

    [Theory]
    [InlineData("Amélie", "amelie")]
    [InlineData("  Crazy, Stupid, Love ", "crazy stupid love")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("Ångström-Björk", "angstrom bjork")]
    [InlineData("ÉMMA   STONE", "emma stone")]
    [InlineData("!!!", "")]
    public void Keys_ignore_case_accents_and_punctuation(string text, string key) => Assert.Equal(key, TextKey.Of(text));

    [Theory]
    [InlineData("gosling", "gosling", 2, 0)]
    [InlineData("gosling", "gosleng", 2, 1)]
    [InlineData("gosling", "goslign", 2, 1)]
    [InlineData("michael", "micheal", 1, 1)]
    [InlineData("gosling", "golsnig", 1, 2)]
    [InlineData("stone", "stoned", 1, 1)]
    [InlineData("stone", "shine", 1, 2)]
    [InlineData("abc", "abcdef", 1, 2)]
    public void Edit_distance_stops_past_its_bound(string a, string b, int max, int expected) =>
        Assert.Equal(expected, TextKey.BoundedEditDistance(a, b, max));
}
