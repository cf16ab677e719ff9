namespace Bellwether.Core.Statistics.EtfFlows;

/// <summary>Windows and checks for ETF-flow statistics.</summary>
/// <param name="ShortWindow">Flow days in the short rolling sum (5: a trading week).</param>
/// <param name="LongWindow">Flow days in the long rolling sum (20: about a trading month).</param>
/// <param name="TotalTolerance">
/// US$ millions by which the sum of the fund columns may differ from the table's own total before the day is
/// reported as a mismatch: Farside rounds each cell to 0.1, so a dozen funds can differ from a rounded total by a
/// few tenths.
/// </param>
public sealed record FlowParameters(int ShortWindow = 5, int LongWindow = 20, double TotalTolerance = 0.5)
{
    /// <summary>The defaults.</summary>
    public static FlowParameters Default { get; } = new();

    /// <summary>Throws when a parameter makes no sense.</summary>
    public void Validate()
    {
        if (ShortWindow < 1) throw new ArgumentOutOfRangeException(nameof(ShortWindow), ShortWindow, "must be at least 1");
        if (LongWindow < 1) throw new ArgumentOutOfRangeException(nameof(LongWindow), LongWindow, "must be at least 1");
        if (!(TotalTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(TotalTolerance), TotalTolerance, "must be zero or positive");
    }
}
