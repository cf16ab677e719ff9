namespace Bellwether.Core.Structure.RecordCloses;

/// <summary>The period whose last close is taken.</summary>
public enum ClosePeriod
{
    /// <summary>Calendar months.</summary>
    Month,
    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,
}
