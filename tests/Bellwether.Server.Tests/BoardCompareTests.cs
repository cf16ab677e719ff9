using System.Text.Json;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary><c>board --compare</c>: the flips and the readiness change, checked against two plain boards.</summary>
public sealed class BoardCompareTests
{
    private static JsonElement Board(string date)
    {
        var run = TestStores.Run("board", "--json", "--as-of", date, "--store", TestStores.ExcerptStore);
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    [Theory]
    [InlineData("2025-06-30", "2025-12-31")]
    [InlineData("2025-03-31", "2025-09-30")]
    public void Lists_the_signals_whose_state_differs_and_the_readiness_change(string before, string asOf)
    {
        var run = TestStores.Run("board", "--compare", before, "--as-of", asOf, "--json", "--store", TestStores.ExcerptStore);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        var (then, now) = (Board(before), Board(asOf));
        var thenStates = then.GetProperty("signals").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("state").GetString());
        var expected = now.GetProperty("signals").EnumerateArray()
            .Where(s => thenStates[s.GetProperty("id").GetString()!] != s.GetProperty("state").GetString())
            .Select(s => $"{s.GetProperty("id").GetString()} {thenStates[s.GetProperty("id").GetString()!]} {s.GetProperty("state").GetString()}")
            .ToList();
        var flipped = json.GetProperty("flipped").EnumerateArray()
            .Select(f => $"{f.GetProperty("id").GetString()} {f.GetProperty("from").GetString()} {f.GetProperty("to").GetString()}").ToList();
        Assert.Equal(expected, flipped);
        Assert.Equal(expected.Count > 0 ? 3 : 0, run.ExitCode);
        Assert.Equal(before, json.GetProperty("before").GetProperty("as_of").GetString());
        Assert.Equal(asOf, json.GetProperty("now").GetProperty("as_of").GetString());
        Assert.Equal(now.GetProperty("readiness").GetDouble() - then.GetProperty("readiness").GetDouble(),
            json.GetProperty("readiness_change").GetDouble(), 9);
    }

    [Fact]
    public void A_date_compared_with_itself_flips_nothing_and_exits_0()
    {
        var run = TestStores.Run("board", "--compare", "2025-12-31", "--as-of", "2025-12-31", "--store", TestStores.ExcerptStore);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 of", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("readiness", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_output_names_each_flip()
    {
        Cli.Output.WidthOverride.Value = 200; // one line per flip
        var run = TestStores.Run("board", "--compare", "2025-06-30", "--as-of", "2025-12-31", "--store", TestStores.ExcerptStore);
        var json = JsonDocument.Parse(TestStores.Run("board", "--compare", "2025-06-30", "--as-of", "2025-12-31", "--json",
            "--store", TestStores.ExcerptStore).Stdout).RootElement;
        Assert.Equal(3, run.ExitCode);
        foreach (var flip in json.GetProperty("flipped").EnumerateArray())
            Assert.Contains(flip.GetProperty("title").GetString()!, run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--compare", "2025-12-31", "--as-of", "2025-06-30")]
    [InlineData("--compare", "2025-06-30", "--history")]
    [InlineData("--compare", "June")]
    public void Impossible_comparisons_are_usage_errors(params string[] args) =>
        Assert.Equal(2, TestStores.Run(["board", .. args, "--store", TestStores.ExcerptStore]).ExitCode);
}
