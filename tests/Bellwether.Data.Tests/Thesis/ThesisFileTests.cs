using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Data.Thesis;
using Xunit;

namespace Bellwether.Data.Tests.Thesis;

public class ThesisFileTests
{
    private const string Good = """
        name: Test thesis
        description: For tests.
        signals:
          - id: rut
            title: Russell 2000 breakout
            kind: breakout
            weight: 2
            params: { instrument: RUT, lookback_years: 5 }
            supports: { label: [breakout, confirmed, retest] }
            against: { label: failed }
          - id: btc
            kind: drawdown
            params:
              instrument: BTC
              by: high
            supports: { value: ">= -10%" }
            against: { value: "<= -0.2", days_since_peak: "> 30" }
        """;

    private static DefinitionFileException Fails(string text)
    {
        var e = Assert.Throws<DefinitionFileException>(() => ThesisFile.Read(text, "bad.yaml", Concepts.Signals));
        Assert.StartsWith(e.Line > 0 ? $"bad.yaml:{e.Line}: " : "bad.yaml: ", e.Message);
        return e;
    }

    /// <summary><see cref="Good"/> with one line replaced (1-based) or inserted before it.</summary>
    private static string Edit(int line, string text, bool insert = false)
    {
        var lines = Good.Split('\n').ToList();
        if (insert) lines.Insert(line - 1, text);
        else lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    [Fact]
    public void A_good_file_reads_with_defaults_and_rules()
    {
        var thesis = ThesisFile.Read(Good, "good.yaml", Concepts.Signals);
        Assert.Equal("Test thesis", thesis.Name);
        Assert.Equal(["rut", "btc"], thesis.Signals.Select(s => s.Id));
        var btc = thesis.Signals[1];
        Assert.Equal(("btc", 1.0, 11), (btc.Title, btc.Weight, btc.Line));
        Assert.Equal("high", btc.Parameters["by"]);
        Assert.Equal(15, btc.ParameterLines!["by"]);
        Assert.Equal("value >= -0.1", btc.Supports!.ToString()); // a trailing % divides by 100
        Assert.Equal("value <= -0.2 and days_since_peak > 30", btc.Against!.ToString());
        Assert.Equal("label in [breakout, confirmed, retest]", thesis.Signals[0].Supports!.ToString());
        Assert.Equal(0.5, thesis.MinMeasured);
        Assert.Equal(0.6, ThesisFile.Read(Edit(2, "min_measured: 0.6"), "good.yaml", Concepts.Signals).MinMeasured);
    }

    [Fact]
    public void A_drawdown_threshold_in_the_percent_of_units_version_1_is_refused_not_misread()
    {
        var e = Fails(Edit(17, "    against: { value: \"<= -20\", days_since_peak: \"> 30\" }"));
        Assert.Equal(17, e.Line);
        Assert.Contains("signal 'btc' against: value <= -20 is outside what kind 'drawdown' gives: a drawdown is a " +
            "fraction from -1 to 0 since units version 2", e.Problem);
    }

    [Fact]
    public void A_divergence_drawdown_field_in_the_percent_of_units_version_2_is_refused_not_misread()
    {
        const string Divergence = """
            name: Divergence
            signals:
              - id: gap
                title: gap
                kind: divergence
                weight: 1
                supports: { index_drawdown: ">= -5" }
            """;
        var e = Fails(Divergence);
        Assert.Equal(7, e.Line);
        Assert.Contains("signal 'gap' supports: index_drawdown >= -5 is outside what kind 'divergence' gives: a " +
            "drawdown is a fraction from -1 to 0 since units version 3", e.Problem);
        var thesis = ThesisFile.Read(Divergence.Replace("-5", "-5%"), "d.yaml", Concepts.Signals);
        Assert.Equal("index_drawdown >= -0.05", thesis.Signals[0].Supports!.ToString());
    }

    [Fact]
    public void Unknown_kind()
    {
        var e = Fails(Edit(6, "    kind: brekout"));
        Assert.Equal(4, e.Line);
        Assert.Contains("signal 'rut': unknown kind 'brekout'; known kinds: altseason, breakout,", e.Problem);
    }

    [Fact]
    public void Unknown_parameter()
    {
        var e = Fails(Edit(15, "      by_what: high"));
        Assert.Equal(11, e.Line);
        Assert.Equal("signal 'btc': kind 'drawdown' has no parameter 'by_what'; it takes: instrument, by, since", e.Problem);
    }

    [Theory]
    [InlineData("      by: highest", "parameter 'by' = 'highest' must be one of: close, high")]
    [InlineData("      since: 2025-13-01", "parameter 'since' = '2025-13-01' is not a date (yyyy-MM-dd)")]
    public void Bad_parameter_value_names_the_parameter_line(string line, string problem)
    {
        var e = Fails(Edit(15, line));
        Assert.Equal(15, e.Line);
        Assert.Equal($"signal 'btc': {problem}", e.Problem);
    }

    [Fact]
    public void A_parameter_the_core_refuses_names_the_signal()
    {
        var e = Fails(Edit(8, "    params: { instrument: RUT, lookback_years: 0 }"));
        Assert.Equal(4, e.Line);
        Assert.StartsWith("signal 'rut': ", e.Problem);
        Assert.Contains("LookbackYears", e.Problem);
    }

    [Theory]
    [InlineData(16, "    supports: { value: \"~ -10\" }", 16, "signal 'btc' supports: '~ -10' must start with one of <= >= == != < >")]
    [InlineData(16, "    supports: { value: \">= ten\" }", 16, "signal 'btc' supports: '>= ten': 'ten' is not a number")]
    [InlineData(17, "    against: { drawdown: \"< -20\" }", 17, "signal 'btc' against: kind 'drawdown' has no field 'drawdown'; it tests: value, label, peak, close, days_since_peak, max_drawdown")]
    [InlineData(9, "    supports: { label: [breakout, confirm] }", 9, "signal 'rut' supports: kind 'breakout' never gives the label 'confirm'; its labels: below, approaching, testing, breakout, confirmed, retest, above, failed, new_high, all_time_high")]
    [InlineData(9, "    supports: {}", 9, "signal 'rut' supports: a rule needs at least one clause (or leave 'supports' out)")]
    [InlineData(9, "    supports: { label: [] }", 9, "signal 'rut' supports: the label list is empty")]
    [InlineData(9, "    supports: [breakout]", 9, "signal 'rut' supports must be a mapping (key: value)")]
    public void Bad_rule(int line, string text, int errorLine, string problem)
    {
        var e = Fails(Edit(line, text));
        Assert.Equal((errorLine, problem), (e.Line, e.Problem));
    }

    [Fact]
    public void Duplicate_id()
    {
        var e = Fails(Good.Replace("  - id: btc", "  - id: rut"));
        Assert.Equal(11, e.Line);
        Assert.Equal("signal id 'rut' is used twice", e.Problem);
    }

    [Theory]
    [InlineData(8, "    params: { instrument: RUT, lookback_years: 5", "not valid YAML")]
    [InlineData(16, "    supports: { value: >= -10 }", "not valid YAML")]
    [InlineData(13, "\tparams:", "not valid YAML")]
    public void Bad_yaml(int line, string text, string problem)
    {
        var e = Fails(Edit(line, text));
        Assert.True(e.Line >= line - 1 && e.Line <= line + 1, $"line {e.Line}");
        Assert.StartsWith(problem, e.Problem);
    }

    [Theory]
    [InlineData(1, "title: Test thesis", 1, "thesis: unknown key 'title'; allowed: name, description, min_measured, signals, trigger, outcome, trade, claims, asset_names")]
    [InlineData(2, "min_measured: 60", 2, "'min_measured' is a share of the weight, from 0 to 1")]
    [InlineData(7, "    weight: -1", 7, "signal 'rut': weight must be from 0 to 1,000,000, got -1")]
    [InlineData(7, "    weight: heavy", 7, "'weight' must be a finite number, got 'heavy'")]
    [InlineData(5, "    titel: Russell 2000 breakout", 5, "signal: unknown key 'titel'; allowed: id, title, kind, weight, params, supports, against")]
    public void Bad_structure(int line, string text, int errorLine, string problem)
    {
        var e = Fails(Edit(line, text));
        Assert.Equal((errorLine, problem), (e.Line, e.Problem));
    }

    [Fact]
    public void Missing_name_and_empty_files()
    {
        Assert.Equal("missing 'name'", Fails(Good.Replace("name: Test thesis\n", "")).Problem);
        Assert.Equal("the file is empty", Fails("").Problem);
        Assert.Equal("'signals' is empty", Fails("name: x\nsignals: []").Problem);
    }

    [Fact]
    public void Load_names_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"thesis-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Edit(6, "    kind: brekout"));
        try
        {
            var e = Assert.Throws<DefinitionFileException>(() => ThesisFile.Load(path, Concepts.Signals));
            Assert.StartsWith($"{path}:4: signal 'rut': unknown kind 'brekout'", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("russell-breakout-altseason.yaml")]
    [InlineData("sp500-breakout-bitcoin.yaml")]
    public void The_shipped_theses_read_and_say_what_they_predict(string name)
    {
        var thesis = ThesisFile.Read(ThesisFile.Shipped(name), name, Concepts.Signals);
        Assert.NotEmpty(thesis.Signals);
        Assert.All(thesis.Signals, s => Assert.NotNull(Concepts.Signals.Find(s.Kind)));
        Assert.Empty(thesis.Predicts.Missing);
        Assert.Equal(TriggerEvent.Breakout, thesis.Predicts.Trigger!.Event);
    }

    /// <summary><see cref="Good"/> with prediction lines inserted after its description (line 3 on).</summary>
    private static string Predicting(params string[] lines) => Edit(3, string.Join('\n', lines), insert: true);

    [Fact]
    public void Trigger_outcome_trade_and_claims_read()
    {
        var thesis = ThesisFile.Read(Predicting("trigger: { signal: rut, event: confirmed }",
            "outcome: { assets: [eth, BTC], horizon_days: 60, direction: down }", "trade: { hold: ETH, otherwise: btc, threshold: 55 }",
            "claims: my-claims.yaml"), "good.yaml", Concepts.Signals);
        var p = thesis.Predicts;
        Assert.Equal((TriggerEvent.Confirmed, "rut", 3), (p.Trigger!.Event, p.Trigger.Signal, p.Trigger.Line));
        Assert.Equal(["ETH", "BTC"], p.Outcome!.Assets);
        Assert.Equal((60, false, "ETH"), (p.Outcome.HorizonDays, p.Outcome.Rise, p.Outcome.Lead));
        Assert.Equal(new ThesisTrade("ETH", RotationFallback.Bitcoin, 55), p.Trade);
        Assert.Equal(("my-claims.yaml", 6), (p.Claims, p.ClaimsLine));
        Assert.Equal(["trigger", "outcome", "trade"], ThesisFile.Read(Good, "good.yaml", Concepts.Signals).Predicts.Missing);
        var readiness = ThesisFile.Read(Predicting("trigger: { readiness: 70 }"), "good.yaml", Concepts.Signals).Predicts.Trigger!;
        Assert.Equal((TriggerEvent.Readiness, 70.0), (readiness.Event, readiness.Threshold));
    }

    [Fact]
    public void Asset_names_read_over_the_studys_own_and_an_asset_named_by_neither_is_its_id()
    {
        var names = ThesisFile.Read(Predicting("asset_names: { eth: Ether (ETH), ALT_BASKET: the top-20 altcoins }"),
            "good.yaml", Concepts.Signals).Predicts.Names;
        Assert.Equal(("Ether (ETH)", "Ether (ETH)"), (names.Name("ETH"), names.Label("ETH")));
        Assert.Equal(("the top-20 altcoins", "Top-20 altcoins"), (names.Name("ALT_BASKET"), names.Label("ALT_BASKET")));
        Assert.Equal(("Bitcoin", "Altcoin Season Index"), (names.Name("BTC"), names.Label("ALTSEASON")));
        Assert.Equal(("ETH/BTC", "ETH/BTC"), (names.Name("ETH/BTC"), names.Label("ETH/BTC")));
        // A thesis without asset_names reads the study's names.
        Assert.Equal("the altcoin basket", ThesisFile.Read(Good, "good.yaml", Concepts.Signals).Predicts.Names.Name("ALT_BASKET"));
    }

    [Theory]
    [InlineData("asset_names: { DOGE: Dogecoin }", 3, "asset_names: unknown asset 'DOGE'; known: BTC, ETH, ALT_BASKET, ETH/BTC, ALTSEASON")]
    [InlineData("asset_names: { BTC: ' ' }", 3, "asset_names: the name of 'BTC' must be a non-empty text")]
    [InlineData("asset_names: { BTC: Bitcoin, btc: BTC }", 3, "asset_names: 'BTC' is named twice")]
    [InlineData("asset_names: [BTC]", 3, "'asset_names' must be a mapping")]
    [InlineData("asset_names: { [BTC]: Bitcoin }", 3, "asset_names: an asset id must be a text")]
    [InlineData("trigger: { signal: nope }", 3, "trigger: no signal 'nope' in this thesis (signals: rut, btc)")]
    [InlineData("trigger: { signal: btc }", 3, "trigger: a breakout trigger reads a breakout signal; 'btc' is a drawdown")]
    [InlineData("trigger: { signal: rut, event: crossing }", 3, "trigger: event 'crossing' must be one of: breakout, confirmed, supports")]
    [InlineData("trigger: { readiness: 140 }", 3, "trigger: 'readiness' is a threshold from 0 to 100")]
    [InlineData("trigger: { when: rut }", 3, "trigger: unknown key 'when'")]
    [InlineData("outcome: { assets: [BTC, DOGE] }", 3, "outcome: unknown asset 'DOGE'; known: BTC, ETH, ALT_BASKET, ETH/BTC, ALTSEASON")]
    [InlineData("outcome: { assets: BTC, horizon_days: 2.5 }", 3, "outcome: 'horizon_days' must be a whole number")]
    [InlineData("trade: { hold: ETH/BTC }", 3, "trade: 'hold' must be one of BTC, ETH, ALT_BASKET, got 'ETH/BTC'")]
    [InlineData("trade: { hold: BTC, otherwise: BTC }", 3, "trade: holding BTC either way is no trade")]
    [InlineData("trade: { hold: ETH, otherwise: gold }", 3, "trade: 'otherwise' must be BTC or cash, got 'gold'")]
    public void A_bad_prediction_names_its_line(string line, int at, string problem)
    {
        var e = Fails(Predicting(line));
        Assert.Equal(at, e.Line);
        Assert.StartsWith(problem, e.Problem);
    }
}
