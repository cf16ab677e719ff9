using System.Globalization;
using Bellwether.Core.Board;
using Bellwether.Core.Streaming;

namespace Bellwether.Core.Study.Readiness;

/// <summary>
/// Builds <see cref="ReadinessComponents"/>: every signal of a thesis, and every requested variant, as the board reads
/// it (<see cref="ThesisBoard.Evaluate"/>: states, staleness and scores exactly the board's) as of each calendar day
/// of a range. One stream over the data (<see cref="MarketFeed"/>, docs/streaming.md) follows them all, fed as the
/// data became public, so each day reads only what was published by its end and the history is point in time.
/// </summary>
public static class ReadinessHistory
{
    /// <summary>Evaluates the thesis's signals and <paramref name="variants"/> from <paramref name="from"/> to
    /// <paramref name="to"/>.</summary>
    /// <param name="every">
    /// Read every this many days (1: every day). Between readings a signal keeps the state it had at the last one,
    /// which is what an observer checking that often would have known; the first day is always read.
    /// </param>
    /// <remarks>The stream is fed from its warm-up before <paramref name="from"/> (<see cref="MarketFeed.Start"/>)
    /// and closes every day up to <paramref name="to"/> whatever <paramref name="every"/> is: one pass over the data
    /// instead of a board per signal and day; the streamed board equals the batch board every day
    /// (StreamingBoardEqualityTests).</remarks>
    /// <exception cref="ThesisException">The thesis or a variant does not validate (unknown signal, kind, parameter or
    /// value).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="every"/> is below 1.</exception>
    public static ReadinessComponents Build(ThesisDefinition thesis, IMarketData data, SignalKinds kinds, DateOnly from,
        DateOnly to, IReadOnlyList<SignalVariant>? variants = null, int every = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        var (specs, sameAsThesis) = Specs(thesis, kinds, variants);
        int days = Math.Max(0, to.DayNumber - from.DayNumber + 1);
        var states = specs.Select(_ => new SignalState[days]).ToArray();
        var scores = specs.Select(_ => new double[days]).ToArray();
        var stale = specs.Select(_ => new bool[days]).ToArray();
        if (days > 0)
        {
            // One stream follows every spec; ids made unique so a variant is a signal of its own.
            var followed = new ThesisDefinition(thesis.Name, thesis.Description,
                [.. specs.Select((s, k) => s.Spec with { Id = $"{s.Spec.Id}#{k}" })], thesis.MinMeasured);
            var feed = new MarketFeed(data, followed, kinds, to);
            for (var day = feed.Start(from); day <= to; day = day.AddDays(1))
            {
                feed.Feed(day);
                int d = day.DayNumber - from.DayNumber;
                if (feed.Board.Close(day, read: d >= 0 && d % every == 0) is not { } board) continue;
                for (int k = 0; k < specs.Count; k++)
                    for (int j = d; j < Math.Min(days, d + every); j++)
                        (states[k][j], scores[k][j], stale[k][j]) =
                            (board.Signals[k].State, board.Breakdown[k].Score, board.Signals[k].Stale);
            }
        }
        return Assemble(thesis, from, days, specs, states, scores, stale, sameAsThesis);
    }

    /// <summary>The specs to evaluate: the thesis's signals, then each variant that changes its signal (a variant equal
    /// to the thesis's own value reuses the signal's scores).</summary>
    private static (List<(SignalSpec Spec, string Variant)> Specs,
        List<(SignalVariant Variant, int Base)> SameAsThesis) Specs(
        ThesisDefinition thesis, SignalKinds kinds, IReadOnlyList<SignalVariant>? variants)
    {
        kinds.Validate(thesis);
        var specs = thesis.Signals.Select(s => (Spec: s, Variant: "")).ToList();
        var sameAsThesis = new List<(SignalVariant Variant, int Base)>();
        foreach (var v in variants ?? [])
        {
            int index = thesis.Signals.ToList().FindIndex(s => s.Id == v.SignalId);
            if (index < 0) throw new ThesisException(0,
                $"no signal '{v.SignalId}' in the thesis (signals: " +
                $"{string.Join(", ", thesis.Signals.Select(s => s.Id))})");
            var spec = thesis.Signals[index];
            var changed =
                spec with { Parameters = new Dictionary<string, string>(spec.Parameters) { [v.Parameter] = v.Value } };
            kinds.Validate(thesis with { Signals = [changed] });
            if (Same(Current(spec, v.Parameter, kinds), v.Value)) sameAsThesis.Add((v, index));
            else if (!specs.Any(s => s.Spec.Id == v.SignalId && s.Variant == v.Name)) specs.Add((changed, v.Name));
        }
        return (specs, sameAsThesis);
    }

    private static ReadinessComponents Assemble(ThesisDefinition thesis, DateOnly from, int days,
        List<(SignalSpec Spec, string Variant)> specs, SignalState[][] states, double[][] scores, bool[][] stale,
        List<(SignalVariant Variant, int Base)> sameAsThesis)
    {
        var all = specs.Select((s, k) =>
            new SignalScores(s.Spec.Id, s.Variant, s.Spec.Weight, states[k], scores[k], stale[k])).ToList();
        var reused = sameAsThesis.Select(x => all[x.Base] with { Variant = x.Variant.Name });
        return new ReadinessComponents(from, days, all.Where(s => s.Variant.Length == 0).ToList(),
            [.. all.Where(s => s.Variant.Length > 0), .. reused], thesis.MinMeasured);
    }

    /// <summary>The thesis's own value of a parameter: written in the file, else the kind's default.</summary>
    private static string Current(SignalSpec spec, string parameter, SignalKinds kinds) =>
        spec.Parameters.TryGetValue(parameter, out var v) ? v
        : kinds.Find(spec.Kind)!.Parameters.FirstOrDefault(p => p.Name == parameter)?.Default ?? "";

    private static bool Same(string a, string b) =>
        double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
        && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x == y : string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
