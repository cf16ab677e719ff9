using Bellwether.Core.Board;
using Bellwether.Core.Charts;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Measurements;
using Bellwether.Report.Charts;

namespace Bellwether.Report;

/// <summary>
/// The charts of the measurements a thesis uses: each kind the thesis names draws its measurement's chart
/// (<see cref="Measurement{TParameters, TResult}.Chart"/>) from the first signal of that kind, with that signal's
/// parameters, in the registry's order (<see cref="Concepts"/>); a chart whose id is already drawn is not drawn again.
/// No kind is known here by name or type, so a new concept's chart appears without touching the report.
/// </summary>
public static class SignalCharts
{
    /// <summary>
    /// The charts, in page order, from data cut at <paramref name="date"/> (<paramref name="view"/>); a chart whose
    /// data is missing adds a note instead. <paramref name="published"/> readings go on the charts that compare with
    /// them (the index chart, with its mean absolute error, bias and largest gap).
    /// </summary>
    public static List<Figure> Draw(ThesisDefinition thesis, SignalKinds kinds, IMarketData view, DateOnly date,
        DateOnly historyFrom, List<string> notes, IReadOnlyList<PublishedReading>? published = null)
    {
        var used = kinds.All.OfType<IMeasurementSignal>()
            .Select(kind => (Kind: kind, Spec: thesis.Signals.FirstOrDefault(s => kinds.Find(s.Kind) == kind)))
            .Where(u => u.Spec is not null).ToList();
        var context = new ChartContext(view, date, historyFrom, published ?? [], measurement =>
            used.FirstOrDefault(u => u.Kind.Measurement.GetType() == measurement.GetType()) is { Spec: { } spec } u
                ? u.Kind.ParametersOf(spec) : null);
        var figures = new List<Figure>();
        foreach (var (kind, spec) in used)
            if (kind.Chart(spec!, context) is { } chart && figures.TrueForAll(f => f.Id != chart.Id))
                figures.Add(Figure.Of(chart));
        notes.AddRange(context.Notes);
        return figures;
    }
}
