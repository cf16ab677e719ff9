using Bellwether.Core.Board;

namespace Bellwether.Core.Study.Readiness;

/// <summary>
/// Builds <see cref="ReadinessComponents"/>: every signal of a thesis, and every requested variant, evaluated by the
/// board (<see cref="ThesisBoard.Evaluate"/> on a one-signal thesis, so states, staleness and scores are exactly the
/// board's) as of each calendar day of a range. Days are independent and evaluated in parallel; each evaluation reads
/// only data dated on or before its day (the board's guarantee), so the history is point in time.
/// </summary>
public static class ReadinessHistory
{
    /// <summary>Evaluates the thesis's signals and <paramref name="variants"/> on every day from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <exception cref="ThesisException">The thesis or a variant does not validate (unknown signal, kind, parameter or value).</exception>
    public static ReadinessComponents Build(ThesisDefinition thesis, IMarketData data, SignalKinds kinds, DateOnly from, DateOnly to,
        IReadOnlyList<SignalVariant>? variants = null)
    {
        kinds.Validate(thesis);
        int days = Math.Max(0, to.DayNumber - from.DayNumber + 1);
        var specs = thesis.Signals.Select(s => (Spec: s, Variant: "")).ToList();
        foreach (var v in variants ?? [])
        {
            var spec = thesis.Signals.FirstOrDefault(s => s.Id == v.SignalId)
                       ?? throw new ThesisException(0, $"no signal '{v.SignalId}' in the thesis (signals: {string.Join(", ", thesis.Signals.Select(s => s.Id))})");
            var changed = spec with { Parameters = new Dictionary<string, string>(spec.Parameters) { [v.Parameter] = v.Value } };
            kinds.Validate(thesis with { Signals = [changed] });
            specs.Add((changed, v.Name));
        }

        var single = specs.Select(s => thesis with { Signals = [s.Spec] }).ToArray();
        var states = specs.Select(_ => new SignalState[days]).ToArray();
        var scores = specs.Select(_ => new double[days]).ToArray();
        Parallel.For(0, days, d =>
        {
            var day = from.AddDays(d);
            for (int k = 0; k < specs.Count; k++)
            {
                var board = ThesisBoard.Evaluate(single[k], data, day, kinds);
                states[k][d] = board.Signals[0].State;
                scores[k][d] = board.Breakdown[0].Score;
            }
        });
        var all = specs.Select((s, k) => new SignalScores(s.Spec.Id, s.Variant, s.Spec.Weight, states[k], scores[k])).ToList();
        return new ReadinessComponents(from, days, all.Where(s => s.Variant.Length == 0).ToList(), all.Where(s => s.Variant.Length > 0).ToList());
    }
}
