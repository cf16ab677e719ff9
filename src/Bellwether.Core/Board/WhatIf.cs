namespace Bellwether.Core.Board;

/// <summary>Which rule of a signal a threshold belongs to.</summary>
public enum RuleSide
{
    Supports,
    Against,
}

/// <summary>A new threshold for the numeric clause of a signal's rule that tests <paramref name="Field"/>.</summary>
/// <param name="Field"><c>value</c> or a field of the reading (<c>ci95_low</c>, …).</param>
public sealed record ThresholdChange(string Signal, RuleSide Side, string Field, double Threshold);

/// <summary>
/// Changes to try on a thesis without touching its file: signal weights and the thresholds of its rules' numeric
/// clauses. Neither changes what a signal reads, only how its reading is scored, so a board can be rescored exactly
/// from its readings (<see cref="Rescore"/>) instead of read again.
/// </summary>
public sealed record WhatIf(IReadOnlyDictionary<string, double> Weights, IReadOnlyList<ThresholdChange> Thresholds)
{
    /// <summary>No change.</summary>
    public static readonly WhatIf None = new(new Dictionary<string, double>(), []);

    public bool IsEmpty => Weights.Count == 0 && Thresholds.Count == 0;

    /// <summary>The numeric clauses of a signal's rule, each with the threshold it tests.</summary>
    public static IEnumerable<(RuleSide Side, RuleClause Clause)> NumericClauses(SignalSpec spec) =>
        new[] { (RuleSide.Supports, spec.Supports), (RuleSide.Against, spec.Against) }
            .SelectMany(r => (r.Item2?.Clauses ?? []).Where(c => c.Op is not null).Select(c => (r.Item1, c)));

    /// <summary><paramref name="thesis"/> with these changes.</summary>
    /// <exception cref="WhatIfException">A change names a signal the thesis lacks, a rule clause it does not have (or
    /// two it cannot tell apart), or a weight that is negative or not a number.</exception>
    public ThesisDefinition Apply(ThesisDefinition thesis)
    {
        var ids = thesis.Signals.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        string NoSignal(string id) =>
            $"no signal '{id}' in the thesis {thesis.Name} (its signals: {string.Join(", ", ids)})";
        foreach (var (id, weight) in Weights)
        {
            if (!ids.Contains(id)) throw new WhatIfException($"weight.{id}", NoSignal(id));
            if (!double.IsFinite(weight) || weight < 0) throw new WhatIfException($"weight.{id}", "must be 0 or more");
        }
        foreach (var change in Thresholds)
        {
            if (!ids.Contains(change.Signal)) throw new WhatIfException(Name(change), NoSignal(change.Signal));
            if (!double.IsFinite(change.Threshold)) throw new WhatIfException(Name(change), "not a number");
        }
        return thesis with { Signals = [.. thesis.Signals.Select(Changed)] };
    }

    /// <summary>The query-string name of a threshold change: <c>threshold.SIGNAL.supports.FIELD</c>.</summary>
    public static string Name(ThresholdChange change) =>
        $"threshold.{change.Signal}.{change.Side.ToString().ToLowerInvariant()}.{change.Field}";

    private SignalSpec Changed(SignalSpec spec)
    {
        var changes = Thresholds.Where(c => c.Signal == spec.Id).ToList();
        return spec with
        {
            Weight = Weights.TryGetValue(spec.Id, out var weight) ? weight : spec.Weight,
            Supports = Changed(spec, spec.Supports, changes.Where(c => c.Side == RuleSide.Supports)),
            Against = Changed(spec, spec.Against, changes.Where(c => c.Side == RuleSide.Against)),
        };
    }

    private static Rule? Changed(SignalSpec spec, Rule? rule, IEnumerable<ThresholdChange> changes)
    {
        foreach (var change in changes)
        {
            var matching = (rule?.Clauses ?? []).Where(c => c.Op is not null && c.Field == change.Field).ToList();
            if (matching.Count != 1)
                throw new WhatIfException(Name(change), matching.Count == 0
                    ? $"the signal's {Side(change)} rule has no comparison on '{change.Field}' ({Compared(spec)})"
                    : $"the signal's {Side(change)} rule compares '{change.Field}' {matching.Count} times");
            rule = new Rule([.. rule!.Clauses.Select(c =>
                ReferenceEquals(c, matching[0]) ? c with { Threshold = change.Threshold } : c)]);
        }
        return rule;
    }

    /// <summary>What a signal's rules compare, as <c>supports.FIELD</c>, for an error about one they do not.</summary>
    private static string Compared(SignalSpec spec)
    {
        var clauses = NumericClauses(spec).Select(c => $"{c.Side.ToString().ToLowerInvariant()}.{c.Clause.Field}")
            .ToList();
        return clauses.Count == 0 ? "its rules compare no number"
            : $"its rules compare: {string.Join(", ", clauses)}";
    }

    private static string Side(ThresholdChange change) => change.Side.ToString().ToLowerInvariant();

    /// <summary>
    /// The board of <paramref name="changed"/> from the readings of <paramref name="board"/>, a board of the same
    /// signals: each reading turned into a state by the changed rules and combined with the changed weights, as
    /// <see cref="ThesisBoard.Evaluate"/> does. Equal to evaluating <paramref name="changed"/> afresh.
    /// </summary>
    /// <exception cref="ArgumentException">The board's signals are not the thesis's.</exception>
    public static BoardResult Rescore(BoardResult board, ThesisDefinition changed)
    {
        if (!board.Signals.Select(s => s.Id).SequenceEqual(changed.Signals.Select(s => s.Id)))
            throw new ArgumentException("the board's signals are not the thesis's");
        var results = board.Signals
            .Select((s, k) => ThesisBoard.Result(changed.Signals[k], s.Kind, Reading(s))).ToArray();
        return ThesisBoard.Combine(changed, results, board.AsOf);
    }

    /// <summary>The reading a signal's result was made from: a result carries all of it.</summary>
    private static SignalReading Reading(SignalResult s) =>
        new(s.State != SignalState.NotMeasurable, s.Value, s.Label, s.Since, s.Explanation, s.From, s.To, s.Inputs,
            s.Fields, s.Unit);
}

/// <summary>A what-if change that does not fit the thesis, named by its query parameter.</summary>
public sealed class WhatIfException(string parameter, string problem) : ArgumentException($"{parameter}: {problem}")
{
    public string Parameter { get; } = parameter;

    public string Problem { get; } = problem;
}
