using Bellwether.Core.Flows;
using Bellwether.Core.Series;
using Bellwether.Data.Market;
using Bellwether.Data.Store;

namespace Bellwether.Api;

/// <summary>Series and flow tables as known on an as-of date: what was published by the end of that day.</summary>
public static class PublishedReads
{
    /// <summary>
    /// The series <paramref name="id"/> between optional bounds; with <paramref name="asOf"/>, only what was published
    /// by the end of that day (its release rule and vintages), unless <paramref name="releaseLags"/> is false.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such series.</exception>
    public static DailySeries Series(BellwetherStore store, bool releaseLags, string id, DateOnly? asOf,
        DateOnly? from = null, DateOnly? to = null)
    {
        if (asOf is not { } d || !releaseLags) return store.LoadSeries(id, from, to);
        // An unknown id falls through to the store's own error.
        return (new StoreMarketData(store, releaseLags).Published(d).Series(id) ?? store.LoadSeries(id))
            .Between(from, to);
    }

    /// <summary>The flow table <paramref name="id"/>; with <paramref name="asOf"/>, the days published by
    /// then.</summary>
    public static FlowTable Flows(BellwetherStore store, bool releaseLags, string id, DateOnly? asOf) =>
        asOf is { } d && releaseLags
            ? new StoreMarketData(store, releaseLags).Published(d).Flows(id) ?? store.LoadFlows(id)
            : store.LoadFlows(id);
}
