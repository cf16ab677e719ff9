namespace Bellwether.Core.Structure.Pivots;

/// <summary>Which extreme a pivot marks.</summary>
public enum PivotKind
{
    /// <summary>A swing high: read from the bar's high (its close when the series has no high that day).</summary>
    High,
    /// <summary>A swing low: read from the bar's low (its close when the series has no low that day).</summary>
    Low,
}
