using System.Globalization;
using Bellwether.Core.Board;
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
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                || !double.IsFinite(number))
                throw new QueryException(name, $"'{text}' is not a number");
            if (name.StartsWith(WeightPrefix, StringComparison.Ordinal) && name.Length > WeightPrefix.Length)
                weights[name[WeightPrefix.Length..]] = number;
            else if (Threshold(name, number) is { } change) thresholds.Add(change);
            else
                throw new QueryException(name, "unknown parameter: what-if takes as_of, weight.SIGNAL and "
                    + "threshold.SIGNAL.supports|against.FIELD");
        }
        return new WhatIf(weights, thresholds);
    }

    /// <summary><c>threshold.SIGNAL.SIDE.FIELD</c>, the side being the last <c>.supports.</c> or <c>.against.</c>.
    /// </summary>
    private static ThresholdChange? Threshold(string name, double threshold)
    {
        if (!name.StartsWith(ThresholdPrefix, StringComparison.Ordinal)) return null;
        var rest = name[ThresholdPrefix.Length..];
        foreach (var side in Enum.GetValues<RuleSide>())
        {
            var marker = "." + side.ToString().ToLowerInvariant() + ".";
            int at = rest.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 0 && at + marker.Length < rest.Length)
                return new ThresholdChange(rest[..at], side, rest[(at + marker.Length)..], threshold);
        }
        return null;
    }

    /// <summary>
    /// The document of <c>GET /api/board/what-if</c>: the board as of <paramref name="asOf"/> (default: the thesis's
    /// latest date) and the same board with <paramref name="changes"/>, signal by signal (plain objects for
    /// <see cref="ApiJson.Options"/>).
    /// </summary>
    /// <exception cref="QueryException">A change that does not fit the thesis.</exception>
    public static object Json(BellwetherStore store, IMarketData data, ThesisDefinition thesis, string? file,
        DateOnly? asOf, SignalKinds kinds, WhatIf changes)
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
        var (actual, chosen) = BoardDocument.Evaluate(store, data, thesis, asOf, kinds);
        var board = WhatIf.Rescore(actual, changed);
        return new
        {
            as_of = actual.AsOf,
            thesis = BoardDocument.ThesisInfo(thesis, file),
            changes = Changes(thesis, changed),
            actual = BoardComparison.Side(actual),
            what_if = BoardComparison.Side(board),
            readiness_change = board.Readiness - actual.Readiness,
            signals = board.Signals.Select((s, k) => new
            {
                id = s.Id, title = s.Title,
                state = s.State, actual_state = actual.Signals[k].State,
                weight = s.Weight, actual_weight = thesis.Signals[k].Weight,
                contribution = board.Breakdown[k].Contribution, actual_contribution = actual.Breakdown[k].Contribution,
                note = board.Breakdown[k].Note,
                value_text = Core.Text.ValueText.Of(s.Value, s.Unit), label = s.Label,
                thresholds = Thresholds(thesis.Signals[k], changed.Signals[k]),
            }),
            as_of_chosen = chosen,
        };
    }

    /// <summary>Every weight and threshold that differs from the thesis file's.</summary>
    private static IEnumerable<ChangeJson> Changes(ThesisDefinition thesis, ThesisDefinition changed) =>
        thesis.Signals.Zip(changed.Signals).SelectMany(pair =>
        {
            var (before, after) = pair;
            var weight = new ChangeJson(WeightPrefix + before.Id, before.Weight, after.Weight);
            return Thresholds(before, after).Select(t => new ChangeJson(t.Parameter, t.Actual, t.Threshold))
                .Prepend(weight).Where(c => c.From != c.To);
        });

    /// <summary>
    /// The numeric clauses of a signal's rules, each with its query parameter, the threshold tried and the file's.
    /// </summary>
    private static List<ThresholdJson> Thresholds(SignalSpec before, SignalSpec after) =>
        [.. WhatIf.NumericClauses(before).Zip(WhatIf.NumericClauses(after), (b, a) => new ThresholdJson(
            WhatIf.Name(new ThresholdChange(before.Id, b.Side, b.Clause.Field, 0)),
            b.Side.ToString().ToLowerInvariant(), b.Clause.Field, b.Clause.Op!, a.Clause.Threshold,
            b.Clause.Threshold))];

    /// <summary>A change tried: its query parameter, the thesis file's number and the one tried.</summary>
    private sealed record ChangeJson(string Parameter, double From, double To);

    /// <summary>A rule's comparison <c>Field Op Threshold</c>; the thesis file's threshold is <c>Actual</c>.</summary>
    private sealed record ThresholdJson(
        string Parameter, string Rule, string Field, string Op, double Threshold, double Actual);
}
