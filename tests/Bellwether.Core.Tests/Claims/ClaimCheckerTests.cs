using Bellwether.Core.Board;
using Bellwether.Core.Claims;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;
using Xunit;

namespace Bellwether.Core.Tests.Claims;

public class ClaimCheckerTests
{
    private static readonly ReadingProvenance Nowhere = new([], null, null, new DateOnly(2025, 1, 1), true, []);

    private static ClaimReading Reading(double value, string? state = null) =>
        new("r", "d", true, value, "fraction", state, null, null, Nowhere, new Dictionary<string, double>(), new Dictionary<string, DateOnly>());

    [Theory]
    [InlineData(0.75, 0.10, 0.65, true)]
    [InlineData(0.75, 0.10, 0.85, true)]
    [InlineData(0.75, 0.10, 0.8500001, false)]
    [InlineData(-0.27, 0.03, -0.3066, false)]
    [InlineData(-0.27, 0.03, -0.29, true)]
    public void A_number_agrees_within_its_tolerance_either_side(double claimed, double tolerance, double value, bool agrees) =>
        Assert.Equal(agrees, ClaimTarget.Approximately(claimed, tolerance).Holds(value, null));

    [Fact]
    public void A_NaN_value_never_agrees()
    {
        Assert.False(ClaimTarget.Approximately(4, 1).Holds(double.NaN, "no_recent_break"));
        Assert.False(ClaimTarget.Comparison(">= 1").Holds(double.NaN, null));
    }

    [Fact]
    public void Comparisons_take_percent_and_states_take_words()
    {
        Assert.True(ClaimTarget.Comparison(">= 1").Holds(3, "easing"));
        Assert.False(ClaimTarget.Comparison("< -5%").Holds(-0.04, null));
        Assert.True(ClaimTarget.Comparison("< -5%").Holds(-0.06, null));
        var states = ClaimTarget.States(["breakout", "confirmed", "retest"]);
        Assert.True(states.Holds(double.NaN, "retest"));
        Assert.False(states.Holds(0.03, "failed"));
        Assert.True(states.ComparesState);
        Assert.Throws<FormatException>(() => ClaimTarget.Comparison(">= lots"));
    }

    [Fact]
    public void Targets_read_in_the_unit_of_their_readings()
    {
        Assert.Equal("−27.0% ± 3.0%", ClaimChecker.DescribeTarget(ClaimTarget.Approximately(-0.27, 0.03), "fraction"));
        Assert.Equal("+380.0% ± 40.0%", ClaimChecker.DescribeTarget(ClaimTarget.Approximately(3.8, 0.4), "fraction"));
        Assert.Equal("value >= 1", ClaimChecker.DescribeTarget(ClaimTarget.Comparison(">= 1"), "count"));
        Assert.Equal("state in [record]", ClaimChecker.DescribeTarget(ClaimTarget.States(["record"]), "fraction"));
        Assert.Equal("0.75 r ± 0.10 r", ClaimChecker.DescribeTarget(ClaimTarget.Approximately(0.75, 0.1), "r"));
        Assert.Equal("+1,218.0 US$ m", ClaimChecker.Format(1218, "US$ m"));
    }

    [Fact]
    public void The_verdict_counts_measurable_readings_only()
    {
        ClaimReading Agreeing(bool? within) => Reading(0) with { Within = within, Measurable = within is not null };
        Assert.Equal(ClaimVerdict.Supported, ClaimChecker.Judge([Agreeing(true), Agreeing(true), Agreeing(null)]));
        Assert.Equal(ClaimVerdict.Partly, ClaimChecker.Judge([Agreeing(true), Agreeing(false)]));
        Assert.Equal(ClaimVerdict.NotSupported, ClaimChecker.Judge([Agreeing(false), Agreeing(null)]));
        Assert.Equal(ClaimVerdict.NotCheckable, ClaimChecker.Judge([Agreeing(null)]));
        Assert.Equal(ClaimVerdict.NotCheckable, ClaimChecker.Judge([]));
    }

    [Fact]
    public void A_repeated_finding_and_a_reading_past_the_claim_date_do_not_count()
    {
        ClaimReading Agreeing(bool within) => Reading(0) with { Within = within };
        var repeat = Agreeing(false) with { Repeats = "r" };
        var hindsight = Agreeing(false) with { Provenance = Nowhere with { PointInTime = false } };
        Assert.Equal(ClaimVerdict.Supported, ClaimChecker.Judge([Agreeing(true), repeat, hindsight]));
        Assert.Equal(ClaimVerdict.NotCheckable, ClaimChecker.Judge([repeat, hindsight]));
        var dated = Reading(0.5) with { Dates = new Dictionary<string, DateOnly> { ["breakout_date"] = new(2020, 11, 16) } };
        Assert.True(dated.SameFinding(dated with { Label = "5y" }));
        Assert.False(dated.SameFinding(dated with { Dates = new Dictionary<string, DateOnly> { ["breakout_date"] = new(2020, 11, 17) } }));
        Assert.False(dated.SameFinding(dated with { Value = 0.51 }));
        Assert.False(dated.SameFinding(dated with { Provenance = Nowhere with { PointInTime = false } }));
    }

    private sealed class NoData : IMarketData
    {
        public DailySeries? Series(string id) => null;
        public FlowTable? Flows(string id) => null;
        public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass) => [];
        public IReadOnlyList<RankedCoin> Rankings(string? list = null) => [];
        public IReadOnlyList<CoinClassification> Classifications(string? list = null) => [];
        public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class => build(this);
    }

    private static ClaimDefinition Claim(string kind, ClaimTarget target, params (string, string)[] parameters) =>
        new("c", "text", new DateOnly(2025, 12, 15), kind, parameters.ToDictionary(p => p.Item1, p => p.Item2), target, 7);

    [Fact]
    public void Every_kind_is_not_checkable_without_data_and_says_why()
    {
        var claims = new[]
        {
            Claim("breakout", ClaimTarget.States(["breakout"]), ("instrument", "RUT")),
            Claim("level_retest", ClaimTarget.States(["retest"]), ("instrument", "RUT"), ("peak_from", "2021-01-01"), ("peak_to", "2021-12-31"), ("window_from", "2025-09-01")),
            Claim("record_close", ClaimTarget.States(["record"]), ("instruments", "RUT,IWM")),
            Claim("correlation", ClaimTarget.Approximately(0.75, 0.1), ("a", "RUT"), ("b", "ETH"), ("from", "2024-01-01")),
            Claim("move_after_breakout", ClaimTarget.Approximately(3.8, 0.4), ("leader", "RUT"), ("follower", "BTC"), ("breakout_from", "2020-09-01"), ("breakout_to", "2020-12-31")),
            Claim("trendline", ClaimTarget.Approximately(4, 1), ("instrument", "ETH"), ("denominator", "BTC")),
            Claim("flow_rotation", ClaimTarget.States(["rotation"]), ("into", "ETH_SPOT_ETF_FLOWS"), ("out_of", "BTC_SPOT_ETF_FLOWS")),
            Claim("altseason", ClaimTarget.Approximately(33, 5)),
            Claim("drawdown", ClaimTarget.Approximately(-0.27, 0.03), ("instrument", "BTC")),
            Claim("fed_path", ClaimTarget.Comparison(">= 1")),
            Claim("no_source", ClaimTarget.Comparison("< 0"), ("needs", "small-cap ETF flows")),
        };
        var results = ClaimChecker.Check(claims, new NoData(), Concepts.Claims);
        Assert.Equal(claims.Length, results.Count);
        Assert.Equal(Concepts.Claims.All.Select(k => k.Name).Order(), claims.Select(c => c.Kind).Order());
        foreach (var r in results)
        {
            Assert.Equal(ClaimVerdict.NotCheckable, r.Verdict);
            Assert.NotEmpty(r.Readings);
            Assert.All(r.Readings, x => Assert.False(string.IsNullOrEmpty(x.Note)));
            Assert.StartsWith("Not checkable: ", r.Summary);
        }
    }

    [Fact]
    public void Only_a_refusal_of_the_data_is_not_checkable_any_other_exception_is_a_bug_that_surfaces()
    {
        var kinds = new ClaimKinds([new RefusingKind()]);
        var refused = ClaimChecker.Check([Claim("refuses", ClaimTarget.Comparison(">= 1"), ("exception", "not_measurable"))],
            new NoData(), kinds);
        Assert.Equal(ClaimVerdict.NotCheckable, refused[0].Verdict);
        Assert.Equal("no price", Assert.Single(refused[0].Readings).Note);
        Assert.Throws<ArgumentException>(() => ClaimChecker.Check(
            [Claim("refuses", ClaimTarget.Comparison(">= 1"), ("exception", "argument"))], new NoData(), kinds));
    }

    private sealed class RefusingKind : IClaimKind
    {
        public string Name => "refuses";
        public string Description => "test: throws the exception it is told to";
        public IReadOnlyList<MeasurementParameter> Parameters { get; } = [new("exception", "", "what to throw")];
        public void Validate(ClaimDefinition claim) { }
        public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data) =>
            throw (claim.Parameters["exception"] == "not_measurable"
                ? new NotMeasurableException("no price") : (Exception)new ArgumentException("a bug"));
    }

    [Fact]
    public void Unknown_kinds_parameters_and_values_name_the_claim_line()
    {
        var kinds = Concepts.Claims;
        var e = Assert.Throws<ThesisException>(() => kinds.Validate(Claim("breakouts", ClaimTarget.States(["x"]))));
        Assert.Equal(7, e.Line);
        Assert.Contains("unknown kind 'breakouts'", e.Message);
        e = Assert.Throws<ThesisException>(() => kinds.Validate(Claim("drawdown", ClaimTarget.States(["x"]), ("instrument", "BTC"), ("bases", "close"))));
        Assert.Contains("has no parameter 'bases'", e.Message);
        e = Assert.Throws<ThesisException>(() => kinds.Validate(Claim("drawdown", ClaimTarget.States(["x"]), ("instrument", "BTC"), ("peak_windows", "all,soon"))));
        Assert.Contains("'soon' is neither 'all' nor a number of days", e.Message);
        e = Assert.Throws<ThesisException>(() => kinds.Validate(Claim("breakout", ClaimTarget.States(["x"]))));
        Assert.Contains("parameter 'instrument' is required", e.Message);
        e = Assert.Throws<ThesisException>(() => kinds.Validate(Claim("level_retest", ClaimTarget.States(["x"]), ("instrument", "RUT"),
            ("peak_from", "2021-01-01"), ("peak_to", "2021-12-31"), ("window_from", "2026-01-01"))));
        Assert.Contains("'window_from' is after the claim date", e.Message);
    }
}
