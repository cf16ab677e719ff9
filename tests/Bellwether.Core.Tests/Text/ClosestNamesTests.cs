using Bellwether.Core.Text;
using Xunit;

namespace Bellwether.Core.Tests.Text;

public sealed class ClosestNamesTests
{
    private static readonly string[] Ids = ["BTC", "ETH", "ETHW", "ETC", "WETH", "EETH", "RUT", "SPY", "1000PEPE", "PEPE", "BTC_DOMINANCE"];

    [Theory]
    [InlineData("ETHH", "ETH,ETHW,ETC,EETH,WETH")] // by edits, then the longest shared start, then name
    [InlineData("eth", "ETHW,ETC,EETH,WETH")]
    [InlineData("RTU", "RUT")]
    [InlineData("PEP", "PEPE,1000PEPE")]
    [InlineData("DOMINANCE", "BTC_DOMINANCE")]
    [InlineData("QQQQQQQ", "")]
    public void Suggests_the_closest_ids_first(string typed, string expected) =>
        Assert.Equal(expected, string.Join(",", ClosestNames.Find(typed, Ids)));

    [Fact]
    public void At_most_five_names_and_never_the_word_itself()
    {
        Assert.True(ClosestNames.Find("ETHH", Ids).Count <= ClosestNames.MaxSuggestions);
        Assert.DoesNotContain("ETH", ClosestNames.Find("eth", Ids));
    }

    [Fact]
    public void Best_only_keeps_the_closest_tier()
    {
        string[] options = ["--as-of", "--json", "--store", "--thesis"];
        Assert.Equal(["--as-of"], ClosestNames.Find("--asof", options, bestOnly: true));
        Assert.Equal(["--as-of", "--json"], ClosestNames.Find("--asof", options));
    }

    [Theory]
    [InlineData("board", "borad", 1)] // a swap of neighbours is one edit
    [InlineData("ETH", "ETHH", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits(string a, string b, int expected) => Assert.Equal(expected, ClosestNames.Distance(a, b, 5));
}

public sealed class PrintableTests
{
    [Theory]
    [InlineData("BTC", "BTC")]
    [InlineData("CRYPTO:SPX", "CRYPTO:SPX")]
    [InlineData("a\u001b[31mb", "a\\u001B[31mb")]
    [InlineData("r\u202Eev", "r\\u202Eev")]
    [InlineData("line\nbreak", "line\\u000Abreak")]
    public void Unsafe_characters_are_written_as_escapes(string text, string shown) => Assert.Equal(shown, Printable.Escape(text));

    [Fact]
    public void Line_breaks_can_be_kept_for_messages() =>
        Assert.Equal("one\ntwo\\u0007", Printable.Escape("one\ntwo\u0007", keepLineBreaks: true));
}
