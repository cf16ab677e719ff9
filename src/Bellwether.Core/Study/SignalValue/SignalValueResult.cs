namespace Bellwether.Core.Study.SignalValue;

/// <summary>A day readiness reached the threshold, and what followed.</summary>
/// <param name="Date">The entry day.</param>
/// <param name="Readiness">Readiness that day.</param>
/// <param name="SeasonDate">The first Altcoin Season day within N days after it, or null.</param>
/// <param name="Evaluable">False when the N days after it run past the index's last value: it counts in
/// nothing.</param>
public sealed record SignalEntry(DateOnly Date, double Readiness, DateOnly? SeasonDate, bool Evaluable)
{
    /// <summary>Days from the entry to the season, or null.</summary>
    public int? LeadDays => SeasonDate is { } s ? s.DayNumber - Date.DayNumber : null;
}

/// <summary>The first day of an Altcoin Season run, and whether an entry came in the N days before it.</summary>
/// <param name="Date">The day the index reached the threshold from below.</param>
/// <param name="EntryDate">The earliest entry in the N days before it, or null.</param>
public sealed record SeasonStart(DateOnly Date, DateOnly? EntryDate);

/// <summary>How well readiness called Altcoin Seasons, against random entry dates.</summary>
/// <param name="From">First day considered.</param>
/// <param name="To">Last day considered.</param>
/// <param name="Parameters">Threshold, N, season threshold, trials.</param>
/// <param name="Entries">Every entry (evaluable or not).</param>
/// <param name="Seasons">Every season start with N days of readiness before it.</param>
/// <param name="Precision">Evaluable entries followed by a season within N days / evaluable entries (NaN without
/// any).</param>
/// <param name="Recall">Season starts with an entry in the N days before / season starts (NaN without any).</param>
/// <param name="MedianLeadDays">Median days from a hit entry to its season (NaN without a hit).</param>
/// <param name="RandomPrecision">Mean precision of random entry sets of the same size.</param>
/// <param name="RandomRecall">Mean recall of the same random sets.</param>
/// <param name="PrecisionPValue">(1 + random sets with precision ≥ the signal's) / (trials + 1).</param>
/// <param name="RecallPValue">The same for recall.</param>
/// <param name="Warnings">Too few entries or seasons, said plainly.</param>
public sealed record SignalValueResult(
    DateOnly From, DateOnly To, SignalValueParameters Parameters, IReadOnlyList<SignalEntry> Entries,
    IReadOnlyList<SeasonStart> Seasons,
    double Precision, double Recall, double MedianLeadDays, double RandomPrecision, double RandomRecall,
    double PrecisionPValue, double RecallPValue, IReadOnlyList<string> Warnings);
