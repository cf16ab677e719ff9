using System.Text.RegularExpressions;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Golden;

/// <summary>
/// The CLI's tables on the real data at 80 and 120 columns: every line within the width, none ending in a space, no
/// number, date or id split across lines (every word is one the same command prints at 400 columns, where nothing
/// wraps), no number parted from its unit, no ASCII hyphen as a minus sign, and the output equal to its golden file
/// in this folder (<c>tests/golden/regenerate</c> rewrites them).
/// </summary>
public sealed class TerminalGoldenOutputTests
{
    private static string Golden(string name) => Path.Combine(Reference.RepoRoot, "tests", "Bellwether.Cli.Tests", "Golden", name);

    /// <summary>Short headers a narrow table may use instead of the long ones.</summary>
    private static readonly HashSet<string> ShortHeaders = ["CAGR", "Sharpe", "max", "DD", "turn.", "ok"];

    private static readonly string[] Names =
    [
        "board", "study", "check", "backtest", "flows", "macro", "trendline", "corr", "leadlag", "data-show", "data-show-flows",
        "alerts-test", "altseason", "screen", "board-what-if", "drawdown", "divergence",
    ];

    public static TheoryData<string, int> Commands
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var name in Names)
            {
                data.Add(name, 80);
                data.Add(name, 120);
            }
            return data;
        }
    }

    private static string[] Arguments(string command) => command switch
    {
        "board" => ["board", "--as-of", "2025-12-15"],
        "study" => ["study", "--as-of", "2025-12-15", "--resamples", "200", "--horizons", "30,90"],
        "check" => ["check", Path.Combine(Reference.RepoRoot, "claims", "article-2025-12-15.yaml"), "--ignore-release-lags"],
        "backtest" => ["backtest", "--to", "2025-12-15", "--every", "7"],
        "flows" => ["flows", "--as-of", "2025-12-15"],
        "macro" => ["macro", "--as-of", "2025-12-15"],
        "trendline" => ["trendline", "RUT", "--as-of", "2025-12-15"],
        "corr" => ["corr", "RUT", "ETH", "--as-of", "2025-12-15", "--window", "90"],
        "leadlag" => ["leadlag", "RUT", "ETH", "--as-of", "2025-12-15"],
        "data-show" => ["data", "show", "ETH", "--from", "2025-12-08", "--to", "2025-12-15"],
        "data-show-flows" => ["data", "show", "BTC_SPOT_ETF_FLOWS", "--from", "2025-12-08", "--to", "2025-12-15"],
        "alerts-test" => ["alerts", "test", Path.Combine(Reference.RepoRoot, "alerts", "example.yaml"), "--from", "2025-12-01",
            "--to", "2025-12-15"],
        "altseason" => ["altseason", "--from", "2025-06-01", "--to", "2025-12-15", "--top", "100"],
        "screen" => ["screen", "RUT"],
        "drawdown" => ["drawdown", "BTC", "--as-of", "2025-12-15"],
        "divergence" => ["divergence", "--as-of", "2025-12-15"],
        "board-what-if" => ["board", "--as-of", "2025-12-15", "--weight", "rut_btc_corr=4", "--threshold",
            "btc_drawdown.against.value=-0.35", "--threshold", "rut_eth_corr.supports.ci95_low=0.5"],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    /// <summary>A number with a unit of the formatting table after a space (<c>0.65 r</c>, <c>−229.0 US$ bn</c>).</summary>
    private static readonly Regex NumberAndUnit = new(@"[+−]?\d[\d,.]*(?: (?:US\$ m|US\$ bn|pp|bp|r|points|days|months)\b)");

    /// <summary>A what-if board's mark of the thesis file's state under one a change turned.</summary>
    private static readonly Regex FileState = new(@"^ .*\s\((?:supports|against|neutral)\)$", RegexOptions.Multiline);

    private static readonly Regex LeftOutNote = new(@"Left out to fit \d+ columns:[^)]*\)\.");

    /// <summary>A study asset's or strategy's id where a reader should see its name (<c>ETH/BTC</c> has no other
    /// name).</summary>
    private static readonly Regex AssetId = new(@"(?<![\w/])(?:ALT_BASKET|ALTSEASON|BTC|ETH|btc|eth|btc_eth_50_50)(?![\w/])");

    /// <summary>An ASCII hyphen used as a minus sign: before a digit, not inside a word or date.</summary>
    private static readonly Regex AsciiMinus = new(@"(?<![\w.])-\d");

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
        var wide = Run(400, Arguments(command));
        var whole = Words(wide);
        // The note on columns left out for the width is the one text only a narrow table has.
        var split = Words(LeftOutNote.Replace(text, "")).Where(w => !whole.Contains(w) && !ShortHeaders.Contains(w)).ToList();
        Assert.True(split.Count == 0, $"split across lines at {width} columns: {string.Join(" | ", split.Take(10))}");
        var parted = NumberAndUnit.Matches(wide).Select(m => m.Value).Distinct()
            .Where(v => !lines.Any(l => l.Contains(v, StringComparison.Ordinal))).ToList();
        Assert.True(parted.Count == 0, $"a number parted from its unit at {width} columns: {string.Join(" | ", parted.Take(10))}");
        Assert.DoesNotMatch(AsciiMinus, text);
        // The what-if golden turns a state: its mark is in the state column, whole.
        if (command == "board-what-if") Assert.Matches(FileState, text);
        // The study and the backtest name their assets and strategies: Bitcoin, Altcoin basket, never BTC, ALT_BASKET.
        if (command is "study" or "backtest") Assert.DoesNotMatch(AssetId, text);

        var golden = Golden($"{command}-{width}.txt");
        if (Environment.GetEnvironmentVariable("BELLWETHER_GOLDEN") == "regenerate") File.WriteAllText(golden, text);
        Assert.Equal(File.ReadAllText(golden), text);
    }
}
