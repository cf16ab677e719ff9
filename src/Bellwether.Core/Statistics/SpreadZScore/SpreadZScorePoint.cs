namespace Bellwether.Core.Statistics.SpreadZScore;

/// <summary>The return spread of two assets on one date and how unusual it is against its trailing window.</summary>
/// <param name="Date">Row date.</param>
/// <param name="Spread">Return of A minus return of B over the row's period.</param>
/// <param name="ZScore">(spread − window mean) / window sample standard deviation, the current row included; NaN during
/// warm-up or on a constant window.</param>
public sealed record SpreadZScorePoint(DateOnly Date, double Spread, double ZScore);
