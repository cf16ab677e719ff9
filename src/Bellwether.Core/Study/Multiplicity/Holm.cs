namespace Bellwether.Core.Study.Multiplicity;

/// <summary>Holm's step-down adjustment of p-values for testing many hypotheses at once (family-wise error).</summary>
public static class Holm
{
    /// <summary>
    /// Adjusted p-values in the order given: sort the m defined p-values ascending, multiply the i-th (from 0) by
    /// m − i, carry the running maximum, cap at 1. A NaN p-value stays NaN and does not count in m.
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var order = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i])).OrderBy(i => pValues[i])
            .ToArray();
        var adjusted = Enumerable.Repeat(double.NaN, pValues.Count).ToArray();
        double running = 0;
        for (int k = 0; k < order.Length; k++)
        {
            running = Math.Max(running, Math.Min(1, (order.Length - k) * pValues[order[k]]));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }
}
