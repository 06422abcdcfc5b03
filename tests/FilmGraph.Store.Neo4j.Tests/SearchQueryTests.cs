using FilmGraph.Core;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>The Lucene text sent to the full-text index, and the rows the upserts take.</summary>
public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("Lovelase", "(lovelase^4 OR lovelase*^2 OR lovelase~2)")]
    [InlineData("Cleo Mar", "((cleo^4 OR cleo*^2 OR cleo~1) AND (mar^4 OR mar*^2)) OR (cleomar^4 OR cleomar*^2 OR cleomar~1)")]
    [InlineData("di caprio", "((di^4 OR di*^2) AND (caprio^4 OR caprio*^2 OR caprio~1)) OR (dicaprio^4 OR dicaprio*^2 OR dicaprio~2)")]
    [InlineData("  Ångström!! ", "(angstrom^4 OR angstrom*^2 OR angstrom~2)")]
    [InlineData("O'Brien", "(obrien^4 OR obrien*^2 OR obrien~1)")]
    public void Every_word_matches_exactly_by_prefix_or_within_its_typo_allowance_or_the_words_match_joined(string text, string lucene) =>
        Assert.Equal(lucene, SearchQuery.Lucene(text));

    [Theory]
    [InlineData("title:x OR *:* \"", "((title^4 OR title*^2 OR title~1) AND (x^4 OR x*^2) AND (or^4 OR or*^2)) OR (titlexor^4 OR titlexor*^2 OR titlexor~2)")]
    [InlineData("a AND NOT b~9^100", "((a^4 OR a*^2) AND (and^4 OR and*^2) AND (not^4 OR not*^2) AND (b^4 OR b*^2) AND (9^4 OR 9*^2) AND (100^4 OR 100*^2)) OR (aandnotb9100^4 OR aandnotb9100*^2 OR aandnotb9100~2)")]
    public void Lucene_syntax_in_the_text_is_only_words(string text, string lucene)
    {
        var query = SearchQuery.Lucene(text)!;
        Assert.DoesNotContain(':', query);
        Assert.DoesNotContain('"', query);
        Assert.Equal(lucene, query);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  !? -- ")]
    public void Text_without_words_searches_nothing(string text)
    {
        Assert.Null(SearchQuery.Lucene(text));
        Assert.Null(SearchQuery.Phrase(TextKey.Of(text)));
    }

    [Fact]
    public void Rows_carry_the_name_keys_their_joined_words_and_no_empty_alias_list()
    {
        var ben = WriteRows.Person(new Person("ben", "Ben Ångström", 1950, ["Benny A", "ben angstrom"]));
        Assert.Equal(["ben angstrom", "benny a"], (string[])ben["keys"]!);
        Assert.Equal("ben angstrom\nbenny a\nbenangstrom bennya", ben["searchText"]);
        Assert.Equal("cleo", WriteRows.Person(new Person("cleo", "Cleo"))["searchText"]);
        Assert.Null(WriteRows.Person(new Person("cleo", "Cleo"))["aliases"]);
        Assert.Equal(["sixth sense"], (string[])WriteRows.Film(new Film("f6", "Sixth Sense!"))["keys"]!);
    }
}
