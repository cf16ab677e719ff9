using Bellwether.Core.Claims;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Data.Claims;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Data.Tests.Claims;

public class ClaimsFileTests
{
    private const string Header = "name: test\ndate: 2025-12-15\nclaims:\n";

    private static DefinitionFileException Fails(string text)
    {
        var e = Assert.Throws<DefinitionFileException>(() => Load(text));
        Assert.Equal("claims.yaml", e.File);
        Assert.StartsWith(e.Line > 0 ? $"claims.yaml:{e.Line}: " : "claims.yaml: ", e.Message);
        return e;
    }

    /// <summary>Parses and validates against the standard kinds, as <see cref="ClaimsFile.Load"/> does for a path.</summary>
    private static ClaimSet Load(string text)
    {
        var set = ClaimsFile.Parse(text, "claims.yaml");
        var kinds = Concepts.Claims;
        foreach (var c in set.Claims)
        {
            try
            {
                kinds.Validate(c);
            }
            catch (Bellwether.Core.Board.ThesisException e)
            {
                throw new DefinitionFileException("claims.yaml", e.Line, e.Problem);
            }
        }
        return set;
    }

    [Fact]
    public void The_shipped_article_claims_load_with_their_targets()
    {
        var set = ClaimsFile.Load(Path.Combine(Reference.RepoRoot, "claims", "article-2025-12-15.yaml"), Concepts.Claims);
        Assert.Contains("Russell 2000", set.Name);
        Assert.All(set.Claims, c => Assert.Equal(new DateOnly(2025, 12, 15), c.Date));
        var byId = set.Claims.ToDictionary(c => c.Id);
        Assert.Equal(-0.27, byId["btc_27pct_below_peak"].Target.Claimed, 12);
        Assert.Equal(0.03, byId["btc_27pct_below_peak"].Target.Tolerance, 12);
        Assert.Equal(3.8, byId["rut_btc_2020_surge"].Target.Claimed, 12);
        Assert.Equal(["breakout", "confirmed", "retest", "above"], byId["rut_breakout"].Target.Condition!.Words!);
        Assert.Equal(">=", byId["fed_rate_cuts"].Target.Condition!.Op);
        Assert.Equal("3,5", byId["rut_breakout"].Parameters["lookback_years"]);
        Assert.Equal("2021-01-01", byId["rut_retest_2021_peak"].Parameters["peak_from"]);
        Assert.True(byId["rut_breakout"].Line > 0);
    }

    [Fact]
    public void A_claim_date_overrides_the_file_date_and_one_is_needed()
    {
        var set = Load(Header + "  - id: a\n    text: t\n    date: 2024-03-01\n    kind: drawdown\n    params: { instrument: BTC }\n    claimed: -10%\n    tolerance: 1%\n");
        Assert.Equal(new DateOnly(2024, 3, 1), set.Claims[0].Date);
        var e = Fails("claims:\n  - id: a\n    text: t\n    kind: drawdown\n    params: { instrument: BTC }\n    claimed: -10%\n    tolerance: 1%\n");
        Assert.Equal(2, e.Line);
        Assert.Contains("missing 'date'", e.Problem);
    }

    [Theory]
    [InlineData("  - id: a\n    text: t\n    kind: drawdown\n    params: { instrument: BTC }\n    claimed: -10%\n", 8, "needs a 'tolerance'")]
    [InlineData("  - id: a\n    text: t\n    kind: drawdown\n    params: { instrument: BTC }\n    claimed: -10%\n    tolerance: wide\n", 9, "tolerance 'wide' is not a number")]
    [InlineData("  - id: a\n    text: t\n    kind: breakout\n    params: { instrument: RUT }\n    claimed: [breakout]\n    tolerance: 1\n", 9, "'tolerance' applies to a claimed number, not to a list of states")]
    [InlineData("  - id: a\n    text: t\n    kind: rate_cuts\n    claimed: \">= some\"\n", 7, "claimed '>= some': 'some' is not a number")]
    [InlineData("  - id: a\n    text: t\n    kind: breakouts\n    claimed: [breakout]\n", 4, "claim 'a': unknown kind 'breakouts'; known kinds: ")]
    [InlineData("  - id: a\n    text: t\n    kind: breakout\n    params: { instrument: RUT, lookback: 5 }\n    claimed: [breakout]\n", 4, "kind 'breakout' has no parameter 'lookback'")]
    [InlineData("  - id: a\n    text: t\n    kind: breakout\n    params: { instrument: RUT, lookback_years: [3, x] }\n    claimed: [breakout]\n", 4, "'x' is not a whole number of at least 1")]
    [InlineData("  - id: a\n    text: t\n    kind: level_retest\n    params: { instrument: RUT, peak_from: 2021-13-01, peak_to: 2021-12-31, window_from: 2025-09-01 }\n    claimed: [retest]\n", 4, "parameter 'peak_from' = '2021-13-01' is not a date")]
    [InlineData("  - id: a\n    text: t\n    kind: breakout\n    params: { instrument: { id: RUT } }\n    claimed: [breakout]\n", 7, "parameter 'instrument' must be a value or a list of values")]
    [InlineData("  - id: a\n    text: t\n    kind: breakout\n    params: { instrument: RUT }\n    claimed: [breakout]\n  - id: a\n    text: u\n    kind: breakout\n    params: { instrument: RUT }\n    claimed: [breakout]\n", 9, "claim id 'a' is used twice")]
    [InlineData("  - id: a\n    txt: t\n    kind: breakout\n    claimed: [breakout]\n", 5, "unknown key 'txt'")]
    [InlineData("  - id: a\n    kind: breakout\n    claimed: [breakout]\n", 4, "missing 'text'")]
    [InlineData("  - id: a\n    text: t\n    kind: breakout\n    params: { instrument: RUT }\n", 4, "missing 'claimed'")]
    [InlineData("  - id: a\n    text: t\n    date: 15/12/2025\n    kind: breakout\n    claimed: [breakout]\n", 6, "'15/12/2025' is not a date (expected yyyy-MM-dd)")]
    [InlineData("  - id: a\n    text: [t\n", 6, "not valid YAML")]
    public void Bad_claims_name_the_line_and_the_problem(string claims, int line, string problem)
    {
        var e = Fails(Header + claims);
        Assert.Contains(problem, e.Problem);
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void An_empty_or_shapeless_file_is_refused()
    {
        Assert.Contains("the file is empty", Fails("").Problem);
        Assert.Contains("'claims' is empty", Fails("date: 2025-12-15\nclaims: []\n").Problem);
        Assert.Contains("missing 'claims'", Fails("date: 2025-12-15\n").Problem);
        Assert.Contains("unknown key 'claim'", Fails("claim: []\n").Problem);
    }

    [Fact]
    public void A_report_checks_the_claims_its_thesis_declares_found_beside_the_thesis_file()
    {
        var kinds = Concepts.Claims;
        var builtIn = ThesisFile.LoadDefault(Concepts.Signals);
        Assert.Equal(12, ClaimsFile.LoadForReport(null, builtIn, null, kinds)!.Claims.Count);
        Assert.Null(ClaimsFile.LoadForReport("none", builtIn, null, kinds));
        var sp500 = Path.Combine(Reference.RepoRoot, "theses", "sp500-breakout-bitcoin.yaml");
        Assert.Null(ClaimsFile.LoadForReport(null, ThesisFile.Load(sp500, Concepts.Signals), sp500, kinds));
        var russell = Path.Combine(Reference.RepoRoot, "theses", ThesisFile.DefaultName);
        Assert.Equal(12, ClaimsFile.LoadForReport(null, ThesisFile.Load(russell, Concepts.Signals), russell, kinds)!.Claims.Count);

        var dir = Directory.CreateTempSubdirectory("bellwether-claims-").FullName;
        try
        {
            var thesis = Path.Combine(dir, "t.yaml");
            File.WriteAllText(thesis, "name: t\nclaims: gone.yaml\nsignals:\n  - id: a\n    kind: drawdown\n");
            var e = Assert.Throws<DefinitionFileException>(() =>
                ClaimsFile.LoadForReport(null, ThesisFile.Load(thesis, Concepts.Signals), thesis, kinds));
            Assert.StartsWith($"{thesis}:2: claims file 'gone.yaml' not found", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
