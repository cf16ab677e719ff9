using System.Globalization;
using Bellwether.Core.Series;
using Bellwether.Core.Structure.Breakout;

namespace Bellwether.Core.Study.Events;

/// <summary>
/// Breakouts of an instrument above its prior multi-year high, as <see cref="BreakoutAnalysis"/> dates them (the
/// detector behind the board's <c>breakout</c> signal): each <see cref="BreakoutEventType.Breakout"/> (or another
/// event type) of the multi-year-high track over the whole history.
/// </summary>
/// <param name="id">The source id (e.g. <c>rut_breakout</c>).</param>
/// <param name="series">The instrument's daily series.</param>
/// <param name="parameters">Level and breakout rules (the board's defaults: 5-year high, 1% buffer, 3 closes).</param>
/// <param name="type">Which step of a breakout is the event: the first close through the level by default.</param>
public sealed class BreakoutEventSource(string id, DailySeries series, BreakoutAnalysisParameters parameters,
    BreakoutEventType type = BreakoutEventType.Breakout)
    : IEventSource
{
    public string Id { get; } = id;

    public string Description =>
        $"{series.Instrument.Id} {type.ToString().ToLowerInvariant()} above its prior " +
        $"{parameters.MultiYearHigh.LookbackYears}-year high " +
        $"(buffer {parameters.Rules.Buffer * 100:0.##}%)";

    public IReadOnlyList<StudyEvent> Events(DateOnly asOf) =>
        BreakoutAnalysis.AsOf(series, asOf, parameters).Events
            .Where(e => e.Kind == LevelKind.MultiYearHigh && e.Type == type)
            .Select(e => new StudyEvent(Id, e.Date, string.Create(CultureInfo.InvariantCulture,
                $"{series.Instrument.Id} closed {e.Close:#,0.##}, {(e.Close / e.Level - 1) * 100:0.0}% above its " +
                $"prior {parameters.MultiYearHigh.LookbackYears}-year high of {e.Level:#,0.##} (" +
                $"{e.LevelDate:yyyy-MM-dd})")))
            .ToList();
}
