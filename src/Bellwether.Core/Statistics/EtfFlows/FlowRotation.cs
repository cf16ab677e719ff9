namespace Bellwether.Core.Statistics.EtfFlows;

/// <summary>
/// Rotation between two families of funds: on the flow days both share (an inner join, nothing filled), did the
/// "into" family take money while the "out of" family lost it, and how much.
/// </summary>
public static class FlowRotation
{
    /// <summary>
    /// The reading over the last <paramref name="window"/> shared flow days of the two histories (build both with
    /// the same as-of date); null when they share no flow day.
    /// </summary>
    public static RotationReading? Compute(EtfFlowHistory into, EtfFlowHistory outOf, int window)
    {
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window), window, "must be at least 1");
        var outByDate = outOf.Days.ToDictionary(d => d.Date, d => d.Total);
        var shared = into.Days.Where(d => outByDate.ContainsKey(d.Date))
            .Select(d => (d.Date, Into: d.Total, OutOf: outByDate[d.Date])).ToList();
        if (shared.Count == 0) return null;
        return Of(into.Id, outOf.Id, shared.Skip(Math.Max(0, shared.Count - window)).ToList());
    }

    /// <summary>The reading over <paramref name="span"/>, the shared flow days of the window in date order (not empty).
    /// </summary>
    internal static RotationReading Of(string intoId, string outOfId,
        List<(DateOnly Date, double Into, double OutOf)> span)
    {
        var rotationDays = span.Where(d => d.Into > 0 && d.OutOf < 0).ToList();
        var weeks = span.GroupBy(d => d.Date.AddDays(-(((int)d.Date.DayOfWeek + 6) % 7))).Select(g => Span(g.ToList()))
            .ToList();
        return new RotationReading(intoId, outOfId, Span(span), rotationDays.Count,
            rotationDays.Sum(d => d.Into), rotationDays.Sum(d => d.OutOf), weeks);
    }

    private static RotationSpan Span(List<(DateOnly Date, double Into, double OutOf)> days)
    {
        double into = days.Sum(d => d.Into), outOf = days.Sum(d => d.OutOf);
        var (kind, rotated) = (into, outOf) switch
        {
            ( > 0, < 0) => (RotationKind.Rotation, Math.Min(into, -outOf)),
            ( < 0, > 0) => (RotationKind.Reverse, -Math.Min(-into, outOf)),
            ( > 0, > 0) => (RotationKind.BothInflow, 0.0),
            ( < 0, < 0) => (RotationKind.BothOutflow, 0.0),
            _ => (RotationKind.Flat, 0.0),
        };
        return new RotationSpan(days[0].Date, days[^1].Date, days.Count, into, outOf, kind, rotated);
    }
}
