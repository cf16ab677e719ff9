namespace Bellwether.Core.Statistics.Drawdown;

/// <summary>What the running peak is taken from. The drawdown itself is always measured on the close.</summary>
public enum DrawdownBasis
{
    /// <summary>The peak is the highest close so far.</summary>
    Close,

    /// <summary>
    /// The peak is the highest intraday high so far. A day without a high (early history) or with a high below
    /// its close (a bad row) counts its close instead, since a day's high is never below its close.
    /// </summary>
    High,
}
