using System.Globalization;
using Bellwether.Core.Board;
using Bellwether.Core.Text;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;

namespace Bellwether.Api;

/// <summary>
/// What if a signal's weight or a rule's threshold were different: the board as of a date rescored with the changes
/// (<see cref="WhatIf.Rescore"/>, the core's own scoring), beside the board as the thesis file has it. Nothing is
/// written: the thesis file and the store stay as they are.
/// </summary>
public static class WhatIfDocument
{
    private const string WeightPrefix = "weight.";
    private const string ThresholdPrefix = "threshold.";

    /// <summary>
    /// The changes of a query: <c>weight.SIGNAL=X</c> and <c>threshold.SIGNAL.supports|against.FIELD=X</c>; an empty
    /// value is no change, and <paramref name="ignored"/> names the parameters read elsewhere (<c>as_of</c>).
    /// </summary>
    /// <exception cref="QueryException">An unknown parameter, one given twice, or a value not a number.</exception>
    public static WhatIf Read(IEnumerable<KeyValuePair<string, string[]>> query, params string[] ignored)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var thresholds = new List<ThresholdChange>();
        foreach (var (name, values) in query)
        {
            if (ignored.Contains(name)) continue;
            if (values.Length > 1) throw new QueryException(name, "given more than once");
            var text = values.Length == 0 ? "" : values[0];
            if (text.Length == 0) continue;
            var number = Number(name, text);
            if (name.StartsWith(WeightPrefix, StringComparison.Ordinal) && name.Length > WeightPrefix.Length)
                weights[name[WeightPrefix.Length..]] = number;
            else if (name.StartsWith(ThresholdPrefix, StringComparison.Ordinal)
                && Threshold(name[ThresholdPrefix.Length..], number) is { } change) thresholds.Add(change);
            else
                throw new QueryException(name, "unknown parameter: what-if takes as_of, weight.SIGNAL and "
                    + "threshold.SIGNAL.supports|against.FIELD");
        }
        return new WhatIf(weights, thresholds);
    }

    /// <summary>
    /// <paramref name="text"/> as a finite number; its minus may be the one figures are written with (U+2212), so a
    /// threshold copied from a board reads back.
    /// </summary>
    /// <exception cref="QueryException">It is not one; <paramref name="name"/> names the parameter.</exception>
    public static double Number(string name, string text) =>
        double.TryParse(text.Replace(ValueText.Minus, "-", StringComparison.Ordinal), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number) ? number : throw new QueryException(name, $"'{text}' is not a number");

    /// <summary>
    /// A new threshold for <paramref name="clause"/>, <c>SIGNAL.SIDE.FIELD</c> (the side being the last
    /// <c>.supports.</c> or <c>.against.</c>); null when it is not of that form.
    /// </summary>
    public static ThresholdChange? Threshold(string clause, double threshold)
    {
        foreach (var side in Enum.GetValues<RuleSide>())
        {
            var marker = "." + side.ToString().ToLowerInvariant() + ".";
            int at = clause.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 0 && at + marker.Length < clause.Length)
                return new ThresholdChange(clause[..at], side, clause[(at + marker.Length)..], threshold);
        }
        return null;
    }

    /// <summary>
    /// The board as of <paramref name="asOf"/> (default: the thesis's latest date) as the thesis file has it and
    /// rescored with <paramref name="changes"/>.
    /// </summary>
    /// <param name="elsewhere">Evaluates the thesis file's board instead of this process (<c>--cluster</c>: the
    /// thesis's grain, as <see cref="BoardDocument.Evaluate"/>); the rescoring reads only that board.</param>
    /// <exception cref="QueryException">A change that does not fit the thesis.</exception>
    public static WhatIfBoard Evaluate(BellwetherStore store, IMarketData data, ThesisDefinition thesis,
        DateOnly? asOf, SignalKinds kinds, WhatIf changes,
        Func<IMarketData, ThesisDefinition, DateOnly, BoardResult>? elsewhere = null)
    {
        ThesisDefinition changed;
        try
        {
            changed = changes.Apply(thesis);
        }
        catch (WhatIfException e)
        {
            throw new QueryException(e.Parameter, e.Problem);
        }
        var (actual, chosen) = BoardDocument.Evaluate(store, data, thesis, asOf, kinds, elsewhere);
        return new WhatIfBoard(thesis, changed, actual, WhatIf.Rescore(actual, changed), chosen);
    }

    /// <summary>
    /// The document of <c>GET /api/board/what-if</c> and <c>board --what-if --json</c>: both boards of
    /// <paramref name="w"/>, signal by signal (plain objects for <see cref="ApiJson.Options"/>).
    /// </summary>
    public static object Json(WhatIfBoard w, string? file)
    {
        var (thesis, changed, actual, board) = (w.Thesis, w.Changed, w.Actual, w.Board);
        return new
        {
            as_of = actual.AsOf,
            thesis = BoardDocument.ThesisInfo(thesis, file),
            changes = Changes(thesis, changed),
            actual = BoardComparison.Side(actual),
            what_if = BoardComparison.Side(board),
            readiness_change = board.Readiness - actual.Readiness,
            readiness_change_text = BoardText.ReadinessChange(board.Readiness - actual.Readiness),
            signals = board.Signals.Select((s, k) => new
            {
                id = s.Id, title = s.Title,
                state = s.State, actual_state = actual.Signals[k].State,
                weight = s.Weight, actual_weight = thesis.Signals[k].Weight,
                contribution = board.Breakdown[k].Contribution,
                contribution_text = BoardText.Points(board.Breakdown[k].Contribution),
                actual_contribution = actual.Breakdown[k].Contribution,
                note = board.Breakdown[k].Note,
                value_text = ValueText.Of(s.Value, s.Unit), label = s.Label,
                thresholds = Thresholds(thesis.Signals[k], changed.Signals[k]),
            }),
            as_of_chosen = w.Chosen,
        };
    }

    /// <summary>Every weight and threshold that differs from the thesis file's.</summary>
    public static IEnumerable<WhatIfChange> Changes(ThesisDefinition thesis, ThesisDefinition changed) =>
        thesis.Signals.Zip(changed.Signals).SelectMany(pair =>
        {
            var (before, after) = pair;
            var weight = new WhatIfChange(WeightPrefix + before.Id, before.Weight, after.Weight);
            return Thresholds(before, after).Select(t => new WhatIfChange(t.Parameter, t.Actual, t.Threshold))
                .Prepend(weight).Where(c => c.From != c.To);
        });

    /// <summary>
    /// The numeric clauses of a signal's rules, each with its query parameter, the threshold tried and the file's.
    /// </summary>
    public static List<WhatIfThreshold> Thresholds(SignalSpec before, SignalSpec after) =>
        [.. WhatIf.NumericClauses(before).Zip(WhatIf.NumericClauses(after), (b, a) => new WhatIfThreshold(
            WhatIf.Name(new ThresholdChange(before.Id, b.Side, b.Clause.Field, 0)),
            b.Side.ToString().ToLowerInvariant(), b.Clause.Field, b.Clause.Op!, a.Clause.Threshold,
            b.Clause.Threshold))];
}

/// <summary>A board as the thesis file has it (<paramref name="Actual"/>) and with weights or thresholds changed
/// (<paramref name="Board"/>, scored by <paramref name="Changed"/>).</summary>
/// <param name="Chosen">Why this date, when none was given.</param>
public sealed record WhatIfBoard(ThesisDefinition Thesis, ThesisDefinition Changed, BoardResult Actual,
    BoardResult Board, DateChoiceJson? Chosen);

/// <summary>A change tried: its query parameter, the thesis file's number and the one tried.</summary>
public sealed record WhatIfChange(string Parameter, double From, double To);

/// <summary>A rule's comparison <c>Field Op Threshold</c>; the thesis file's threshold is <c>Actual</c>.</summary>
public sealed record WhatIfThreshold(
    string Parameter, string Rule, string Field, string Op, double Threshold, double Actual);
