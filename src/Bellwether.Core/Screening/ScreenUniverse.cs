using Bellwether.Core.Series;

namespace Bellwether.Core.Screening;

/// <summary>
/// The bars a screen is fed: instruments, the calendar of steps (every date on which any instrument has a bar) and
/// the closes step by step (NaN: no bar that step).
/// </summary>
public sealed class ScreenUniverse
{
    private readonly double[] _closes;

    /// <param name="closes">Step-major: the close of instrument i at step t is at t · ids.Count + i.</param>
    /// <exception cref="ArgumentException">Fewer than two instruments, a calendar not strictly ascending, or closes
    /// of another size.</exception>
    public ScreenUniverse(IReadOnlyList<string> ids, IReadOnlyList<DateOnly> calendar, double[] closes)
    {
        if (ids.Count < 2) throw new ArgumentException($"{ids.Count} instruments: a screen needs two", nameof(ids));
        for (int t = 1; t < calendar.Count; t++)
            if (calendar[t] <= calendar[t - 1])
                throw new ArgumentException($"calendar not ascending at {calendar[t]:yyyy-MM-dd}", nameof(calendar));
        if (closes.Length != ids.Count * calendar.Count)
            throw new ArgumentException($"{closes.Length} closes for {ids.Count} × {calendar.Count}", nameof(closes));
        (Ids, Calendar, _closes) = (ids, calendar, closes);
    }

    public IReadOnlyList<string> Ids { get; }
    public IReadOnlyList<DateOnly> Calendar { get; }
    public int Steps => Calendar.Count;

    public double Close(int step, int instrument) => _closes[step * Ids.Count + instrument];

    /// <summary>The bars of <paramref name="instrument"/> (not NaN) over the whole calendar.</summary>
    public int BarCount(int instrument) =>
        Enumerable.Range(0, Steps).Count(t => !double.IsNaN(Close(t, instrument)));

    /// <summary>The closes of <paramref name="members"/> for steps [from, from + count), step-major.</summary>
    public double[] Slice(IReadOnlyList<int> members, int from, int count)
    {
        var slice = new double[count * members.Count];
        for (int t = 0; t < count; t++)
            for (int m = 0; m < members.Count; m++) slice[t * members.Count + m] = Close(from + t, members[m]);
        return slice;
    }

    /// <summary>
    /// The universe of <paramref name="series"/> (ids in the order given, the calendar every date with a close).
    /// A series with a zero or negative close has no log returns and is left out, listed in
    /// <see cref="Screened.Excluded"/> with the reason, as is one without any close.
    /// </summary>
    public static Screened From(IEnumerable<DailySeries> series)
    {
        var kept = new List<DailySeries>();
        var excluded = new List<(string, string)>();
        foreach (var s in series)
        {
            var close = s.Close;
            int bad = Enumerable.Range(0, close.Length)
                .FirstOrDefault(i => !double.IsNaN(close[i]) && !(close[i] > 0 && !double.IsInfinity(close[i])), -1);
            if (bad >= 0) excluded.Add((s.Instrument.QualifiedId,
                $"close {s.Close[bad]} on {s.Dates[bad]:yyyy-MM-dd}: no log return"));
            else if (s.Close.All(double.IsNaN)) excluded.Add((s.Instrument.QualifiedId, "no close in the span"));
            else kept.Add(s);
        }
        var calendar = kept.SelectMany(s => s.Dates.Where((_, i) => !double.IsNaN(s.Close[i]))).Distinct().Order()
            .ToArray();
        var step = calendar.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var closes = new double[kept.Count * calendar.Length];
        Array.Fill(closes, double.NaN);
        for (int i = 0; i < kept.Count; i++)
            for (int k = 0; k < kept[i].Dates.Length; k++)
                if (!double.IsNaN(kept[i].Close[k])) closes[step[kept[i].Dates[k]] * kept.Count + i] = kept[i].Close[k];
        return new Screened(new ScreenUniverse([.. kept.Select(s => s.Instrument.QualifiedId)], calendar, closes),
            excluded);
    }

    /// <summary>
    /// A seeded synthetic universe: geometric random walks on a daily calendar, each loading on one of a few factors
    /// (so co-movers exist), and every tenth instrument a copy of another's factor one step late (so leaders exist);
    /// one in twenty instruments misses a bar one step in seven.
    /// </summary>
    public static ScreenUniverse Synthetic(int instruments, int steps, int seed)
    {
        var random = new Random(seed);
        const int factors = 8;
        var factor = new double[steps + 1, factors];
        for (int t = 0; t <= steps; t++)
            for (int f = 0; f < factors; f++) factor[t, f] = 0.02 * (random.NextDouble() - 0.5);
        var closes = new double[instruments * steps];
        for (int i = 0; i < instruments; i++)
        {
            int f = i % factors, lag = i % 10 == 9 ? 1 : 0;
            double level = 100 * (1 + random.NextDouble());
            for (int t = 0; t < steps; t++)
            {
                level *= Math.Exp(0.8 * factor[t + 1 - lag, f] + 0.01 * (random.NextDouble() - 0.5));
                closes[t * instruments + i] = i % 20 == 19 && t % 7 == 3 ? double.NaN : level;
            }
        }
        var start = new DateOnly(2020, 1, 1);
        return new ScreenUniverse([.. Enumerable.Range(0, instruments).Select(i => $"SYN{i:D5}")],
            [.. Enumerable.Range(0, steps).Select(start.AddDays)], closes);
    }
}

/// <summary>A universe built from stored series, and the series left out with why.</summary>
public sealed record Screened(ScreenUniverse Universe, IReadOnlyList<(string Id, string Reason)> Excluded);
