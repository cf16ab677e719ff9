using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Streaming;

/// <summary>
/// Every call a <see cref="MarketFeed"/> makes on its board, in the same order, made again here: the feed's rows sent
/// elsewhere (a thesis grain on the cluster feeds its own <see cref="StreamingBoard"/> with them).
/// </summary>
public interface IFeedTap
{
    /// <summary>A series buffer created before its first row (<see cref="StreamMarketData.SeriesOf"/>).</summary>
    void Series(Instrument instrument, bool closesOnly);

    /// <summary>A flow buffer created before its first row (<see cref="StreamMarketData.FlowsOf"/>).</summary>
    void Flows(Instrument instrument, string[] funds, string source);

    /// <summary><see cref="StreamingBoard.Bar(Instrument, DailyBar, DateOnly, bool)"/>.</summary>
    void Bar(Instrument instrument, DailyBar bar, DateOnly arrived, bool closesOnly);

    /// <summary><see cref="StreamingBoard.Flow"/>.</summary>
    void Flow(Instrument instrument, string[] funds, string source, DateOnly date, double[] values, double total,
        bool derived, DateOnly arrived);

    /// <summary><see cref="StreamingBoard.Ranking"/>.</summary>
    void Ranking(IReadOnlyList<RankedCoin> snapshot);
}
