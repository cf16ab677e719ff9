using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;

namespace Bellwether.Core.Statistics.Alignment;

/// <summary>How series are put side by side before a statistic is computed on them.</summary>
/// <param name="From">First daily date used (inclusive), or null for the start of the data.</param>
/// <param name="Until">Last daily date used (inclusive), or null for the end of the data. For a point-in-time
/// reading "as of" a date, pass that date here: nothing dated after it is read.</param>
/// <param name="Frequency">Resampling applied to each series before the join.</param>
/// <param name="Kind">Returns (log or simple) between consecutive joined observations, or levels.</param>
public sealed record AlignmentOptions(
    DateOnly? From = null,
    DateOnly? Until = null,
    Frequency Frequency = Frequency.Daily,
    ReturnKind Kind = ReturnKind.LogReturns);
