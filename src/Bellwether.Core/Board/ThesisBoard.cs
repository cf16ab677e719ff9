namespace Bellwether.Core.Board;

/// <summary>One signal on the board.</summary>
public sealed record SignalResult(
    string Id, string Title, string Kind, SignalState State, double Value, string Label, DateOnly? Since,
    string Explanation, DateOnly? From, DateOnly? To, bool Stale, double Weight,
    IReadOnlyList<SignalInput> Inputs, IReadOnlyDictionary<string, double> Fields);

/// <summary>A signal's share of readiness.</summary>
/// <param name="Score">1 supports, 0.5 neutral, 0 against; NaN when it does not count (not measurable, stale, weight 0).</param>
/// <param name="Contribution">Its points of the 0–100 readiness.</param>
public sealed record ReadinessPart(string Id, double Weight, double Score, double Contribution, string Note);

/// <summary>The thesis as of a date.</summary>
/// <param name="Readiness">0–100: the weighted mean score of the signals that count, × 100; NaN when none counts.</param>
/// <param name="Counted">Weight of the signals that count, as a fraction of all weight (how much of the thesis was measurable).</param>
public sealed record BoardResult(
    DateOnly AsOf, string Thesis, double Readiness, double Counted,
    IReadOnlyList<SignalResult> Signals, IReadOnlyList<ReadinessPart> Breakdown);

/// <summary>Evaluates a thesis as of a date, point in time.</summary>
public static class ThesisBoard
{
    /// <summary>Score of a state in readiness.</summary>
    public static double Score(SignalState state) => state switch
    {
        SignalState.Supports => 1,
        SignalState.Neutral => 0.5,
        SignalState.Against => 0,
        _ => double.NaN,
    };

    /// <summary>
    /// Reads every signal from data as known at the end of <paramref name="asOf"/> and combines them.
    /// A stale or unmeasurable signal is shown but does not count toward readiness.
    /// </summary>
    public static BoardResult Evaluate(ThesisDefinition thesis, IMarketData data, DateOnly asOf, SignalKinds kinds)
    {
        kinds.Validate(thesis);
        var view = data as AsOfMarketData is { } existing && existing.AsOf == asOf ? existing : new AsOfMarketData(data, asOf);
        var results = new List<SignalResult>(thesis.Signals.Count);
        foreach (var spec in thesis.Signals)
        {
            var reading = kinds.Find(spec.Kind)!.Read(spec, view, asOf);
            var state = !reading.Measurable ? SignalState.NotMeasurable
                : spec.Supports?.Matches(reading) == true ? SignalState.Supports
                : spec.Against?.Matches(reading) == true ? SignalState.Against
                : SignalState.Neutral;
            results.Add(new SignalResult(spec.Id, spec.Title, spec.Kind, state, reading.Value, reading.Label, reading.Since,
                reading.Explanation, reading.From, reading.To, reading.Inputs.Any(i => i.Stale), spec.Weight, reading.Inputs, reading.Fields));
        }
        var parts = results.Select(Part).ToList();
        double counted = parts.Where(p => !double.IsNaN(p.Score)).Sum(p => p.Weight);
        double total = results.Sum(r => r.Weight);
        double readiness = counted > 0 ? 100 * parts.Where(p => !double.IsNaN(p.Score)).Sum(p => p.Weight * p.Score) / counted : double.NaN;
        parts = parts.Select(p => p with { Contribution = double.IsNaN(p.Score) ? 0 : 100 * p.Weight * p.Score / counted }).ToList();
        return new BoardResult(asOf, thesis.Name, readiness, total > 0 ? counted / total : 0, results, parts);
    }

    private static ReadinessPart Part(SignalResult r)
    {
        if (r.Weight <= 0) return new ReadinessPart(r.Id, r.Weight, double.NaN, 0, "weight 0: shown, not counted");
        if (r.State == SignalState.NotMeasurable) return new ReadinessPart(r.Id, r.Weight, double.NaN, 0, "not measurable");
        if (r.Stale) return new ReadinessPart(r.Id, r.Weight, double.NaN, 0, "stale input: not counted");
        return new ReadinessPart(r.Id, r.Weight, Score(r.State), 0, r.State.ToString().ToLowerInvariant());
    }

    /// <summary>Readiness every Friday from <paramref name="from"/> to <paramref name="to"/>, each point in time.</summary>
    public static IReadOnlyList<(DateOnly Date, double Readiness, double Counted)> History(
        ThesisDefinition thesis, IMarketData data, DateOnly from, DateOnly to, SignalKinds kinds)
    {
        var points = new List<(DateOnly, double, double)>();
        var first = from.AddDays(((int)DayOfWeek.Friday - (int)from.DayOfWeek + 7) % 7);
        for (var d = first; d <= to; d = d.AddDays(7))
        {
            var board = Evaluate(thesis, data, d, kinds);
            points.Add((d, board.Readiness, board.Counted));
        }
        return points;
    }
}
