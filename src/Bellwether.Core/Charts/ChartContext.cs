using Bellwether.Core.Board;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Measurements;

namespace Bellwether.Core.Charts;

/// <summary>
/// What a measurement's chart may read: the data as known on the chart's date, the span of its histories, published
/// readings to compare with, and the parameters the thesis gives other measurements (a chart may draw a neighbour
/// concept beside its own). A chart that cannot be drawn says why in <see cref="Notes"/>.
/// </summary>
/// <param name="view">The data cut at <paramref name="date"/>.</param>
/// <param name="date">The chart's date.</param>
/// <param name="historyFrom">The first date of history charts (an index over time).</param>
/// <param name="published">Readings published by others (an index's published values).</param>
/// <param name="parametersOf">The parameters of the thesis's first signal of a measurement, or null.</param>
public sealed class ChartContext(IMarketData view, DateOnly date, DateOnly historyFrom,
    IReadOnlyList<PublishedReading> published, Func<IMeasurement, object?> parametersOf)
{
    public IMarketData View { get; } = view;
    public DateOnly Date { get; } = date;
    public DateOnly HistoryFrom { get; } = historyFrom;
    public IReadOnlyList<PublishedReading> Published { get; } = published;

    /// <summary>Notes for the page: why a chart is missing, what a comparison found.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The parameters the thesis gives <paramref name="measurement"/> (its first signal of it), or its
    /// defaults.</summary>
    public TParameters ParametersOf<TParameters, TResult>(Measurement<TParameters, TResult> measurement)
        where TParameters : class
        where TResult : class => parametersOf(measurement) as TParameters ?? measurement.Defaults;

    /// <summary>No chart: adds (once) the note that <paramref name="what"/> has no data for <paramref name="ids"/>.
    /// </summary>
    public Chart? Missing(string what, string ids)
    {
        var note = $"No chart of {what}: no data for {ids} on or before {Date:yyyy-MM-dd}.";
        if (!Notes.Contains(note)) Notes.Add(note);
        return null;
    }
}
