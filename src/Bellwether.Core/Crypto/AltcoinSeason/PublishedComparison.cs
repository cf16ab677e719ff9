using System.Globalization;
using Bellwether.Core.Text;

namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>A published reading beside the index computed for its date.</summary>
/// <param name="Published">The reading.</param>
/// <param name="Computed">The computed index on the reading's date (same K and N).</param>
/// <param name="Difference">Computed − published, NaN when the computed index is undefined.</param>
public sealed record ComparedReading(PublishedReading Published, AltcoinSeasonPoint Computed, double Difference)
{
    /// <summary>
    /// True where the computed index may be held to the published one: the index is defined, the ranking in force is
    /// at most <paramref name="maxRankingAgeDays"/> old and at least <paramref name="minCoverage"/> of K is eligible.
    /// </summary>
    public bool IsComparable(int top, int maxRankingAgeDays, double minCoverage) =>
        Computed.IsDefined && Computed.RankingAgeDays <= maxRankingAgeDays && Computed.Eligible >= minCoverage * top;
}

/// <summary>How far the computed index is from the published one over the readings with a computed value.</summary>
/// <param name="Count">Readings with a computed value.</param>
/// <param name="MeanAbsoluteError">Mean of |computed − published|.</param>
/// <param name="Bias">Mean of computed − published (negative: the computed index runs low).</param>
/// <param name="LargestGap">The reading with the largest |computed − published| (the earliest on a tie).</param>
public sealed record ComparisonSummary(int Count, double MeanAbsoluteError, double Bias, ComparedReading LargestGap);

/// <summary>
/// Published readings of one index variant (K, N) set beside the computed index: per reading the difference, and over
/// all readings the mean absolute error, the bias and the largest gap (docs/altseason.md, "Against what was
/// published").
/// </summary>
public sealed record PublishedComparison(AltcoinSeasonParameters Parameters, IReadOnlyList<ComparedReading> Readings)
{
    /// <summary>The acceptance's limits: a ranking at most a week old, 90 % of K eligible.</summary>
    public const int ComparableRankingAgeDays = 7;

    /// <inheritdoc cref="ComparableRankingAgeDays"/>
    public const double ComparableCoverage = 0.9;

    /// <summary>
    /// The readings whose definition names <paramref name="parameters"/>' K and N, in date order, each beside
    /// <paramref name="computed"/>'s point for its date.
    /// </summary>
    public static PublishedComparison Of(IEnumerable<PublishedReading> readings, AltcoinSeasonParameters parameters,
        Func<DateOnly, AltcoinSeasonPoint> computed)
    {
        var matching = readings.Where(r => r.Variant == (parameters.TopCount, parameters.WindowDays))
            .OrderBy(r => r.Date).ThenBy(r => r.Series, StringComparer.Ordinal)
            .Select(r => Compare(r, computed(r.Date))).ToList();
        return new PublishedComparison(parameters, matching);
    }

    private static ComparedReading Compare(PublishedReading r, AltcoinSeasonPoint point) =>
        new(r, point, point.IsDefined ? point.Index - r.Value : double.NaN);

    /// <summary>Summary over every reading with a computed value, or null when there is none.</summary>
    public ComparisonSummary? All => Summarise(Readings);

    /// <summary>
    /// Summary over the readings where the computed index may be held to the published one (ranking at most
    /// <see cref="ComparableRankingAgeDays"/> days old, <see cref="ComparableCoverage"/> of K eligible), or null.
    /// </summary>
    public ComparisonSummary? Comparable =>
        Summarise(Readings.Where(r => r.IsComparable(Parameters.TopCount, ComparableRankingAgeDays, ComparableCoverage))
            .ToList());

    /// <summary>
    /// The comparison in one sentence: count, mean absolute error, bias and largest gap over all readings, then over
    /// the comparable ones (or why there are none); null without readings.
    /// </summary>
    public string? Sentence()
    {
        if (Readings.Count == 0) return null;
        var p = Parameters;
        string name =
            $"Altcoin Season Index (top {p.TopCount}, {p.WindowDays} days) against {Readings[0].Published.Series}";
        if (All is not { } all) return $"{name}: {Readings.Count} published reading(s), none with a computed index " +
            "on its date.";
        string where = $"where the ranking was at most {ComparableRankingAgeDays} days old and " +
            $"{ValueText.Of(ComparableCoverage, ValueKind.Share)} of K eligible";
        string comparable = Comparable is { } c ? $"{c.Count} {where}: {Figures(c)}" : $"none {where}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: {all.Count} reading(s), {Figures(all)}; {comparable}.");
    }

    // The error and bias are averages and keep a decimal; the readings and the gap are written as every page writes
    // an index and its move.
    private static string Figures(ComparisonSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"mean absolute error {ValueText.Number(s.MeanAbsoluteError, "0.0")}, bias " +
        $"{ValueText.Number(s.Bias, "+0.0;-0.0;0.0")}, largest gap " +
        $"{ValueText.Format(ValueKind.IndexPointsChange).Number(s.LargestGap.Difference)} " +
        $"on {s.LargestGap.Published.Date:yyyy-MM-dd} (computed {Points(s.LargestGap.Computed.Index)}, published " +
        $"{Points(s.LargestGap.Published.Value)})");

    private static string Points(double v) => ValueText.Format(ValueKind.IndexPoints).Number(v);

    private static ComparisonSummary? Summarise(IReadOnlyList<ComparedReading> readings)
    {
        var defined = readings.Where(r => !double.IsNaN(r.Difference)).ToList();
        if (defined.Count == 0) return null;
        var largest = defined[0];
        foreach (var r in defined)
            if (Math.Abs(r.Difference) > Math.Abs(largest.Difference)) largest = r;
        return new ComparisonSummary(defined.Count, defined.Average(r => Math.Abs(r.Difference)),
            defined.Average(r => r.Difference), largest);
    }
}
