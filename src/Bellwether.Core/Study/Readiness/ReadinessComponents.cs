using Bellwether.Core.Board;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Study.Readiness;

/// <summary>
/// A thesis's signals evaluated once per day over a range (and once more per parameter variant), so readiness for
/// any combination of variants is a weighted mean of stored scores, not a board evaluation per day: the board's own
/// formula, 100 × Σ weight × score / Σ weight over the signals that count that day (NaN when none counts, or when less
/// than <paramref name="MinMeasured"/> of the weight counts).
/// </summary>
/// <param name="First">The first day.</param>
/// <param name="Days">Number of days.</param>
/// <param name="Signals">The thesis's signals with its own parameters, in thesis order.</param>
/// <param name="Variants">Further evaluations of single signals with one parameter changed.</param>
/// <param name="MinMeasured">The thesis's <c>min_measured</c>: the share of weight readiness needs.</param>
public sealed record ReadinessComponents(DateOnly First, int Days, IReadOnlyList<SignalScores> Signals,
    IReadOnlyList<SignalScores> Variants, double MinMeasured)
{
    /// <summary>The path id of readiness.</summary>
    public const string Id = "READINESS";

    /// <summary>The last day.</summary>
    public DateOnly Last => First.AddDays(Days - 1);

    /// <summary>Readiness with the thesis's own parameters.</summary>
    public CalendarPath Readiness() => Combine(Signals);

    /// <summary>
    /// Readiness with each signal named in <paramref name="variants"/> (signal id → variant) replaced by that variant.
    /// </summary>
    /// <exception cref="ArgumentException">A variant that was not evaluated.</exception>
    public CalendarPath Readiness(IReadOnlyDictionary<string, string> variants) =>
        Combine(Signals.Select(s => variants.TryGetValue(s.SignalId, out var v) && v.Length > 0
            ? Variants.FirstOrDefault(x => x.SignalId == s.SignalId && x.Variant == v)
            ?? throw new ArgumentException($"no variant {s.SignalId}.{v}", nameof(variants))
            : s).ToList());

    /// <summary>The board's combination of <paramref name="parts"/> on each day.</summary>
    public CalendarPath Combine(IReadOnlyList<SignalScores> parts)
    {
        var values = new double[Days];
        double total = parts.Sum(p => p.Weight);
        for (int d = 0; d < Days; d++) values[d] = Combine(parts, total, d).Readiness;
        return new CalendarPath(Id, "0–100", PathMeasure.Change, First, values);
    }

    /// <summary>
    /// The board of every Friday from <paramref name="from"/> (or <see cref="First"/>) to <see cref="Last"/>, with the
    /// thesis's own parameters: the days and points of <see cref="ThesisBoard.History"/>, read from these states and
    /// scores instead of a board per Friday.
    /// </summary>
    public IReadOnlyList<ReadinessPoint> Weekly(DateOnly from)
    {
        var start = from > First ? from : First;
        var points = new List<ReadinessPoint>();
        double total = Signals.Sum(p => p.Weight);
        for (var day = start.AddDays(((int)DayOfWeek.Friday - (int)start.DayOfWeek + 7) % 7); day <= Last;
             day = day.AddDays(7))
        {
            int d = day.DayNumber - First.DayNumber;
            var (readiness, counted) = Combine(Signals, total, d);
            points.Add(new ReadinessPoint(day, readiness, counted, Signals.Select(s => s.States[d]).ToArray(),
                Signals.Select(s => s.Stale[d]).ToArray()));
        }
        return points;
    }

    /// <summary>Readiness on day <paramref name="d"/> and the share of the weight (of <paramref name="total"/>) that
    /// counted, as <see cref="ThesisBoard.Evaluate"/> combines them.</summary>
    private (double Readiness, double Counted) Combine(IReadOnlyList<SignalScores> parts, double total, int d)
    {
        double weighted = 0, counted = 0;
        foreach (var p in parts)
        {
            double s = p.Scores[d];
            if (double.IsNaN(s) || p.Weight <= 0) continue;
            weighted += p.Weight * s;
            counted += p.Weight;
        }
        double share = total > 0 ? counted / total : 0;
        bool reported = ThesisBoard.WithheldReason(share, MinMeasured) is null;
        return (reported ? 100 * weighted / counted : double.NaN, share);
    }
}
