using FilmGraph.Api.Protection;
using GraphQL;

namespace FilmGraph.Api.Tests.Protection;

/// <summary>The bounded reader: its syntax errors must say where the mistake is in the text as sent.</summary>
public sealed class DocumentReaderTests
{
    private static readonly RequestLimits Limits = new();

    private static ExecutionError Refused(string query)
    {
        var (document, error) = DocumentReader.Read(query, Limits);
        Assert.Null(document);
        return Assert.IsAssignableFrom<ExecutionError>(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n stats { ")]
    [InlineData("\r\n\r\n stats { people } ")]
    public void A_mistake_after_a_long_line_is_placed_where_the_parser_would_place_it(string between)
    {
        // Long enough that the reader breaks the line before parsing; the error must not count those breaks. The
        // parser's own answer on the unbroken text (slow, but this one is short) is the reference.
        var query = "{ " + string.Concat(Enumerable.Repeat("stats { people } ", 300)) + between + "@ }";
        var error = Refused(query);
        Assert.Equal(LimitCodes.SyntaxError, error.Code);
        var expected = Assert.Throws<GraphQLParser.Exceptions.GraphQLSyntaxErrorException>(() => GraphQLParser.Parser.Parse(query)).Location;
        var location = Assert.Single(error.Locations!);
        Assert.Equal((expected.Line, expected.Column), (location.Line, location.Column));
    }

    [Fact]
    public void Strings_and_comments_are_not_broken()
    {
        var padding = new string(' ', 600);
        var query = "{ search(text: \"a" + padding + "b\") { id } }\n# a comment" + padding + "that goes on\n{";
        var error = Refused(query);
        Assert.Equal(LimitCodes.SyntaxError, error.Code);
        var location = Assert.Single(error.Locations!);
        Assert.Equal((3, 2), (location.Line, location.Column));

        var (document, none) = DocumentReader.Read("{ search(text: \"a" + padding + "b\") { id } }", Limits);
        Assert.Null(none);
        var text = document!.Source.ToString();
        Assert.Contains("a" + padding + "b", text);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_the_parser_recurses_far()
    {
        var query = string.Concat(Enumerable.Repeat("{ a ", 2_000)) + string.Concat(Enumerable.Repeat("} ", 2_000));
        var error = Refused(query);
        Assert.Equal(LimitCodes.TooDeep, error.Code);
    }

    [Fact]
    public void Length_tokens_and_unbroken_lines_have_their_own_codes()
    {
        Assert.Equal(LimitCodes.QueryTooLong, Refused(new string(' ', Limits.MaxQueryLength + 1)).Code);
        Assert.Equal(LimitCodes.TooManyTokens, Refused("{" + string.Concat(Enumerable.Repeat(" a", Limits.MaxTokens)) + " }").Code);
        var longString = "{ search(text: \"" + new string('x', DocumentReader.MaxUnbrokenLine + 10) + "\") { id } }";
        Assert.Equal(LimitCodes.LineTooLong, Refused(longString).Code);
    }
}
