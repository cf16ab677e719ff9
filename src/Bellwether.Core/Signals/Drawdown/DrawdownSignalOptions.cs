using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Signals.Drawdown;

/// <summary>The parsed parameters of a <see cref="DrawdownSignal"/>.</summary>
/// <param name="Instrument">The series.</param>
/// <param name="Basis">Peak by highest close or highest high.</param>
/// <param name="Since">Where the running peak starts (null: the first row).</param>
public sealed record DrawdownSignalOptions(string Instrument, DrawdownBasis Basis, DateOnly? Since);
