using Bellwether.Core.Statistics.Correlation;

namespace Bellwether.Core.Screening;

/// <summary>
/// Ranks the lanes of one instrument's pairs: its top co-movers (lag 0) and its leaders (another instrument's return
/// k steps earlier against its own), by the size of the correlation, each with the Fisher-z 95% interval. A lane read
/// from fewer than the minimum of return pairs, or without a correlation (a constant side), is not
/// ranked but counted.
/// </summary>
public static class CoMovementScreen
{
    public static ScreenResult Rank(ScreenUniverse universe, int target, IEnumerable<PairReading> readings, int top,
        int minimumPairs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPairs, 4);
        var oriented = readings.Select(r => r.A == target ? r : r.Flipped).ToList();
        var usable = oriented.Where(r => r.Count >= minimumPairs && !double.IsNaN(r.Correlation)).ToList();
        List<ScreenRow> Best(IEnumerable<PairReading> lanes) =>
            [.. lanes.OrderByDescending(r => Math.Abs(r.Correlation)).ThenBy(r => r.B).ThenBy(r => r.Lag).Take(top)
                .Select(r => Row(universe, r))];
        return new ScreenResult(universe.Ids[target], Best(usable.Where(r => r.Lag == 0)),
            Best(usable.Where(r => r.Lag > 0)), oriented.Count(r => r.Lag == 0), oriented.Count - usable.Count);
    }

    private static ScreenRow Row(ScreenUniverse universe, PairReading r)
    {
        var (low, high) = Correlations.FisherInterval(r.Correlation, r.Count);
        return new ScreenRow(universe.Ids[r.B], r.Lag, r.Correlation, low, high, r.Count);
    }
}

/// <summary>An instrument's screen: co-movers, leaders, how many pairs were read and how many lanes were too thin.
/// </summary>
public sealed record ScreenResult(string Instrument, IReadOnlyList<ScreenRow> CoMovers,
    IReadOnlyList<ScreenRow> Leaders, int Pairs, int NotRanked);

/// <summary>
/// Another instrument against the screened one: corr(r_screened(t), r_other(t − Lag)) over Count return pairs, with
/// its Fisher-z 95% interval.
/// </summary>
public sealed record ScreenRow(string Other, int Lag, double Correlation, double Low, double High, int Count);
