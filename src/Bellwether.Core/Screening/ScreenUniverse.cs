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
