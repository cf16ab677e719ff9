namespace Bellwether.Core.Statistics.FedPolicy;

/// <summary>The direction of policy, from the most recent move in the trailing six months.</summary>
public enum FedRegime
{
    /// <summary>The most recent move in the trailing six months was a cut.</summary>
    Easing,

    /// <summary>The most recent move in the trailing six months was a hike.</summary>
    Tightening,

    /// <summary>No move in the trailing six months.</summary>
    OnHold,
}
