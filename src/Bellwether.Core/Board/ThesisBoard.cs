using System.Runtime.ExceptionServices;
namespace Bellwether.Core.Board;

/// <summary>One signal on the board.</summary>
/// <param name="Stale">True when an input's last row is older than its calendar allows as of the board's date.</param>
public sealed record SignalResult(
    string Id, string Title, string Kind, SignalState State, double Value, string Unit, string Label, DateOnly? Since,
    string Explanation, DateOnly? From, DateOnly? To, bool Stale, double Weight,
    IReadOnlyList<SignalInput> Inputs, IReadOnlyDictionary<string, double> Fields);

/// <summary>A signal's share of readiness.</summary>
/// <param name="Score">1 supports, 0.5 neutral, 0 against; NaN when it does not count (not measurable, stale, weight
/// 0).</param>
/// <param name="Contribution">Its points of the 0–100 readiness.</param>
/// <param name="Note">Its state, or why it does not count.</param>
public sealed record ReadinessPart(string Id, double Weight, double Score, double Contribution, string Note);

/// <summary>The thesis as of a date.</summary>
/// <param name="Readiness">0–100: the weighted mean score of the signals that count, × 100; NaN when it is withheld
/// (<see cref="Withheld"/> says why).</param>
/// <param name="Counted">Weight of the signals that count, as a fraction of all weight (how much of the thesis was
/// measurable).</param>
/// <param name="MinMeasured">The share of the weight readiness needs (the thesis's <c>min_measured</c>).</param>
public sealed record BoardResult(
    DateOnly AsOf, string Thesis, double Readiness, double Counted,
    IReadOnlyList<SignalResult> Signals, IReadOnlyList<ReadinessPart> Breakdown,
    double MinMeasured = ThesisDefinition.DefaultMinMeasured)
{
    /// <summary>Why readiness is not reported, in words; null when it is.</summary>
    public string? Withheld => ThesisBoard.WithheldReason(Counted, MinMeasured);

    /// <summary>True when a signal counts toward readiness (measurable, fresh, weighted).</summary>
    public bool IsCounted(SignalResult signal) => Breakdown.Any(p => p.Id == signal.Id && !double.IsNaN(p.Score));
}

/// <summary>Readiness on one date of a history.</summary>
/// <param name="Date">The as-of date.</param>
/// <param name="Readiness">0–100, NaN when withheld (less than the thesis's <c>min_measured</c> counted).</param>
/// <param name="Counted">Fraction of the weight that counted.</param>
/// <param name="States">Each signal's state that day, in thesis order.</param>
/// <param name="Stale">Each signal's stale flag that day, in thesis order.</param>
public sealed record ReadinessPoint(DateOnly Date, double Readiness, double Counted, IReadOnlyList<SignalState> States,
    IReadOnlyList<bool> Stale);

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
    /// Reads every signal as known at the end of <paramref name="asOf"/> and combines them. Each kind reads only rows
    /// dated on or before <paramref name="asOf"/> (see <see cref="ISignalKind"/>). A stale or unmeasurable signal is
    /// shown but does not count toward readiness.
    /// </summary>
    /// <exception cref="ThesisException">The thesis names an unknown kind, parameter, field or label.</exception>
    public static BoardResult Evaluate(ThesisDefinition thesis, IMarketData data, DateOnly asOf, SignalKinds kinds)
    {
        kinds.Validate(thesis);
        return EvaluateValidated(thesis, data, asOf, kinds, signalsInParallel: true);
    }

    private static SignalResult Read(SignalSpec spec, IMarketData data, DateOnly asOf, SignalKinds kinds)
    {
        var kind = kinds.Find(spec.Kind)!;
        // Each signal reads its own view of what was published by then, so one signal's lagged inputs never key
        // another's shared structures.
        return Result(spec, kind, kind.Read(spec, data.Published(asOf), asOf));
    }

    /// <summary>A kind's reading of <paramref name="spec"/> turned into its state by the thesis's rules.</summary>
    internal static SignalResult Result(SignalSpec spec, ISignalKind kind, SignalReading reading) =>
        Result(spec, kind.Name, reading);

    /// <summary>A reading of the kind named <paramref name="kind"/> turned into its state by the rules.</summary>
    internal static SignalResult Result(SignalSpec spec, string kind, SignalReading reading)
    {
        var state = !reading.Measurable ? SignalState.NotMeasurable
            : spec.Supports?.Matches(reading) == true ? SignalState.Supports
            : spec.Against?.Matches(reading) == true ? SignalState.Against
            : SignalState.Neutral;
        return new SignalResult(spec.Id, spec.Title, kind, state, reading.Value, reading.Unit, reading.Label,
            reading.Since, reading.Explanation, reading.From, reading.To, reading.Inputs.Any(i => i.Stale), spec.Weight,
            reading.Inputs, reading.Fields);
    }

    /// <summary><see cref="Evaluate"/> of a thesis already checked by <see cref="SignalKinds.Validate"/>.</summary>
    /// <param name="signalsInParallel">Read the signals on several threads: a single board's signals are independent
    /// and mostly wait on their first load, while a history is already parallel across dates.</param>
    internal static BoardResult EvaluateValidated(ThesisDefinition thesis, IMarketData data, DateOnly asOf,
        SignalKinds kinds, bool signalsInParallel = false)
    {
        var results = new SignalResult[thesis.Signals.Count];
        if (signalsInParallel)
        {
            // The first failing signal in thesis order is rethrown as itself, as the sequential loop would.
            var errors = new Exception?[results.Length];
            Parallel.For(0, results.Length, k =>
            {
                try { results[k] = Read(thesis.Signals[k], data, asOf, kinds); }
                catch (Exception e) { errors[k] = e; }
            });
            if (errors.FirstOrDefault(e => e is not null) is { } error) ExceptionDispatchInfo.Throw(error);
        }
        else for (int k = 0; k < results.Length; k++) results[k] = Read(thesis.Signals[k], data, asOf, kinds);
        return Combine(thesis, results, asOf);
    }

    /// <summary>The board of <paramref name="thesis"/> from its signals' results, in thesis order.</summary>
    internal static BoardResult Combine(ThesisDefinition thesis, SignalResult[] results, DateOnly asOf)
    {
        var parts = results.Select(Part).ToList();
        double counted = parts.Where(p => !double.IsNaN(p.Score)).Sum(p => p.Weight);
        double total = results.Sum(r => r.Weight);
        double share = total > 0 ? counted / total : 0;
        bool reported = WithheldReason(share, thesis.MinMeasured) is null;
        double readiness = reported ? 100 * parts.Where(p => !double.IsNaN(p.Score)).Sum(p => p.Weight * p.Score)
            / counted : double.NaN;
        // Contributions are points of the readiness shown, so none while it is withheld.
        parts = parts.Select(p =>
            p with { Contribution = !reported || double.IsNaN(p.Score) ? 0 : 100 * p.Weight * p.Score / counted })
            .ToList();
        return new BoardResult(asOf, thesis.Name, readiness, share, results, parts, thesis.MinMeasured);
    }

    /// <summary>
    /// Why readiness is withheld when <paramref name="share"/> of the thesis's weight counted, or null when it is
    /// reported (at least <paramref name="minMeasured"/>, and something counted).
    /// </summary>
    public static string? WithheldReason(double share, double minMeasured)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (!(share > 0)) return "no signal counted: nothing of the thesis could be measured";
        // A tolerance so that 10.5 of 21 is half however the division rounds.
        if (share < minMeasured - 1e-9)
            return $"insufficient support: {share.ToString("0%", inv)} of the thesis's weight measured, " +
                   $"below the {minMeasured.ToString("0%", inv)} readiness needs (min_measured)";
        return null;
    }

    private static ReadinessPart Part(SignalResult r)
    {
        if (r.Weight <= 0) return new ReadinessPart(r.Id, r.Weight, double.NaN, 0, "weight 0: shown, not counted");
        if (r.State == SignalState.NotMeasurable) return new ReadinessPart(r.Id, r.Weight, double.NaN, 0,
            "not measurable");
        if (r.Stale) return new ReadinessPart(r.Id, r.Weight, double.NaN, 0, "stale input: not counted");
        return new ReadinessPart(r.Id, r.Weight, Score(r.State), 0, r.State.ToString().ToLowerInvariant());
    }

    /// <summary>
    /// Readiness every Friday from <paramref name="from"/> to <paramref name="to"/> (both inclusive), each point the
    /// board as of that Friday. Dates are evaluated in parallel; each is independent and point in time.
    /// </summary>
    /// <exception cref="ThesisException">The thesis does not validate against <paramref name="kinds"/>.</exception>
    public static IReadOnlyList<ReadinessPoint> History(
        ThesisDefinition thesis, IMarketData data, DateOnly from, DateOnly to, SignalKinds kinds)
    {
        kinds.Validate(thesis);
        var first = from.AddDays(((int)DayOfWeek.Friday - (int)from.DayOfWeek + 7) % 7);
        int weeks = to < first ? 0 : (to.DayNumber - first.DayNumber) / 7 + 1;
        var points = new ReadinessPoint[weeks];
        Parallel.For(0, weeks, k =>
        {
            var board = EvaluateValidated(thesis, data, first.AddDays(7 * k), kinds);
            points[k] = new ReadinessPoint(board.AsOf, board.Readiness, board.Counted,
                board.Signals.Select(s => s.State).ToArray(), board.Signals.Select(s => s.Stale).ToArray());
        });
        return points;
    }
}
