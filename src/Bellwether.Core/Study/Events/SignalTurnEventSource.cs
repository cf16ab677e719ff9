using Bellwether.Core.Board;
using Bellwether.Core.Study.Readiness;

namespace Bellwether.Core.Study.Events;

/// <summary>
/// A board signal turning supportive: a day its state is <see cref="SignalState.Supports"/> after a day it was
/// measured and neutral or against. A signal that starts out supportive, or comes back from not measurable, has no
/// turn there: nothing was seen to change.
/// </summary>
/// <param name="signal">The signal's daily states (from <see cref="ReadinessHistory"/>).</param>
/// <param name="first">The day of <c>signal.States[0]</c>.</param>
public sealed class SignalTurnEventSource(SignalScores signal, DateOnly first) : IEventSource
{
    public string Id => $"signal:{signal.SignalId}";

    public string Description =>
        $"board signal '{signal.SignalId}'{(signal.Variant.Length > 0 ? $" ({signal.Variant})" : "")} turning " +
        "supportive";

    public IReadOnlyList<StudyEvent> Events(DateOnly asOf)
    {
        var events = new List<StudyEvent>();
        int last = Math.Min(signal.States.Length - 1, asOf.DayNumber - first.DayNumber);
        for (int d = 1; d <= last; d++)
        {
            var before = signal.States[d - 1];
            if (signal.States[d] == SignalState.Supports && before is SignalState.Neutral or SignalState.Against)
                events.Add(new StudyEvent(Id, first.AddDays(d),
                    $"{signal.SignalId} turned supportive (was {before.ToString().ToLowerInvariant()})"));
        }
        return events;
    }
}
