namespace Bellwether.Core.Structure.Resistance;

/// <summary>Which price a level is measured on.</summary>
public enum PriceBasis
{
    /// <summary>Daily closes (the default: the level a close has to beat).</summary>
    Close,
    /// <summary>Daily highs (the close where a bar has no high).</summary>
    High,
}
