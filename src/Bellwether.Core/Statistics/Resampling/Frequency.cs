namespace Bellwether.Core.Statistics.Resampling;

/// <summary>The sampling frequency of a statistic.</summary>
public enum Frequency
{
    /// <summary>Every observation as stored.</summary>
    Daily,
    /// <summary>Weeks running Saturday to Friday, each dated by its Friday.</summary>
    Weekly,
    /// <summary>Calendar months, each dated by its last calendar day.</summary>
    Monthly,
}
