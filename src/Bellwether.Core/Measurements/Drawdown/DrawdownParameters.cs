using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Measurements.Drawdown;

/// <summary>One drawdown reading's parameters, checked when built.</summary>
/// <param name="Instrument">The series id.</param>
/// <param name="Basis">Peak by highest close or highest high.</param>
/// <param name="Since">Where the running peak starts (null: the first row).</param>
public sealed record DrawdownParameters(string Instrument, DrawdownBasis Basis, DateOnly? Since)
{
    /// <exception cref="ArgumentException">The instrument is empty, or the basis is not a known one.</exception>
    public string Instrument { get; } = Require.Id(Instrument, nameof(Instrument));

    public DrawdownBasis Basis { get; } = Enum.IsDefined(Basis) ? Basis
        : throw new ArgumentOutOfRangeException(nameof(Basis), Basis, "not a drawdown basis");
}
