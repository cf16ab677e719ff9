using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Data.Tests.Market;

/// <summary>
/// The board as of d on the whole store equals the board on data truncated at d, for every signal and every shipped
/// thesis, on every 37th day from 2019 to 2025: nothing dated after d reaches a reading, a label, a "since", an
/// explanation, a window, a freshness flag or a field.
/// </summary>
public class BoardPointInTimeTests
{
    private static readonly Lazy<(BellwetherStore Store, StoreMarketData Full)> Opened = new(() =>
    {
        var store = RealData.OpenStore();
        return (store, new StoreMarketData(store));
    });

    public static TheoryData<string> Dates()
    {
        var rows = new TheoryData<string>();
        for (var d = new DateOnly(2019, 1, 1); d <= new DateOnly(2025, 12, 31); d = d.AddDays(37)) rows.Add(d.ToString("yyyy-MM-dd"));
        return rows;
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void The_board_on_full_data_equals_the_board_on_data_cut_at_its_date(string date)
    {
        _ = RealData.Folder;
        var d = DateOnly.Parse(date);
        var (store, full) = Opened.Value;
        var cut = new TruncatedMarketData(store, d);
        foreach (var name in new[] { ThesisFile.DefaultName, "sp500-breakout-bitcoin.yaml" })
        {
            var thesis = ThesisFile.Read(ThesisFile.Shipped(name), name, Concepts.Signals);
            var expected = ThesisBoard.Evaluate(thesis, cut, d, Concepts.Signals);
            var actual = ThesisBoard.Evaluate(thesis, full, d, Concepts.Signals);
            for (int k = 0; k < expected.Signals.Count; k++)
            {
                var (e, a) = (expected.Signals[k], actual.Signals[k]);
                // Compared apart: the records hold them by reference.
                IReadOnlyList<SignalInput> inputs = [];
                var fields = new Dictionary<string, double>();
                Assert.Equal(e with { Inputs = inputs, Fields = fields }, a with { Inputs = inputs, Fields = fields });
                Assert.Equal(e.Inputs, a.Inputs);
                Assert.Equal(e.Fields.OrderBy(f => f.Key), a.Fields.OrderBy(f => f.Key));
            }
            Assert.Equal(expected.Readiness, actual.Readiness);
            Assert.Equal(expected.Breakdown, actual.Breakdown);
        }
    }

    /// <summary>The cut view the core offers (<see cref="AsOfMarketData"/>) reads the same as the data loaded cut.</summary>
    [Theory]
    [InlineData("2021-11-08")]
    [InlineData("2025-12-15")]
    public void As_of_market_data_equals_data_loaded_cut(string date)
    {
        _ = RealData.Folder;
        var d = DateOnly.Parse(date);
        var (store, full) = Opened.Value;
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var expected = ThesisBoard.Evaluate(thesis, new TruncatedMarketData(store, d), d, Concepts.Signals);
        var actual = ThesisBoard.Evaluate(thesis, new AsOfMarketData(full, d), d, Concepts.Signals);
        Assert.Equal(expected.Signals.Select(s => (s.Id, s.State, s.Value, s.Label, s.Since, s.Explanation, s.Stale)),
                     actual.Signals.Select(s => (s.Id, s.State, s.Value, s.Label, s.Since, s.Explanation, s.Stale)));
    }

    [Fact]
    public void Weekly_history_points_are_the_boards_of_their_fridays()
    {
        _ = RealData.Folder;
        var full = Opened.Value.Full;
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var history = ThesisBoard.History(thesis, full, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Concepts.Signals);
        Assert.Equal(52, history.Count);
        Assert.All(history, p => Assert.Equal(DayOfWeek.Friday, p.Date.DayOfWeek));
        foreach (var p in history.Where((_, k) => k % 9 == 0))
        {
            var board = ThesisBoard.Evaluate(thesis, full, p.Date, Concepts.Signals);
            Assert.Equal((board.Readiness, board.Counted), (p.Readiness, p.Counted));
            Assert.Equal(board.Signals.Select(s => s.State), p.States);
        }
    }
}
