using System.Text.RegularExpressions;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Golden;

/// <summary>
/// The CLI's tables on the real data at 80 and 120 columns: every line within the width, none ending in a space, no
/// number, date or id split across lines (every word is one the same command prints at 400 columns, where nothing
/// wraps), and the output equal to its golden file in this folder (<c>tests/golden/regenerate</c> rewrites them).
/// </summary>
public sealed class TerminalGoldenOutputTests
{
    private static string Golden(string name) => Path.Combine(Reference.RepoRoot, "tests", "Bellwether.Cli.Tests", "Golden", name);

    /// <summary>Short headers a narrow table may use instead of the long ones.</summary>
    private static readonly HashSet<string> ShortHeaders = ["CAGR", "Sharpe", "max", "DD", "turn.", "ok"];

    public static TheoryData<string, int> Commands => new()
    {
        { "board", 80 }, { "board", 120 }, { "study", 80 }, { "study", 120 }, { "check", 80 }, { "check", 120 },
        { "backtest", 80 }, { "backtest", 120 },
    };

    private static string[] Arguments(string command) => command switch
    {
        "board" => ["board", "--as-of", "2025-12-15"],
        "study" => ["study", "--as-of", "2025-12-15", "--resamples", "200", "--horizons", "30,90"],
        "check" => ["check", Path.Combine(Reference.RepoRoot, "claims", "article-2025-12-15.yaml"), "--ignore-release-lags"],
        _ => ["backtest", "--to", "2025-12-15", "--every", "7"],
    };

    private static string Run(int width, string[] args)
    {
        Output.WidthOverride.Value = width;
        try
        {
            var r = CliRun.OnRealData(args);
            Assert.True(r.ExitCode == 0, r.Stderr);
            return r.Stdout;
        }
        finally
        {
            Output.WidthOverride.Value = null;
        }
    }

    // Table rules (─) are as long as their table: not words.
    private static HashSet<string> Words(string text) => Regex.Split(text, @"\s+").Where(w => w.Trim('─').Length > 0).ToHashSet();

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_command_fits_the_width_without_splitting_a_word_and_matches_its_golden_output(string command, int width)
    {
        var text = Run(width, Arguments(command));
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: '{l}'"));
        Assert.All(lines, l => Assert.False(l.EndsWith(' '), $"trailing space: '{l}'"));
        var whole = Words(Run(400, Arguments(command)));
        var split = Words(text).Where(w => !whole.Contains(w) && !ShortHeaders.Contains(w)).ToList();
        Assert.True(split.Count == 0, $"split across lines at {width} columns: {string.Join(" | ", split.Take(10))}");

        var golden = Golden($"{command}-{width}.txt");
        if (Environment.GetEnvironmentVariable("BELLWETHER_GOLDEN") == "regenerate") File.WriteAllText(golden, text);
        Assert.Equal(File.ReadAllText(golden), text);
    }
}
