namespace Bellwether.Core.Structure.Pivots;

/// <summary>A confirmed swing high or low.</summary>
/// <param name="Kind">High or low.</param>
/// <param name="Index">Row of the pivot bar in the series.</param>
/// <param name="Date">Date of the pivot bar.</param>
/// <param name="Value">The high (or low) of the pivot bar.</param>
/// <param name="ConfirmedDate">The date of the bar <c>Right</c> rows later, the first day the pivot is known.</param>
public sealed record Pivot(PivotKind Kind, int Index, DateOnly Date, double Value, DateOnly ConfirmedDate);
