using FilmGraph.Core;

namespace FilmGraph.Core.Tests;

public sealed class TextKeyTests
{
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
