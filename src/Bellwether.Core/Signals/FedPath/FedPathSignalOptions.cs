using Bellwether.Core.Statistics.FedPolicy;

namespace Bellwether.Core.Signals.FedPath;

/// <summary>The parsed parameters of a <see cref="FedPathSignal"/>.</summary>
/// <param name="Series">The policy rate series in percent (FRED <c>DFF</c>).</param>
/// <param name="Path">How a policy move is told from noise.</param>
public sealed record FedPathSignalOptions(string Series, FedPathParameters Path);
