using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Statistics.Divergence;

/// <summary>
/// "Small caps near their high while Bitcoin is deep in drawdown": each series' drawdown from its own running peak,
/// compared on the days both have a close (equities trade on weekdays, crypto every day; nothing is filled).
/// </summary>
public static class RiskOnDivergence
{
    /// <summary>The divergence from rows dated on or before <paramref name="asOf"/> (default: all).</summary>
    public static DivergenceResult Compute(DailySeries index, DailySeries crypto, DateOnly? asOf = null,
        DivergenceParameters? parameters = null)
    {
        var p = parameters ?? DivergenceParameters.Default;
        var indexPoints = Drawdowns.Compute(index, p.Basis, p.From, asOf);
        var cryptoByDate = Drawdowns.Compute(crypto, p.Basis, p.From, asOf).ToDictionary(d => d.Date, d => d.Drawdown);
        var days = new List<DivergenceDay>(indexPoints.Length);
        var episodes = new List<DivergenceEpisode>();
        int runStart = -1;
        foreach (var point in indexPoints)
        {
            if (!cryptoByDate.TryGetValue(point.Date, out double cryptoDrawdown)) continue;
            bool active = point.Drawdown >= -p.NearHigh && cryptoDrawdown < -p.DeepDrawdown;
            days.Add(new DivergenceDay(point.Date, point.Drawdown, cryptoDrawdown, active));
            if (active && runStart < 0) runStart = days.Count - 1;
            if (!active && runStart >= 0) { episodes.Add(Episode(days, runStart, days.Count - 2)); runStart = -1; }
        }
        if (runStart >= 0) episodes.Add(Episode(days, runStart, days.Count - 1));
        return new DivergenceResult(index.Instrument.Id, crypto.Instrument.Id, p, days, episodes);
    }

    private static DivergenceEpisode Episode(List<DivergenceDay> days, int start, int end)
    {
        double deepest = 0;
        for (int i = start; i <= end; i++) deepest = Math.Min(deepest, days[i].CryptoDrawdown);
        return new DivergenceEpisode(days[start].Date, days[end].Date, end - start + 1, deepest);
    }
}
