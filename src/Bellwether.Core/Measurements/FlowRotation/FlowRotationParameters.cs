namespace Bellwether.Core.Measurements.FlowRotation;

/// <summary>One flow-rotation reading's parameters, checked when built.</summary>
/// <param name="Into">The family money would rotate into (e.g. <c>ETH_SPOT_ETF_FLOWS</c>).</param>
/// <param name="OutOf">The family it would rotate out of (e.g. <c>BTC_SPOT_ETF_FLOWS</c>).</param>
/// <param name="Window">Shared flow days in the window.</param>
public sealed record FlowRotationParameters(string Into, string OutOf, int Window)
{
    /// <exception cref="ArgumentException">A table id is empty.</exception>
    public string Into { get; } = Require.Id(Into, nameof(Into));

    /// <exception cref="ArgumentException">A table id is empty.</exception>
    public string OutOf { get; } = Require.Id(OutOf, nameof(OutOf));

    /// <exception cref="ArgumentOutOfRangeException">The window is shorter than one flow day.</exception>
    public int Window { get; } = Window >= 1 ? Window
        : throw new ArgumentOutOfRangeException(nameof(Window), Window, "window must be at least 1");
}
