using System.Globalization;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Study.Events;

/// <summary>Readiness reaching a threshold from below: a day at or above it after a measured day below it.</summary>
/// <param name="readiness">Readiness by day (0–100, NaN: not measurable).</param>
/// <param name="threshold">θ.</param>
public sealed class ReadinessCrossingEventSource(CalendarPath readiness, double threshold) : IEventSource
{
    public string Id => string.Create(CultureInfo.InvariantCulture, $"readiness:{threshold:0.##}");

    public string Description =>
        string.Create(CultureInfo.InvariantCulture, $"thesis readiness reaching {threshold:0.##} from below");

    public IReadOnlyList<StudyEvent> Events(DateOnly asOf)
    {
        var events = new List<StudyEvent>();
        for (var d = readiness.First.AddDays(1); d <= asOf && d <= readiness.Last; d = d.AddDays(1))
        {
            double now = readiness.At(d), before = readiness.At(d.AddDays(-1));
            if (now >= threshold && before < threshold)
                events.Add(new StudyEvent(Id, d,
                    string.Create(CultureInfo.InvariantCulture, $"readiness {now:0.#} (was {before:0.#})")));
        }
        return events;
    }
}
