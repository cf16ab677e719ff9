using Bellwether.Core.Calendars;
using Bellwether.Core.Series;

namespace Bellwether.Core.Board;

/// <summary>An input a signal read, for provenance and freshness.</summary>
/// <param name="Id">Instrument or list id.</param>
/// <param name="LastDate">Its last row on or before the evaluation date, null when it has none.</param>
/// <param name="Stale">True when <paramref name="LastDate"/> is older than its calendar allows (see
/// <see cref="Freshness"/>).</param>
public sealed record SignalInput(string Id, DateOnly? LastDate, bool Stale)
{
    /// <summary>
    /// <paramref name="series"/> as an input as of <paramref name="asOf"/>: its last finite close on or before the
    /// date, stale by its instrument's calendar.
    /// </summary>
    public static SignalInput Of(DailySeries series, DateOnly asOf) => Of(new SeriesPrefix(series, series.Count), asOf);

    /// <summary>The rows of <paramref name="prefix"/> as an input as of <paramref name="asOf"/>.</summary>
    public static SignalInput Of(SeriesPrefix prefix, DateOnly asOf)
    {
        var series = prefix.Series;
        int i = Math.Min(series.IndexOnOrBefore(asOf), prefix.Rows - 1);
        while (i >= 0 && double.IsNaN(series.Close[i])) i--;
        DateOnly? last = i >= 0 ? series.Dates[i] : null;
        return Of(series.Instrument.Id, series.Instrument.Calendar, last, asOf);
    }

    /// <summary>An input with a known last date (null: none), stale by <paramref name="calendar"/>.</summary>
    public static SignalInput Of(string id, CalendarKind calendar, DateOnly? lastDate, DateOnly asOf) =>
        new(id, lastDate, Freshness.IsStale(new TradingCalendar(calendar), lastDate, asOf));

    /// <summary>An input the data does not have.</summary>
    public static SignalInput Missing(string id) => new(id, null, true);
}

/// <summary>
/// What a signal kind measured as of a date, before the thesis's rules turn it into a state.
/// </summary>
/// <param name="Measurable">False when there is no data or too little; <see cref="Explanation"/> then says why.</param>
/// <param name="Value">The headline number (NaN when not measurable), in <paramref name="Unit"/>.</param>
/// <param name="Label">The detector's own state word (<c>confirmed</c>, <c>easing</c>, <c>altcoin_season</c>,
/// …).</param>
/// <param name="Since">Since when the label has held, when the kind knows.</param>
/// <param name="Explanation">One sentence with the numbers.</param>
/// <param name="From">First date of the data window used.</param>
/// <param name="To">Last date of the data window used.</param>
/// <param name="Inputs">The inputs read.</param>
/// <param name="Fields">Further named numbers the rules may test (e.g. <c>ci95_low</c>, <c>k50</c>).</param>
/// <param name="Unit">The unit of <paramref name="Value"/>: <c>%</c>, <c>bp</c>, <c>US$ bn</c>, <c>r</c>, <c>index</c>,
/// …</param>
public sealed record SignalReading(
    bool Measurable, double Value, string Label, DateOnly? Since, string Explanation,
    DateOnly? From, DateOnly? To, IReadOnlyList<SignalInput> Inputs, IReadOnlyDictionary<string, double> Fields,
    string Unit = "")
{
    /// <summary>The label of a reading that could not be taken.</summary>
    public const string NotMeasurableLabel = "not_measurable";

    /// <summary>A reading that could not be taken, and why (the explanation starts with "not measurable: ").</summary>
    public static SignalReading NotMeasurable(string why, IReadOnlyList<SignalInput>? inputs = null) =>
        new(false, double.NaN, NotMeasurableLabel, null, why.StartsWith("not measurable", StringComparison.Ordinal)
            ? why : $"not measurable: {why}", null, null, inputs ?? [], new Dictionary<string, double>());
}
