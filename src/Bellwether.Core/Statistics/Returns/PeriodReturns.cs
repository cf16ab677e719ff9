namespace Bellwether.Core.Statistics.Returns;

/// <summary>Turning a level series into returns between consecutive observations.</summary>
public static class PeriodReturns
{
    /// <summary>True when statistics on <paramref name="kind"/> are on non-stationary data (price levels).</summary>
    public static bool IsNonStationary(this ReturnKind kind) => kind == ReturnKind.Levels;

    /// <summary>The number of values <c>Compute</c> writes for <paramref name="levels"/> observations.</summary>
    public static int OutputLength(ReturnKind kind, int levels) => kind == ReturnKind.Levels ? levels
        : Math.Max(0, levels - 1);

    /// <summary>
    /// Writes the returns of <paramref name="levels"/> into <paramref name="destination"/>: element <c>i</c> is the
    /// return from observation <c>i</c> to <c>i + 1</c> (so there is one value fewer than levels), or, for
    /// <see cref="ReturnKind.Levels"/>, a copy of the levels.
    /// </summary>
    /// <remarks>
    /// A return involving a NaN level, or a log return of a non-positive price, is NaN; nothing is filled.
    /// Simple returns from a zero price are infinite and also written as NaN.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than
    /// <see cref="OutputLength"/>.</exception>
    public static void Compute(ReadOnlySpan<double> levels, ReturnKind kind, Span<double> destination)
    {
        int n = OutputLength(kind, levels.Length);
        if (destination.Length < n) throw new ArgumentException(
            $"destination holds {destination.Length} values, {n} needed", nameof(destination));
        switch (kind)
        {
            case ReturnKind.Levels:
                levels.CopyTo(destination);
                break;
            case ReturnKind.LogReturns:
                for (int i = 0; i < n; i++)
                {
                    double p0 = levels[i], p1 = levels[i + 1];
                    destination[i] = p0 > 0 && p1 > 0 ? Math.Log(p1 / p0) : double.NaN;
                }
                break;
            case ReturnKind.SimpleReturns:
                for (int i = 0; i < n; i++)
                {
                    double r = levels[i + 1] / levels[i] - 1;
                    destination[i] = double.IsFinite(r) ? r : double.NaN;
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>The returns of <paramref name="levels"/> as a new array; see <c>Compute</c> with a
    /// destination.</summary>
    public static double[] Compute(ReadOnlySpan<double> levels, ReturnKind kind)
    {
        var result = new double[OutputLength(kind, levels.Length)];
        Compute(levels, kind, result);
        return result;
    }
}
