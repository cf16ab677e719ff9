using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Text;

namespace Bellwether.Core.Claims;

/// <summary>Checks claims against data: every reading of each claim, then one verdict per claim.</summary>
public static class ClaimChecker
{
    /// <summary>
    /// Reads every claim under all its readings and judges it. A reading agrees when its value (or state) meets the
    /// claim's target. The verdict counts the readings that <see cref="ClaimReading.Counts"/>: measured, not a repeat
    /// of an earlier reading's finding, and from data published by the claim's date. All agree → supported; none → not
    /// supported; some → partly; none → not checkable.
    /// </summary>
    /// <exception cref="ThesisException">A claim names an unknown kind or a bad parameter.</exception>
    public static IReadOnlyList<ClaimResult> Check(IReadOnlyList<ClaimDefinition> claims, IMarketData data,
        ClaimKinds kinds)
    {
        var kindOf = claims.Select(kinds.Validate).ToList();
        var results = new List<ClaimResult>(claims.Count);
        // Claims of one date read one view of it, so its cuts and structures are built once.
        var byDate = new Dictionary<DateOnly, ClaimData>();
        for (int c = 0; c < claims.Count; c++)
        {
            var claim = claims[c];
            if (!byDate.TryGetValue(claim.Date, out var claimData))
                byDate[claim.Date] = claimData = new ClaimData(data, claim.Date);
            var readings = new List<ClaimReading>();
            foreach (var r in Read(kindOf[c], claim, claimData))
            {
                var checkedReading = r with { Within = r.Measurable ? claim.Target.Holds(r.Value, r.State) : null };
                var first = checkedReading.Measurable
                    ? readings.FirstOrDefault(x => x.Repeats is null && x.SameFinding(checkedReading)) : null;
                readings.Add(checkedReading with { Repeats = first?.Label });
            }
            var verdict = Judge(readings);
            results.Add(new ClaimResult(claim, verdict, Summarize(readings), readings));
        }
        return results;
    }

    /// <summary>
    /// The kind's readings of <paramref name="claim"/>; one not-measurable reading when the data cannot give it
    /// (<see cref="NotMeasurableException"/>). Any other exception is a bug and propagates.
    /// </summary>
    private static IReadOnlyList<ClaimReading> Read(IClaimKind kind, ClaimDefinition claim, ClaimData data)
    {
        try
        {
            return kind.Read(claim, data);
        }
        catch (NotMeasurableException e)
        {
            return [ClaimReading.NotMeasurable("as stated", claim.Text, "", e.Message, data.Provenance([]))];
        }
    }

    /// <summary>The verdict over the readings that <see cref="ClaimReading.Counts"/>.</summary>
    public static ClaimVerdict Judge(IReadOnlyList<ClaimReading> readings)
    {
        var measured = readings.Where(r => r.Counts).ToList();
        if (measured.Count == 0) return ClaimVerdict.NotCheckable;
        int agree = measured.Count(r => r.Within == true);
        return agree == measured.Count ? ClaimVerdict.Supported : agree == 0 ? ClaimVerdict.NotSupported
            : ClaimVerdict.Partly;
    }

    private static string Summarize(List<ClaimReading> readings)
    {
        var measured = readings.Where(r => r.Counts).ToList();
        int repeats = readings.Count(r => r.Repeats is not null);
        int hindsight = readings.Count(r => r.Within is not null && r.Repeats is null && !r.Provenance.PointInTime);
        int unmeasured = readings.Count(r => r.Within is null);
        var left = new[]
        {
            repeats > 0 ? $"{repeats} repeat{(repeats == 1 ? "s" : "")} another's finding" : null,
            hindsight > 0 ? $"{hindsight} use{(hindsight == 1 ? "s" : "")} data after the claim date" : null,
            unmeasured > 0 ? $"{unmeasured} not measurable" : null,
        }.OfType<string>().ToList();
        if (measured.Count == 0)
        {
            string why = readings.Select(r => r.Note).FirstOrDefault(n => n is not null)
                ?? (left.Count > 0 ? string.Join(", ", left) : "no reading could be measured");
            return $"Not checkable: {why.TrimEnd('.')}.";
        }
        int agree = measured.Count(r => r.Within == true);
        var parts = new List<string> { $"{agree} of {measured.Count} readings agree"
            + (left.Count > 0 ? $" ({string.Join(", ", left)}: not counted)" : "") };
        var values = measured.Where(r => !double.IsNaN(r.Value)).ToList();
        if (values.Count > 0)
        {
            double low = values.Min(v => v.Value), high = values.Max(v => v.Value);
            string unit = values[0].Unit;
            parts.Add(low == high ? $"value {Format(low, unit)}"
                : $"values {Format(low, unit)} to {Format(high, unit)}");
        }
        var states = measured.Where(r => r.State is not null).Select(r => r.State!).Distinct().ToList();
        if (states.Count > 0) parts.Add(string.Join(", ", states));
        return string.Join("; ", parts) + ".";
    }

    /// <summary>A claim's target in the unit of its readings: <c>−27.0% ± 3.0%</c>, <c>&gt;= 1</c>,
    /// <c>state in [breakout, confirmed]</c>.</summary>
    public static string DescribeTarget(ClaimTarget target, string unit) => target.Condition switch
    {
        null => $"{Format(target.Claimed, unit)} ± {Format(target.Tolerance, unit).TrimStart('+')}",
        { Words: { } words } => $"state in [{string.Join(", ", words)}]",
        var c => $"value {c.Op} {Format(c.Threshold, unit)}",
    };

    /// <summary>A value in its unit, as the formatting table writes it (<see cref="ValueText"/>); <c>n/a</c> for
    /// NaN.</summary>
    public static string Format(double value, string unit) => double.IsNaN(value) ? "n/a" : ValueText.Of(value, unit);
}
