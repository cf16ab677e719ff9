namespace Bellwether.Core.Structure.Resistance;

/// <summary>A cluster of pivot highs.</summary>
/// <param name="Price">The zone's top, its highest pivot: the level a breakout has to clear.</param>
/// <param name="Bottom">Its lowest pivot.</param>
/// <param name="TopDate">The date of the highest pivot (the earliest, on a tie).</param>
/// <param name="Touches">Pivot highs in the zone.</param>
/// <param name="FirstTouch">The earliest pivot's date.</param>
/// <param name="LastTouch">The latest pivot's date.</param>
/// <param name="LastTouchIndex">The latest pivot's row.</param>
public sealed record ResistanceZone(double Price, double Bottom, DateOnly TopDate, int Touches, DateOnly FirstTouch,
    DateOnly LastTouch, int LastTouchIndex);
