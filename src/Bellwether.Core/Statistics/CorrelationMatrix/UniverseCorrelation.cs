using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Correlation;

namespace Bellwether.Core.Statistics.CorrelationMatrix;

/// <summary>One member of a universe correlated with the target over the rows the two share.</summary>
/// <param name="Rank">1 = highest Pearson correlation; members with an undefined correlation come last.</param>
/// <param name="Id">The member's instrument id.</param>
/// <param name="From">First joined observation (the base of the first return).</param>
/// <param name="To">Last row.</param>
/// <param name="Correlation">The coefficients, n, p-values and interval.</param>
/// <param name="PartialLastPeriod">The last weekly or monthly period is incomplete.</param>
public sealed record UniverseMember(int Rank, string Id, DateOnly? From, DateOnly? To, CorrelationResult Correlation,
    bool PartialLastPeriod);

/// <summary>A member left out for lack of overlap with the target.</summary>
/// <param name="Id">The member's instrument id.</param>
/// <param name="N">Pairs it shares with the target (fewer than the minimum).</param>
public sealed record UniverseSkip(string Id, int N);

/// <summary>The target against every member with enough overlap, ranked.</summary>
/// <param name="Target">The target's instrument id.</param>
/// <param name="Options">Alignment applied to each pair.</param>
/// <param name="MinOverlap">The least number of shared pairs for a member to be ranked.</param>
/// <param name="Members">Ranked members.</param>
/// <param name="Skipped">Members with too little overlap, with their count.</param>
public sealed record UniverseCorrelationResult(
    string Target, AlignmentOptions Options, int MinOverlap, IReadOnlyList<UniverseMember> Members,
    IReadOnlyList<UniverseSkip> Skipped);

/// <summary>
/// Correlation of one series against a universe: each member is aligned with the target on its own (members cover
/// different dates, so there is no common row set), correlated, and ranked by Pearson's r, highest first.
/// </summary>
public static class UniverseCorrelation
{
    /// <summary>Correlates <paramref name="target"/> with every member of <paramref name="universe"/> (the target
    /// itself is left out).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minOverlap"/> is below 2.</exception>
    public static UniverseCorrelationResult Compute(DailySeries target, IEnumerable<DailySeries> universe,
        AlignmentOptions options, int minOverlap)
    {
        if (minOverlap < 2) throw new ArgumentOutOfRangeException(nameof(minOverlap), minOverlap,
            "at least two shared pairs are needed");
        var measured = new List<(string Id, AlignedReturns Rows, CorrelationResult Result)>();
        var skipped = new List<UniverseSkip>();
        foreach (var member in universe)
        {
            if (member.Instrument.Id == target.Instrument.Id) continue;
            var rows = ReturnAlignment.Align(target, member, options);
            if (rows.Count < minOverlap)
            {
                skipped.Add(new UniverseSkip(member.Instrument.Id, rows.Count));
                continue;
            }
            measured.Add((member.Instrument.Id, rows, Correlations.Compute(rows.Columns[0], rows.Columns[1])));
        }
        var ranked = measured
            .OrderBy(m => double.IsNaN(m.Result.Pearson) ? 1 : 0)
            .ThenByDescending(m => double.IsNaN(m.Result.Pearson) ? 0 : m.Result.Pearson)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select((m, i) =>
                new UniverseMember(i + 1, m.Id, m.Rows.Start, m.Rows.Count > 0 ? m.Rows.Dates[^1] : null, m.Result,
                    m.Rows.PartialLastPeriod))
            .ToList();
        return new UniverseCorrelationResult(target.Instrument.Id, options, minOverlap, ranked,
            skipped.OrderBy(s => s.Id, StringComparer.Ordinal).ToList());
    }
}
