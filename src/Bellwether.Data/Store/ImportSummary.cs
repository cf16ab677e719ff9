using Bellwether.Core.Instruments;

namespace Bellwether.Data.Store;

/// <summary>What an import changed in the store for one instrument or list.</summary>
/// <param name="Key">Instrument id, or the name of a coin list or ranking.</param>
/// <param name="Inserted">Rows that were not in the store.</param>
/// <param name="Updated">Rows whose values differed from the stored ones (revisions).</param>
/// <param name="Unchanged">Rows already stored with the same values.</param>
public sealed record StoreChange(string Key, long Inserted, long Updated, long Unchanged)
{
    public long Changed => Inserted + Updated;
}

/// <summary>What an import did to the store, by instrument (the id it is shown under) or list.</summary>
public sealed record ImportSummary(IReadOnlyDictionary<string, StoreChange> Changes)
{
    /// <summary>The id each parsed instrument is shown under once stored (<c>SPX</c>, or <c>INDEX:SPX</c> beside a
    /// <c>CRYPTO:SPX</c>).</summary>
    public IReadOnlyDictionary<Instrument, string> Ids { get; init; } = new Dictionary<Instrument, string>();

    /// <summary>The id <paramref name="parsed"/> is shown under once stored.</summary>
    public string IdOf(Instrument parsed) => Ids.GetValueOrDefault(parsed) ?? parsed.Id;

    public long Inserted => Changes.Values.Sum(c => c.Inserted);
    public long Updated => Changes.Values.Sum(c => c.Updated);
    public long Unchanged => Changes.Values.Sum(c => c.Unchanged);
}

/// <summary>One row of <c>bellwether data status</c>.</summary>
public sealed record InstrumentStatus(
    string Id, string Class, string QuoteUnit, double ContractScale, string Calendar,
    DateOnly? First, DateOnly? Last, long Rows, long Gaps, long OffCalendar, string Sources);
