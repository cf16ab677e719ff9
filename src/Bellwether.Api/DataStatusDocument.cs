using Bellwether.Core.Releases;
using Bellwether.Data.Store;

namespace Bellwether.Api;

/// <summary>The document of <c>data status --json</c> and <c>GET /api/data/status</c>: what the store holds.</summary>
public static class DataStatusDocument
{
    /// <summary>
    /// The store, its schema, and one entry per row of <paramref name="rows"/> (all of
    /// <see cref="BellwetherStore.Status"/> or a filtered part) with its release rule; the coin lists and rankings
    /// (plain objects for <see cref="ApiJson.Options"/>).
    /// </summary>
    public static object Json(BellwetherStore store, IReadOnlyList<InstrumentStatus> rows, bool releaseLags)
    {
        var (coinLists, rankings) = store.ListNames();
        var instruments = store.Instruments().ToDictionary(i => i.Id, StringComparer.Ordinal);
        var releases = instruments.ToDictionary(p => p.Key, p => ReleaseRules.Default.For(p.Value),
            StringComparer.Ordinal);
        var vintages = store.VintageCounts();
        return new
        {
            store = store.Path, schema_version = store.SchemaVersion, release_lags = releaseLags,
            instruments = rows.Select(r => new
            {
                r.Id, r.Class, r.QuoteUnit, r.ContractScale, r.Calendar, r.First, r.Last, r.Rows, r.Gaps, r.OffCalendar,
                r.Sources,
                release = new { rule = releases[r.Id].Rule.Describe(), source = releases[r.Id].Source },
                // Stored vintages: 0 means a revision replaces the value, and earlier as-of dates read the new one.
                vintages = vintages.GetValueOrDefault(instruments[r.Id].QualifiedId),
            }),
            coin_lists = coinLists, rankings,
        };
    }
}
