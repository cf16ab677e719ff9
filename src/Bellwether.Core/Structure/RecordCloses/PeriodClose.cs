namespace Bellwether.Core.Structure.RecordCloses;

/// <summary>The closing value of one month or week.</summary>
/// <param name="PeriodStart">The first day of the month, or the Monday of the week.</param>
/// <param name="Date">The date of the period's last bar on or before the as-of date.</param>
/// <param name="Close">That bar's close.</param>
/// <param name="Provisional">True when the calendar still has sessions of this period after the as-of date: the period
/// has not ended.</param>
/// <param name="LastSession">The period's last session in the instrument's calendar; a final period whose
/// <paramref name="Date"/> is earlier lacks that day's bar.</param>
/// <param name="IsRecord">True when the close is above every earlier period close in the record window (never for the
/// first period).</param>
/// <param name="PriorRecord">The highest earlier period close in the window (NaN when there is none).</param>
/// <param name="PriorRecordDate">The date of that close.</param>
public sealed record PeriodClose(DateOnly PeriodStart, DateOnly Date, double Close, bool Provisional,
    DateOnly? LastSession, bool IsRecord, double PriorRecord, DateOnly? PriorRecordDate);
