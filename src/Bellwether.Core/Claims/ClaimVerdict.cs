namespace Bellwether.Core.Claims;

/// <summary>What the data says about a claim, over all of its readings.</summary>
public enum ClaimVerdict
{
    /// <summary>Every measurable reading agrees with the claim.</summary>
    Supported,
    /// <summary>Some measurable readings agree and some do not: the claim holds only under some definitions.</summary>
    Partly,
    /// <summary>No measurable reading agrees.</summary>
    NotSupported,
    /// <summary>No reading could be measured with the data at hand (no source, or too little data).</summary>
    NotCheckable,
}
