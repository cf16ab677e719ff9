using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Study.Basket;

/// <summary>The basket's level by calendar day and what went into it.</summary>
/// <param name="Parameters">Its size and base level.</param>
/// <param name="Level">The level (id <c>ALT_BASKET</c>), NaN before the first day and on days none of the held coins had a close.</param>
/// <param name="Held">Per day of <paramref name="Level"/>: coins held into that day (chosen at the previous valued day).</param>
/// <param name="Priced">Per day: held coins that had a close that day (the ones the day's return averages).</param>
/// <param name="UnpricedDays">Days on which no held coin had a close: no return, the basket keeps its coins.</param>
/// <param name="DroppedCoinDays">Held coins without a close on the day they were to be valued, summed over days: each was
/// left out of that day's mean and replaced at the next choice (a coin that vanishes loses its last move: a mild
/// survivorship bias, counted here).</param>
public sealed record AltcoinBasketResult(AltcoinBasketParameters Parameters, CalendarPath Level, int[] Held, int[] Priced, int UnpricedDays, int DroppedCoinDays);
