using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// The thesis file says what it predicts (trigger, outcome, trade, claims) and study, backtest and report read it:
/// each thesis gets its own events, assets, trade and claims, never the default thesis's.
/// </summary>
public sealed class ThesisPredictionTests : IDisposable
{
    private const string AsOf = "2025-12-15";
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-predicts-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Shipped(string name) => Path.Combine(Reference.RepoRoot, "theses", name);

    /// <summary>A thesis written by hand: Nasdaq (QQQ) breakouts → Ether within 60 days, traded as Ether or cash.</summary>
    private const string QqqEth = """
        name: Nasdaq breakout → ETH
        trigger: { signal: qqq_resistance, event: breakout }
        outcome: { assets: ETH, horizon_days: 60 }
        trade: { hold: ETH, otherwise: cash, threshold: 55 }
        signals:
          - id: qqq_resistance
            kind: breakout
            weight: 3
            params: { instrument: QQQ, lookback_years: 5 }
            supports: { label: [breakout, confirmed, retest, above, all_time_high] }
            against: { label: failed }
          - id: eth_drawdown
            kind: drawdown
            params: { instrument: ETH }
            supports: { value: ">= -10%" }
            against: { value: "<= -25%" }
        """;

    private (JsonElement Json, string Html, string Markdown) Report(string thesis)
    {
        var html = Path.Combine(_dir, Path.GetFileNameWithoutExtension(thesis) + ".html");
        var r = CliRun.OnRealData("report", "--thesis", thesis, "--as-of", AsOf, "-o", html, "--markdown", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return (r.Json, File.ReadAllText(html), File.ReadAllText(Path.ChangeExtension(html, ".md")));
    }

    private static JsonElement Study(string thesis) =>
        CliRun.OnRealData("study", "--thesis", thesis, "--as-of", AsOf, "--resamples", "100", "--json").Json;

    [Theory]
    [InlineData("russell-breakout-altseason.yaml", "RUT breakout above its prior 5-year high", "the altcoin basket while readiness is at or above 60, Bitcoin otherwise", 12)]
    [InlineData("sp500-breakout-bitcoin.yaml", "SPY breakout above its prior 5-year high", "Bitcoin while readiness is at or above 60, cash otherwise", 0)]
    public void A_shipped_thesis_is_studied_traded_and_checked_as_it_declares(string file, string trigger, string trade, int claims)
    {
        var (report, html, markdown) = Report(Shipped(file));
        var section = report.GetProperty("study");
        Assert.StartsWith(trigger, section.GetProperty("source").GetString());
        Assert.Contains(trade, string.Join(" ", section.GetProperty("paragraph").EnumerateArray().Select(p => p.GetString())));
        Assert.Equal(claims, report.GetProperty("claims").GetArrayLength());

        var study = Study(Shipped(file));
        Assert.Equal(study.GetProperty("description").GetString(), section.GetProperty("source").GetString());
        Assert.Equal(study.GetProperty("events").GetArrayLength(), section.GetProperty("events").GetInt32());
        Assert.True(section.GetProperty("events").GetInt32() > 10);
        if (claims > 0) return;
        // The S&P 500 → Bitcoin thesis quotes no article and holds no altcoins: nothing of the default's may leak in.
        foreach (var text in new[] { html, markdown, report.ToString() })
        {
            Assert.DoesNotContain("Russell", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("altcoin", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ALT_BASKET", text, StringComparison.Ordinal);
        }
        Assert.Equal(["BTC"], section.GetProperty("summary").EnumerateArray().Select(s => s.GetProperty("asset").GetString()).Distinct());
    }

    [Fact]
    public void A_thesis_written_in_the_test_gets_its_own_trigger_outcome_and_trade()
    {
        var thesis = Path.Combine(_dir, "qqq-eth.yaml");
        File.WriteAllText(thesis, QqqEth);
        var (report, html, _) = Report(thesis);
        var section = report.GetProperty("study");
        Assert.StartsWith("QQQ breakout above its prior 5-year high", section.GetProperty("source").GetString());
        var rows = section.GetProperty("summary").EnumerateArray().ToList();
        Assert.Equal(["ETH"], rows.Select(s => s.GetProperty("asset").GetString()).Distinct());
        Assert.Contains(60, rows.Select(s => s.GetProperty("horizon").GetInt32()));
        var paragraph = string.Join(" ", section.GetProperty("paragraph").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("have a 60-day outcome for Ether", paragraph);
        Assert.Contains("Ether while readiness is at or above 55, cash otherwise", paragraph);
        Assert.Equal(0, report.GetProperty("claims").GetArrayLength());
        Assert.DoesNotContain("altcoin", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Russell", html, StringComparison.OrdinalIgnoreCase);

        var study = Study(thesis);
        Assert.Equal(section.GetProperty("events").GetInt32(), study.GetProperty("events").GetArrayLength());
        Assert.Equal(study.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("date").GetString()),
            CliRun.OnRealData("study", "--thesis", thesis, "--as-of", AsOf, "--event", "breakout:qqq_resistance", "--resamples", "100", "--json")
                .Json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("date").GetString()));

        var backtest = CliRun.OnRealData("backtest", "--thesis", thesis, "--to", AsOf, "--every", "7", "--json").Json;
        Assert.Equal("ETH", backtest.GetProperty("parameters").GetProperty("hold").GetString());
        Assert.DoesNotContain(backtest.GetProperty("strategies").EnumerateArray(), s => s.GetProperty("id").GetString() == "basket");
        Assert.Equal(0, backtest.GetProperty("signal_value").GetArrayLength());
    }

    [Fact]
    public void A_thesis_that_declares_nothing_is_told_what_to_add_not_given_another_theses_study()
    {
        var thesis = Path.Combine(_dir, "bare.yaml");
        File.WriteAllText(thesis, string.Join('\n', QqqEth.Split('\n').Where(l => !l.StartsWith("trigger", StringComparison.Ordinal)
            && !l.StartsWith("outcome", StringComparison.Ordinal) && !l.StartsWith("trade", StringComparison.Ordinal))));
        var (report, html, _) = Report(thesis);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("study").ValueKind);
        var absent = report.GetProperty("study_absent").GetString()!;
        Assert.Contains("add 'trigger: { signal: ID, event: breakout }'", absent);
        Assert.Contains("'trade: { hold: BTC, otherwise: cash, threshold: 60 }'", absent);
        Assert.Contains("Did it ever work?", html);
        Assert.Equal(0, report.GetProperty("claims").GetArrayLength());

        var study = CliRun.OnRealData("study", "--thesis", thesis, "--as-of", AsOf);
        Assert.Equal(2, study.ExitCode);
        Assert.Contains("declares no trigger", study.Stderr);
        var backtest = CliRun.OnRealData("backtest", "--thesis", thesis, "--to", AsOf);
        Assert.Equal(2, backtest.ExitCode);
        Assert.Contains("declares no trade", backtest.Stderr);
    }

    [Fact]
    public void A_thesis_names_its_assets_for_study_backtest_and_report_and_an_unnamed_one_is_its_id()
    {
        var thesis = Path.Combine(_dir, "qqq-eth-named.yaml");
        File.WriteAllText(thesis, QqqEth.Replace("outcome: { assets: ETH,", "outcome: { assets: [ETH, ETH/BTC],",
            StringComparison.Ordinal) + "\nasset_names: { ETH: Ether (ETH), BTC: the original coin }\n");
        Output.WidthOverride.Value = 120;
        try
        {
            var study = CliRun.OnRealData("study", "--thesis", thesis, "--as-of", AsOf, "--resamples", "100");
            Assert.True(study.ExitCode == 0, study.Stderr);
            // The table's columns and rows, and the note on events before Ether existed, name Ether as the thesis does;
            // ETH/BTC has no name in the thesis or the study, so it is shown by its id.
            Assert.Matches(@"event\s+days\s+Ether \(ETH\)\s+ETH/BTC", study.Stdout);
            Assert.Matches(@"(?m)^ +Ether \(ETH\)\s+60 ", study.Stdout);
            Assert.Matches(@"(?m)^ +ETH/BTC\s+60 ", study.Stdout);
            Assert.Matches(@"events come before Ether \(ETH\)'s first value \(2015-08-06\)", study.Stdout);

            var backtest = CliRun.OnRealData("backtest", "--thesis", thesis, "--to", AsOf, "--every", "7");
            Assert.True(backtest.ExitCode == 0, backtest.Stderr);
            Assert.Matches(@"(?m)^ +Original coin ", backtest.Stdout);
            Assert.Matches(@"(?m)^ +50/50 Original coin–Ether \(ETH\) ", backtest.Stdout);
            Assert.Matches(@"held: share of days holding Ether\s+\(ETH\)\.", backtest.Stdout);
            Assert.Matches(@"buy-and-hold\s+the\s+original\s+coin's", backtest.Stdout);
        }
        finally
        {
            Output.WidthOverride.Value = null;
        }
        var (_, _, markdown) = Report(thesis);
        Assert.Contains("| event | Ether (ETH) | ETH/BTC |", markdown);
        Assert.Matches(@"- \d+ of \d+ events come before Ether \(ETH\)'s first value \(2015-08-06\)", markdown);
        Assert.Contains("for holding the original coin", markdown);
    }
}
