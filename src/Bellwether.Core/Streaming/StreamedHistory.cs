using Bellwether.Core.Board;
using Bellwether.Core.Statistics.Resampling;

namespace Bellwether.Core.Streaming;

/// <summary>A thesis's readiness history computed by one stream over the data (docs/streaming.md).</summary>
public static class StreamedHistory
{
    /// <summary>
    /// The board's readiness on every day (<see cref="Frequency.Daily"/>), every Friday (weekly) or every month's last
    /// day (monthly) from <paramref name="from"/> to <paramref name="to"/>, both inclusive: one
    /// <see cref="StreamingBoard"/> fed from its warm-up before <paramref name="from"/>
    /// (<see cref="MarketFeed.Start"/>), read on those days. Equal to
    /// <see cref="ThesisBoard.History"/> on the same days.
    /// </summary>
    /// <exception cref="ThesisException">The thesis does not validate against <paramref name="kinds"/>.</exception>
    public static IReadOnlyList<ReadinessPoint> Readiness(
        ThesisDefinition thesis, IMarketData data, DateOnly from, DateOnly to, SignalKinds kinds, Frequency frequency)
    {
        kinds.Validate(thesis);
        var points = new List<ReadinessPoint>();
        if (to < from) return points;
        var feed = new MarketFeed(data, thesis, kinds, to);
        for (var d = feed.Start(from); d <= to; d = d.AddDays(1))
        {
            feed.Feed(d);
            bool read = d >= from && frequency switch
            {
                Frequency.Daily => true,
                Frequency.Weekly => d.DayOfWeek == DayOfWeek.Friday,
                _ => d.AddDays(1).Day == 1,
            };
            if (feed.Board.Close(d, read) is { } board)
                points.Add(new ReadinessPoint(board.AsOf, board.Readiness, board.Counted,
                    [.. board.Signals.Select(s => s.State)], [.. board.Signals.Select(s => s.Stale)]));
        }
        return points;
    }
}
