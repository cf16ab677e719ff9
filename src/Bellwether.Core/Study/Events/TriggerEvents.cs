using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.Breakout;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Study.Readiness;

namespace Bellwether.Core.Study.Events;

/// <summary>
/// The event source of a thesis's trigger: the study command and the report build it here, so both count the same
/// events for the same thesis.
/// </summary>
public static class TriggerEvents
{
    /// <summary>
    /// The words naming the event of a trigger on a signal (a thesis's <c>trigger: { event: WORD }</c>): the breakout
    /// kind's own name for its first close through the level (the default), <c>confirmed</c> for the confirmation of
    /// that breakout, <c>supports</c> for a signal turning supportive.
    /// </summary>
    public static IReadOnlyList<(string Word, TriggerEvent Event)> Words { get; } =
    [
        (Concepts.Signal<BreakoutSignal>().Name, TriggerEvent.Breakout),
        ("confirmed", TriggerEvent.Confirmed),
        ("supports", TriggerEvent.Supports),
    ];

    /// <summary>The word of <paramref name="e"/> in <see cref="Words"/>.</summary>
    public static string Word(TriggerEvent e) => Words.First(w => w.Event == e).Word;

    /// <summary>The event <paramref name="word"/> names (case-insensitive), or null when it names none.</summary>
    public static TriggerEvent? Named(string word) =>
        Words.Where(w => string.Equals(w.Word, word, StringComparison.OrdinalIgnoreCase))
            .Select(w => (TriggerEvent?)w.Event).FirstOrDefault();

    /// <summary>The events of <paramref name="trigger"/> (a trigger of <paramref name="thesis"/>).</summary>
    /// <param name="from">First day of a readiness history (signal turns and readiness crossings).</param>
    /// <param name="asOf">Last day of data.</param>
    /// <param name="every">Evaluate readiness every this many days.</param>
    /// <param name="readiness">The thesis's readiness when already computed (a readiness trigger then reuses
    /// it).</param>
    /// <exception cref="ThesisException">The trigger names no signal of the thesis, or a breakout trigger a signal of
    /// another kind.</exception>
    /// <exception cref="NotMeasurableException">The breakout's instrument has no data.</exception>
    public static IEventSource Source(ThesisTrigger trigger, ThesisDefinition thesis, SignalKinds kinds,
        IMarketData data, DateOnly from, DateOnly asOf, int every, CalendarPath? readiness = null)
    {
        if (trigger.Event == TriggerEvent.Readiness)
            return new ReadinessCrossingEventSource(
                readiness ?? ReadinessHistory.Build(thesis, data, kinds, from, asOf, every: every).Readiness(),
                trigger.Threshold);
        var spec = thesis.Signals.FirstOrDefault(s =>
            string.Equals(s.Id, trigger.Signal, StringComparison.OrdinalIgnoreCase))
                   ?? throw new ThesisException(0,
                       $"the thesis has no signal '{trigger.Signal}' (signals: " +
                       $"{string.Join(", ", thesis.Signals.Select(s => s.Id))})");
        if (trigger.Event == TriggerEvent.Supports)
        {
            var one = ReadinessHistory.Build(thesis with { Signals = [spec] }, data, kinds, from, asOf, every: every);
            return new SignalTurnEventSource(one.Signals[0], one.First);
        }
        if (kinds.Find(spec.Kind) is not BreakoutSignal breakout)
            throw spec.Problem(
                $"a {trigger.Event.ToString().ToLowerInvariant()} trigger reads a breakout signal, not a '{spec.Kind}" +
                $"' one");
        var options = breakout.Options(spec);
        if (data.Series(options.Instrument) is not { Count: > 0 } series)
            throw new NotMeasurableException(
                $"no {options.Instrument} series in the data: the trigger '{spec.Id}' cannot be studied");
        var type = trigger.Event == TriggerEvent.Confirmed ? BreakoutEventType.Confirmed : BreakoutEventType.Breakout;
        return new BreakoutEventSource($"{options.Instrument.ToLowerInvariant()}_{type.ToString().ToLowerInvariant()}",
            series, options.Analysis, type);
    }
}
