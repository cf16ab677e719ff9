using System.Globalization;
using System.Text;
using Bellwether.Core.Board;

namespace Bellwether.Api;

/// <summary>The board and the readiness history as CSV (RFC 4180: comma, quotes where needed, empty for no
/// value).</summary>
public static class Csv
{
    /// <summary>One row per signal, with its part in readiness.</summary>
    public static string Board(BoardJson board)
    {
        var text = new StringBuilder();
        Row(text,
            ["as_of", "id", "title", "kind", "state", "value", "unit", "since", "stale", "weight", "score",
                "contribution",
            "explanation"]);
        var parts = board.Breakdown.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var s in board.Signals)
        {
            var part = parts.GetValueOrDefault(s.Id);
            Row(text, [Date(board.AsOf), s.Id, s.Title, s.Kind, StateName(s.State),
                Number(s.Value), s.Unit, s.Since is { } d ? Date(d) : "", s.Stale ? "true" : "false", Number(s.Weight),
                Number(part?.Score ?? double.NaN), Number(part?.Contribution ?? double.NaN), s.Explanation]);
        }
        return text.ToString();
    }

    /// <summary>One row per week: readiness, weight counted, each signal's state, and the stale signals' ids.</summary>
    public static string History(ThesisDefinition thesis, IReadOnlyList<ReadinessPoint> points)
    {
        var text = new StringBuilder();
        var ids = thesis.Signals.Select(s => s.Id).ToList();
        Row(text, ["date", "readiness", "counted", .. ids, "stale"]);
        foreach (var p in points)
            Row(text, [Date(p.Date), Number(p.Readiness), Number(p.Counted), .. p.States.Select(StateName),
                string.Join(' ', ids.Where((_, k) => p.Stale[k]))]);
        return text.ToString();
    }

    private static string StateName(SignalState state) =>
        ApiJson.Options.PropertyNamingPolicy!.ConvertName(state.ToString());

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void Row(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Quote));
        text.Append("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal)
        + "\"";
}
