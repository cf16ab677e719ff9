using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Series;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Study.Basket;

/// <summary>
/// An equal-weight basket of the point-in-time top altcoins, rebalanced daily. At the close of each valued day it
/// holds, in equal parts, the first K coins of <see cref="AltcoinSeasonIndex.Members"/> (the index's own universe:
/// ranking in force, stablecoins, wrapped tokens and Bitcoin left out, a close that day). The next valued day's
/// return is the mean of those coins' close-to-close returns, over the coins that have a close that day. Every choice
/// reads only the ranking in force and closes up to the day it is made, so the basket is point in time.
/// </summary>
/// <remarks>It is an index, not a portfolio: trading costs of the daily rebalancing are not charged inside
/// it.</remarks>
public static class AltcoinBasket
{
    /// <summary>The path id of the basket.</summary>
    public const string Id = "ALT_BASKET";

    /// <summary>
    /// The basket from the first day on or after <paramref name="from"/> with at least one member, to
    /// <paramref name="to"/>.
    /// </summary>
    /// <param name="universe">The Altcoin Season Index built over <paramref name="coins"/> (its universe rules are
    /// used).</param>
    /// <param name="coins">The daily series the universe's members name.</param>
    public static AltcoinBasketResult Build(AltcoinSeasonIndex universe, IEnumerable<DailySeries> coins, DateOnly from,
        DateOnly to, AltcoinBasketParameters parameters)
    {
        var closes = coins.ToDictionary(c => c.Instrument.Symbol, c => CalendarPath.OfCloses(c),
            StringComparer.OrdinalIgnoreCase);
        var start = from;
        while (start <= to && universe.Members(start, parameters.TopCount).Count == 0) start = start.AddDays(1);
        int days = Math.Max(0, to.DayNumber - start.DayNumber + 1);
        var level = new double[days];
        var held = new int[days];
        var priced = new int[days];
        Array.Fill(level, double.NaN);
        int unpriced = 0, dropped = 0;
        if (days > 0)
        {
            level[0] = parameters.BaseLevel;
            // the last day with a level: its members are held until the next day one of them has a close
            int valued = 0;
            var members = Closes(universe.Members(start, parameters.TopCount), closes);
            for (int i = 1; i < days; i++)
            {
                var day = start.AddDays(i);
                var valuedDay = start.AddDays(valued);
                double sum = 0;
                int n = 0;
                foreach (var m in members)
                {
                    double r = m.At(day) / m.At(valuedDay);
                    if (double.IsNaN(r)) continue;
                    sum += r - 1;
                    n++;
                }
                held[i] = members.Count;
                priced[i] = n;
                if (n == 0)
                {
                    unpriced++;
                    continue;
                }
                dropped += members.Count - n;
                level[i] = level[valued] * (1 + sum / n);
                valued = i;
                members = Closes(universe.Members(day, parameters.TopCount), closes);
            }
        }
        var path = new CalendarPath(Id, "index", PathMeasure.Return, start, level);
        return new AltcoinBasketResult(parameters, path, held, priced, unpriced, dropped);
    }

    private static List<CalendarPath> Closes(IReadOnlyList<UniverseMember> members,
        Dictionary<string, CalendarPath> closes) =>
        members.Select(m => closes[m.Series]).ToList();
}
