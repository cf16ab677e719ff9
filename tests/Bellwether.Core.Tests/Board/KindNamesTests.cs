using Bellwether.Core.Board;
using Bellwether.Core.Claims;
using Bellwether.Core.Signals;
using Xunit;

namespace Bellwether.Core.Tests.Board;

/// <summary>One name per concept in thesis and claims files; old names keep working as documented aliases.</summary>
public class KindNamesTests
{
    [Theory]
    [InlineData("etf_rotation", "flow_rotation")]
    [InlineData("ETF_ROTATION", "flow_rotation")]
    [InlineData("flow_rotation", "flow_rotation")]
    [InlineData("altseason", "altseason")]
    public void Old_signal_kind_names_find_the_kind_under_its_one_name(string written, string name) =>
        Assert.Equal(name, BuiltInSignals.Kinds.Find(written)!.Name);

    [Theory]
    [InlineData("altcoin_season_index", "altseason")]
    [InlineData("trendline_break", "trendline")]
    [InlineData("trendline", "trendline")]
    public void Old_claim_kind_names_find_the_kind_under_its_one_name(string written, string name) =>
        Assert.Equal(name, ClaimKinds.Standard(null).Find(written)!.Name);

    [Fact]
    public void A_concept_measured_by_a_signal_and_a_claim_has_one_name()
    {
        HashSet<string> shared = ["altseason", "trendline", "flow_rotation", "breakout", "drawdown", "record_close", "correlation"];
        var signals = BuiltInSignals.Kinds.All.Select(k => k.Name).ToHashSet();
        Assert.Subset(signals, shared);
        Assert.Subset(ClaimKinds.Standard(null).All.Select(k => k.Name).ToHashSet(), shared);
        Assert.Equal(BuiltInSignals.Kinds.All.Count(), signals.Count); // each kind listed once, aliases aside
    }

    [Fact]
    public void The_board_reports_a_signal_under_its_kind_s_one_name()
    {
        var spec = new SignalSpec("r", "r", "etf_rotation", 1, new Dictionary<string, string>(), null, null);
        var board = ThesisBoard.Evaluate(new ThesisDefinition("t", "", [spec]), new MemoryMarketData(), new DateOnly(2025, 1, 1),
            BuiltInSignals.Kinds);
        Assert.Equal("flow_rotation", board.Signals[0].Kind);
        Assert.Equal(SignalState.NotMeasurable, board.Signals[0].State);
    }
}
