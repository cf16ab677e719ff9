using Bellwether.Core.Study.Bootstrap;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Study.SignalValue;

/// <summary>
/// Did readiness at or above a threshold come before Altcoin Seasons? An entry is a day readiness reaches θ from
/// below (both days measured) while the index is below the season threshold; a hit is an entry followed by a season
/// day within N days. Precision, recall and lead time are set against random entry dates drawn, with a seeded
/// generator, from the same eligible days and as many as the signal made.
/// </summary>
public static class SignalValueAnalysis
{
    /// <summary>Scores <paramref name="readiness"/> against <paramref name="altSeason"/> (the index, 0–100).</summary>
    public static SignalValueResult Run(CalendarPath readiness, CalendarPath altSeason,
        SignalValueParameters parameters)
    {
        var p = parameters;
        var warnings = new List<string>();
        var (r, s) = (readiness.ValueRange, altSeason.ValueRange);
        if (r is null || s is null)
            return new SignalValueResult(default, default, p, [], [], double.NaN, double.NaN, double.NaN, double.NaN,
                double.NaN, double.NaN, double.NaN, ["readiness or the index has no values"]);
        var from = r.Value.First > s.Value.First ? r.Value.First : s.Value.First;
        var to = r.Value.Last < s.Value.Last ? r.Value.Last : s.Value.Last;
        int n = Math.Max(0, to.DayNumber - from.DayNumber + 1);
        var lastIndexDay = s.Value.Last;

        bool InSeason(int day) => altSeason.At(from.AddDays(day)) >= p.SeasonThreshold;
        bool Below(int day) => altSeason.At(from.AddDays(day)) < p.SeasonThreshold;
        // Days on which an entry could happen: readiness and the index measured, the index below the season.
        var eligible = Enumerable.Range(1, Math.Max(0, n - 1))
            .Where(d => !double.IsNaN(readiness.At(from.AddDays(d))) && Below(d)).ToArray();
        var entryDays = eligible.Where(d => readiness.At(from.AddDays(d)) >= p.Threshold
            && readiness.At(from.AddDays(d - 1)) < p.Threshold).ToArray();
        var seasonDays = Enumerable.Range(p.WithinDays, Math.Max(0, n - p.WithinDays))
            .Where(d => InSeason(d) && Below(d - 1)).ToArray();

        int? FirstSeason(int entry)
        {
            for (int k = 1; k <= p.WithinDays; k++)
                if (altSeason.At(from.AddDays(entry + k)) >= p.SeasonThreshold) return entry + k;
            return null;
        }
        bool Evaluable(int entry) => from.AddDays(entry + p.WithinDays) <= lastIndexDay;

        var entries = entryDays.Select(d => new SignalEntry(from.AddDays(d), readiness.At(from.AddDays(d)),
            FirstSeason(d) is { } h ? from.AddDays(h) : null, Evaluable(d))).ToList();
        var seasons = seasonDays.Select(d => new SeasonStart(from.AddDays(d),
            entryDays.Where(e => e >= d - p.WithinDays && e < d).Select(e => (DateOnly?)from.AddDays(e))
            .FirstOrDefault())).ToList();

        var (precision, recall) = Score(entryDays, seasonDays, FirstSeason, Evaluable, p.WithinDays);
        var leads = entries.Where(e => e.Evaluable && e.LeadDays is not null).Select(e => (double)e.LeadDays!.Value)
            .Order().ToArray();
        double medianLead = leads.Length == 0 ? double.NaN : (leads[(leads.Length - 1) / 2] + leads[leads.Length / 2])
            / 2;

        // Random entry sets: as many days as the signal's entries, drawn without replacement from the eligible days.
        var rng = SplitMix64.Stream(p.Seed, "signal-value");
        double sumPrecision = 0, sumRecall = 0;
        int precisionTrials = 0, recallTrials = 0, precisionAtLeast = 0, recallAtLeast = 0;
        var pool = (int[])eligible.Clone();
        if (entryDays.Length > 0 && pool.Length >= entryDays.Length)
        {
            for (int t = 0; t < p.RandomTrials; t++)
            {
                for (int k = 0; k < entryDays.Length; k++)
                {
                    int j = k + rng.NextInt(pool.Length - k);
                    (pool[k], pool[j]) = (pool[j], pool[k]);
                }
                var drawn = pool[..entryDays.Length];
                Array.Sort(drawn);
                var (rp, rr) = Score(drawn, seasonDays, FirstSeason, Evaluable, p.WithinDays);
                if (!double.IsNaN(rp))
                {
                    sumPrecision += rp;
                    precisionTrials++;
                    if (rp >= precision) precisionAtLeast++;
                }
                if (!double.IsNaN(rr)) { sumRecall += rr; recallTrials++; if (rr >= recall) recallAtLeast++; }
            }
        }
        double Mean(double sum, int count) => count > 0 ? sum / count : double.NaN;
        double PValue(int atLeast, int count, double observed) => count > 0 && !double.IsNaN(observed) ? (1.0 + atLeast)
            / (count + 1) : double.NaN;

        int evaluable = entries.Count(e => e.Evaluable);
        if (evaluable < 10) warnings.Add(
            $"only {evaluable} evaluable entries: precision moves by {(evaluable > 0 ? 100.0 / evaluable : 100):0}% " +
            $"per entry.");
        if (seasons.Count < 10) warnings.Add(
            $"only {seasons.Count} Altcoin Season starts with {p.WithinDays} days of readiness before them: recall " +
            $"is an anecdote.");
        return new SignalValueResult(from, to, p, entries, seasons, precision, recall, medianLead,
            Mean(sumPrecision, precisionTrials), Mean(sumRecall, recallTrials),
            PValue(precisionAtLeast, precisionTrials, precision), PValue(recallAtLeast, recallTrials, recall),
            warnings);
    }

    private static (double Precision, double Recall) Score(int[] entries, int[] seasons, Func<int, int?> firstSeason,
        Func<int, bool> evaluable, int within)
    {
        int evaluated = 0, hits = 0;
        foreach (int e in entries)
        {
            if (!evaluable(e)) continue;
            evaluated++;
            if (firstSeason(e) is not null) hits++;
        }
        int called = 0;
        foreach (int s in seasons)
        {
            // entries are sorted: is there one in [s − N, s)?
            int i = Array.BinarySearch(entries, s - within);
            if (i < 0) i = ~i;
            if (i < entries.Length && entries[i] < s) called++;
        }
        return (evaluated > 0 ? (double)hits / evaluated : double.NaN, seasons.Length > 0 ? (double)called
            / seasons.Length : double.NaN);
    }
}
