using Bellwether.Core.Series;

namespace Bellwether.Core.Study.Paths;

/// <summary>
/// Values on consecutive calendar days from <see cref="First"/> (NaN on a day without a value), so that "h days
/// later" is an index step. Built from a daily series without filling anything: a day with no row stays NaN.
/// </summary>
public sealed class CalendarPath
{
    /// <summary>A path of <paramref name="values"/>, one per calendar day from <paramref name="first"/>.</summary>
    public CalendarPath(string id, string unit, PathMeasure measure, DateOnly first, double[] values)
    {
        Id = id;
        Unit = unit;
        Measure = measure;
        First = first;
        Values = values;
    }

    /// <summary>What the values are (<c>BTC</c>, <c>ETH/BTC</c>, <c>ALT_BASKET</c>, …).</summary>
    public string Id { get; }

    /// <summary>Their unit, for display.</summary>
    public string Unit { get; }

    /// <summary>Whether a horizon's move is a return or a change.</summary>
    public PathMeasure Measure { get; }

    /// <summary>The day of <c>Values[0]</c>.</summary>
    public DateOnly First { get; }

    /// <summary>One value per calendar day, NaN where there is none.</summary>
    public double[] Values { get; }

    /// <summary>Number of days.</summary>
    public int Count => Values.Length;

    /// <summary>The last day covered (the day before <see cref="First"/> when empty).</summary>
    public DateOnly Last => First.AddDays(Values.Length - 1);

    /// <summary>The value on <paramref name="date"/>, NaN outside the path or on a day without one.</summary>
    public double At(DateOnly date) => At(date.DayNumber - First.DayNumber);

    /// <summary>The value at day offset <paramref name="i"/> from <see cref="First"/>, NaN outside the path.</summary>
    public double At(int i) => (uint)i < (uint)Values.Length ? Values[i] : double.NaN;

    /// <summary>The move from <paramref name="date"/> to <paramref name="days"/> later (see <see cref="Measure"/>); NaN
    /// unless both values exist.</summary>
    public double Forward(DateOnly date, int days) => Move(At(date), At(date.AddDays(days)));

    /// <summary>The move from value <paramref name="from"/> to value <paramref name="to"/>.</summary>
    public double Move(double from, double to) => Measure == PathMeasure.Return ? to / from - 1 : to - from;

    /// <summary>
    /// The largest move from <paramref name="date"/> to any day up to <paramref name="days"/> later (days without a
    /// value are passed over); NaN when the start has no value or no later day in the window has one.
    /// </summary>
    public double MaxForward(DateOnly date, int days)
    {
        int i = date.DayNumber - First.DayNumber;
        double start = At(i), best = double.NaN;
        if (double.IsNaN(start)) return double.NaN;
        for (int k = 1; k <= days; k++)
        {
            double v = At(i + k);
            if (!double.IsNaN(v) && !(Move(start, v) <= best)) best = Move(start, v);
        }
        return best;
    }

    /// <summary>The first and last day with a value, or null when there is none.</summary>
    public (DateOnly First, DateOnly Last)? ValueRange
    {
        get
        {
            int a = Array.FindIndex(Values, v => !double.IsNaN(v));
            if (a < 0) return null;
            int b = Array.FindLastIndex(Values, v => !double.IsNaN(v));
            return (First.AddDays(a), First.AddDays(b));
        }
    }

    /// <summary>The path as known at the end of <paramref name="asOf"/>: days after it are cut off.</summary>
    public CalendarPath AsOf(DateOnly asOf)
    {
        int n = Math.Clamp(asOf.DayNumber - First.DayNumber + 1, 0, Values.Length);
        return n == Values.Length ? this : new CalendarPath(Id, Unit, Measure, First, Values[..n]);
    }

    /// <summary>The path from <paramref name="first"/> on: earlier days are cut off.</summary>
    public CalendarPath From(DateOnly first)
    {
        int skip = Math.Clamp(first.DayNumber - First.DayNumber, 0, Values.Length);
        return skip == 0 ? this : new CalendarPath(Id, Unit, Measure, First.AddDays(skip), Values[skip..]);
    }

    /// <summary>
    /// The closes of <paramref name="series"/> by calendar day, from its first to its last valid close. A close that
    /// is NaN, infinite or not positive counts as no close (NaN); a day without a row is NaN.
    /// </summary>
    public static CalendarPath OfCloses(DailySeries series, string? id = null)
    {
        var close = series.Close;
        int first = 0, last = close.Length - 1;
        while (first < close.Length && !IsPrice(close[first])) first++;
        while (last > first && !IsPrice(close[last])) last--;
        if (first == close.Length)
            return new CalendarPath(id ?? series.Instrument.Id, series.Instrument.QuoteUnit, PathMeasure.Return,
                series.Count > 0 ? series.Dates[0] : default, []);
        var start = series.Dates[first];
        var values = new double[series.Dates[last].DayNumber - start.DayNumber + 1];
        Array.Fill(values, double.NaN);
        for (int i = first; i <= last; i++)
            if (IsPrice(series.Close[i])) values[series.Dates[i].DayNumber - start.DayNumber] = series.Close[i];
        return new CalendarPath(id ?? series.Instrument.Id, series.Instrument.QuoteUnit, PathMeasure.Return, start,
            values);
    }

    private static bool IsPrice(double close) => close > 0 && double.IsFinite(close);
}
