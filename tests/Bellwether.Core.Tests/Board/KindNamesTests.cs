using Bellwether.Core.Board;
using Bellwether.Core.Claims;
using Bellwether.Core.Measurements;
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
        Assert.Equal(name, Concepts.Signals.Find(written)!.Name);

    [Theory]
    [InlineData("altcoin_season_index", "altseason")]
    [InlineData("trendline_break", "trendline")]
    [InlineData("trendline", "trendline")]
    [InlineData("rate_cuts", "fed_path")]
    public void Old_claim_kind_names_find_the_kind_under_its_one_name(string written, string name) =>
        Assert.Equal(name, Concepts.Claims.Find(written)!.Name);

    [Fact]
    public void A_concept_measured_by_a_signal_and_a_claim_has_one_name()
    {
        var both = Concepts.All.Where(c => c.Signal is not null && c.Claim is not null).ToList();
        Assert.Equal(9, both.Count);
        Assert.All(both, c => Assert.Equal(c.Signal!.Name, c.Claim!.Name));
        Assert.All(both, c => Assert.Equal(c.Signal!.Aliases, c.Claim!.Aliases));
        var names = Concepts.All.Select(c => c.Signal?.Name ?? c.Claim!.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count()); // each concept registered once, aliases aside
    }

    [Fact]
    public void The_board_reports_a_signal_under_its_kind_s_one_name()
    {
        var spec = new SignalSpec("r", "r", "etf_rotation", 1, new Dictionary<string, string>(), null, null);
        var board = ThesisBoard.Evaluate(new ThesisDefinition("t", "", [spec]), new MemoryMarketData(), new DateOnly(2025, 1, 1),
            Concepts.Signals);
        Assert.Equal("flow_rotation", board.Signals[0].Kind);
        Assert.Equal(SignalState.NotMeasurable, board.Signals[0].State);
    }
}
