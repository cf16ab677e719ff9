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
/// The board on real data sees a FRED observation from its release on, not from its observation date: M2 from its
/// H.6 release, the Wednesday H.4.1 levels from Thursday. <c>releaseLags: false</c> reads them on their own dates.
/// </summary>
public class ReleaseLagTests
{
    private static readonly Lazy<BellwetherStore> Store = new(RealData.OpenStore);

    // M2 has no signal kind of its own; a drawdown of it reads its latest published month like any series.
    private const string M2Thesis = """
        name: M2 as published
        signals:
          - id: m2
            title: M2 below its peak
            kind: drawdown
            weight: 1
            params: { instrument: M2SL, by: close }
        """;

    private static SignalResult Signal(string thesisText, string id, string date, bool releaseLags = true)
    {
        var thesis = ThesisFile.Read(thesisText, "test", Concepts.Signals);
        var board = ThesisBoard.Evaluate(thesis, new StoreMarketData(Store.Value, releaseLags), DateOnly.Parse(date), Concepts.Signals);
        return board.Signals.Single(s => s.Id == id);
    }

    private static DateOnly? LastInput(SignalResult s, string id) => s.Inputs.Single(i => i.Id == id).LastDate;

    [Fact]
    public void M2_for_april_2025_counts_from_its_release_on_27_may()
    {
        _ = RealData.Folder;
        // H.6 of Tuesday 2025-05-27 published April 2025.
        Assert.Equal(new DateOnly(2025, 3, 1), LastInput(Signal(M2Thesis, "m2", "2025-05-26"), "M2SL"));
        Assert.Equal(new DateOnly(2025, 4, 1), LastInput(Signal(M2Thesis, "m2", "2025-05-27"), "M2SL"));
        Assert.Equal(new DateOnly(2025, 4, 1), LastInput(Signal(M2Thesis, "m2", "2025-05-28"), "M2SL"));
        // Without release lags, May's value (dated 2025-05-01) is read as of 26 May: the look-ahead the rules remove.
        Assert.Equal(new DateOnly(2025, 5, 1), LastInput(Signal(M2Thesis, "m2", "2025-05-26", releaseLags: false), "M2SL"));
    }

    [Fact]
    public void Net_liquidity_uses_a_wednesday_level_from_the_thursday_of_its_h41()
    {
        _ = RealData.Folder;
        var thesis = ThesisFile.Shipped(ThesisFile.DefaultName);
        var wednesday = Signal(thesis, "net_liquidity", "2025-06-04");
        var thursday = Signal(thesis, "net_liquidity", "2025-06-05");
        Assert.Equal(new DateOnly(2025, 5, 28), wednesday.To);
        Assert.Equal(new DateOnly(2025, 5, 28), LastInput(wednesday, "WALCL"));
        Assert.Equal(new DateOnly(2025, 6, 4), thursday.To);
        Assert.Equal(new DateOnly(2025, 6, 4), LastInput(thursday, "WTREGEN"));
        Assert.Equal(new DateOnly(2025, 6, 4), Signal(thesis, "net_liquidity", "2025-06-04", releaseLags: false).To);
    }

    [Fact]
    public void The_fed_path_reads_the_effective_rate_of_the_business_day_before()
    {
        _ = RealData.Folder;
        var thesis = ThesisFile.Shipped(ThesisFile.DefaultName);
        // Monday 2025-06-09: Friday's rate (and FRED's weekend copies of it) is published that morning.
        Assert.Equal(new DateOnly(2025, 6, 8), LastInput(Signal(thesis, "fed_path", "2025-06-09"), "DFF"));
        Assert.Equal(new DateOnly(2025, 6, 5), LastInput(Signal(thesis, "fed_path", "2025-06-06"), "DFF"));
    }

    [Fact]
    public void A_weekly_history_reads_each_friday_as_its_own_board()
    {
        _ = RealData.Folder;
        var data = new StoreMarketData(Store.Value);
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var history = ThesisBoard.History(thesis, data, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), Concepts.Signals);
        // A fresh data object per board: nothing shared between dates can leak a later state into an earlier one.
        foreach (var p in history.Where((_, k) => k % 13 == 5))
        {
            var board = ThesisBoard.Evaluate(thesis, new StoreMarketData(Store.Value), p.Date, Concepts.Signals);
            Assert.Equal((board.Readiness, board.Counted), (p.Readiness, p.Counted));
            Assert.Equal(board.Signals.Select(s => s.State), p.States);
        }
    }

    [Theory]
    [InlineData("DFF", "2025-06-09")]
    [InlineData("DFF", "2025-06-07")]
    [InlineData("M2SL", "2025-05-26")]
    [InlineData("WALCL", "2025-06-04")]
    [InlineData("RUT", "2025-06-04")]
    public void A_published_prefix_holds_the_rows_of_the_published_series(string id, string date)
    {
        _ = RealData.Folder;
        var asOf = DateOnly.Parse(date);
        var published = new StoreMarketData(Store.Value).Published(asOf);
        foreach (var data in new[] { published, new AsOfMarketData(published, asOf.AddDays(-3)) })
        {
            var series = data.Series(id)!;
            var prefix = data.Prefix(id)!.Value;
            Assert.Equal(series.Count, prefix.Rows);
            Assert.Equal(series.Dates, prefix.Series.Dates.Take(prefix.Rows));
            Assert.Equal(series.Close, prefix.Series.Close.Take(prefix.Rows));
            Assert.Equal(SignalInput.Of(series, asOf), SignalInput.Of(prefix, asOf));
        }
        // A lagged series is handed out whole, not cut per day.
        if (id != "RUT") Assert.True(published.Prefix(id)!.Value.Series.Count > published.Series(id)!.Count);
    }
}
