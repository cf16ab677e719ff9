using Bellwether.Core.Board;
using Bellwether.Core.Series;

namespace Bellwether.Core.Claims;

/// <summary>
/// The data a claim kind reads. <see cref="AsOfClaim"/> holds only what was dated on or before the claim date; a
/// reading that needs later data (the final close of a month still running on the claim date) reads <see cref="All"/>
/// and says so in its provenance (<see cref="ReadingProvenance.PointInTime"/> false).
/// </summary>
public sealed class ClaimData(IMarketData all, DateOnly claimDate)
{
    /// <summary>The claim date.</summary>
    public DateOnly ClaimDate { get; } = claimDate;

    /// <summary>The data as known at the end of the claim date: published by then, dated on or before it.</summary>
    public IMarketData AsOfClaim { get; } = new AsOfMarketData(all.Published(claimDate), claimDate);

    /// <summary>All the data, including what came after the claim date.</summary>
    public IMarketData All { get; } = all;

    /// <summary>Provenance of a reading over <paramref name="series"/> from <paramref name="from"/> to
    /// <paramref name="to"/>, allowed to read up to <paramref name="dataThrough"/>.</summary>
    public ReadingProvenance Provenance(IReadOnlyList<DailySeries> series, DateOnly? from, DateOnly? to,
        DateOnly dataThrough) =>
        new(series.Select(s => s.Instrument.Id).ToList(), from, to, dataThrough, dataThrough <= ClaimDate,
            SourcesOf(series, from, to));

    /// <summary>Provenance of a point-in-time reading (data through the claim date).</summary>
    public ReadingProvenance Provenance(IReadOnlyList<DailySeries> series, DateOnly? from, DateOnly? to) =>
        Provenance(series, from, to, ClaimDate);

    /// <summary>Provenance naming instruments only (a reading that could not be taken, or a flow table).</summary>
    public ReadingProvenance Provenance(IReadOnlyList<string> instruments, DateOnly? from = null, DateOnly? to = null,
        IReadOnlyList<string>? sources = null, DateOnly? dataThrough = null) =>
        new(instruments, from, to, dataThrough ?? ClaimDate, (dataThrough ?? ClaimDate) <= ClaimDate, sources ?? []);

    private static List<string> SourcesOf(IReadOnlyList<DailySeries> series, DateOnly? from, DateOnly? to)
    {
        var sources = new List<string>();
        foreach (var s in series)
        {
            int first = from is { } f ? s.IndexOnOrBefore(f.AddDays(-1)) + 1 : 0;
            int last = to is { } t ? s.IndexOnOrBefore(t) : s.Count - 1;
            for (int i = first; i <= last; i++)
            {
                var source = s.SourceAt(i);
                if (!sources.Contains(source)) sources.Add(source);
            }
        }
        return sources;
    }
}
