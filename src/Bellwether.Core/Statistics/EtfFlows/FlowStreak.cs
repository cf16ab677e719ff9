namespace Bellwether.Core.Statistics.EtfFlows;

/// <summary>The sign of a day's net flow.</summary>
public enum FlowDirection
{
    /// <summary>Net money in.</summary>
    Inflow,

    /// <summary>Net money out.</summary>
    Outflow,

    /// <summary>Exactly zero.</summary>
    Flat,
}

/// <summary>Consecutive flow days with the same sign.</summary>
/// <param name="Direction">Inflow, outflow, or flat for a run of zero days (a zero day ends any inflow or outflow
/// streak).</param>
/// <param name="Days">Flow days in the streak.</param>
/// <param name="Start">The first day.</param>
/// <param name="End">The last day.</param>
/// <param name="Sum">Net flow over the streak.</param>
public sealed record FlowStreak(FlowDirection Direction, int Days, DateOnly Start, DateOnly End, double Sum);
