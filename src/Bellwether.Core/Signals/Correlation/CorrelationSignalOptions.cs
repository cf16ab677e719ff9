using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;

namespace Bellwether.Core.Signals.Correlation;

/// <summary>The parsed parameters of a <see cref="CorrelationSignal"/>.</summary>
/// <param name="A">First series.</param>
/// <param name="B">Second series.</param>
/// <param name="Frequency">Resampling before the join.</param>
/// <param name="Kind">Returns or levels.</param>
/// <param name="WindowDays">The trailing window in calendar days, the as-of date included (when <paramref name="Since"/> is null).</param>
/// <param name="Since">A fixed first date instead of the trailing window.</param>
public sealed record CorrelationSignalOptions(string A, string B, Frequency Frequency, ReturnKind Kind, int WindowDays, DateOnly? Since);
