using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Bellwether.Core.Instruments;

namespace Bellwether.Core.Series;

/// <summary>
/// An immutable daily history of one instrument, stored by column. Dates are strictly increasing;
/// missing fields are NaN. Each row knows its source.
/// </summary>
/// <remarks>Columns are <see cref="ImmutableArray{T}"/>: indexing is an array's, and nobody can write to them.
/// </remarks>
public sealed class DailySeries
{
    private readonly string[] _sources;
    private readonly int[] _sourceIndex;

    /// <summary>Builds a series from rows sorted by strictly increasing date.</summary>
    /// <exception cref="ArgumentException">Dates are not strictly increasing.</exception>
    public DailySeries(Instrument instrument, IReadOnlyList<DailyBar> bars)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(bars);
        Instrument = instrument;
        int n = bars.Count;
        var dates = new DateOnly[n];
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n],
            volume = new double[n], marketCap = new double[n];
        _sourceIndex = new int[n];
        var sourceIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var b = bars[i];
            if (i > 0 && b.Date <= dates[i - 1])
                throw new ArgumentException(
                    $"{instrument.Id}: dates must increase strictly ({dates[i - 1]} then {b.Date}).", nameof(bars));
            dates[i] = b.Date; open[i] = b.Open; high[i] = b.High; low[i] = b.Low; close[i] = b.Close;
            volume[i] = b.Volume; marketCap[i] = b.MarketCap;
            if (!sourceIds.TryGetValue(b.Source, out int id)) sourceIds[b.Source] = id = sourceIds.Count;
            _sourceIndex[i] = id;
        }
        // The arrays were filled here and escape nowhere else: wrapping them keeps the promise without a copy.
        Dates = Keep(dates); Open = Keep(open); High = Keep(high); Low = Keep(low); Close = Keep(close);
        Volume = Keep(volume); MarketCap = Keep(marketCap);
        _sources = new string[sourceIds.Count];
        foreach (var (s, id) in sourceIds) _sources[id] = s;
    }

    private static ImmutableArray<T> Keep<T>(T[] column) => ImmutableCollectionsMarshal.AsImmutableArray(column);

    /// <summary>
    /// A series of closes only, for statistics over many instruments that read nothing else: open, high, low, volume
    /// and market cap are NaN and every row's source is <paramref name="source"/>. The columns are kept, not copied.
    /// </summary>
    /// <exception cref="ArgumentException">The columns differ in length, or the dates do not increase strictly.
    /// </exception>
    public static DailySeries OfCloses(
        Instrument instrument, ImmutableArray<DateOnly> dates, ImmutableArray<double> closes, string source)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(source);
        if (dates.IsDefault || closes.IsDefault) throw new ArgumentException($"{instrument.Id}: no columns given");
        if (dates.Length != closes.Length)
            throw new ArgumentException($"{instrument.Id}: {dates.Length} dates but {closes.Length} closes",
                nameof(closes));
        for (int i = 1; i < dates.Length; i++)
            if (dates[i] <= dates[i - 1])
                throw new ArgumentException(
                    $"{instrument.Id}: dates must increase strictly ({dates[i - 1]} then {dates[i]}).", nameof(dates));
        return new DailySeries(instrument, dates, closes, source);
    }

    private DailySeries(Instrument instrument, ImmutableArray<DateOnly> dates, ImmutableArray<double> closes,
        string source)
    {
        Instrument = instrument;
        Dates = dates;
        Close = closes;
        // One NaN column serves the four missing fields: it cannot be written to.
        var missing = Missing(dates.Length);
        Open = missing; High = missing; Low = missing; Volume = missing; MarketCap = missing;
        _sourceIndex = new int[dates.Length];
        _sources = dates.Length > 0 ? [source] : [];
    }

    private static ImmutableArray<double> Missing(int n)
    {
        var column = new double[n];
        Array.Fill(column, double.NaN);
        return Keep(column);
    }

    /// <summary>Rows <paramref name="start"/> to <paramref name="end"/> (exclusive) of <paramref name="whole"/>:
    /// column copies, no per-row work.</summary>
    private DailySeries(DailySeries whole, int start, int end)
    {
        Instrument = whole.Instrument;
        Dates = whole.Dates[start..end]; Open = whole.Open[start..end]; High = whole.High[start..end];
        Low = whole.Low[start..end]; Close = whole.Close[start..end]; Volume = whole.Volume[start..end];
        MarketCap = whole.MarketCap[start..end];
        // Renumber the sources the kept rows use, in order of first appearance.
        _sourceIndex = new int[end - start];
        var renumber = new int[whole._sources.Length];
        var kept = new List<string>();
        for (int i = 0; i < _sourceIndex.Length; i++)
        {
            int old = whole._sourceIndex[start + i];
            if (renumber[old] == 0)
            {
                kept.Add(whole._sources[old]);
                renumber[old] = kept.Count;
            }
            _sourceIndex[i] = renumber[old] - 1;
        }
        _sources = [.. kept];
    }

    public Instrument Instrument { get; }
    public ImmutableArray<DateOnly> Dates { get; }
    public ImmutableArray<double> Open { get; }
    public ImmutableArray<double> High { get; }
    public ImmutableArray<double> Low { get; }
    public ImmutableArray<double> Close { get; }
    public ImmutableArray<double> Volume { get; }
    public ImmutableArray<double> MarketCap { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Dates.Length;

    /// <summary>The distinct sources of the rows, in order of first appearance.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>The source of row <paramref name="i"/>.</summary>
    public string SourceAt(int i) => _sources[_sourceIndex[i]];

    /// <summary>Row <paramref name="i"/> as a bar.</summary>
    public DailyBar this[int i] =>
        new(Dates[i], Open[i], High[i], Low[i], Close[i], Volume[i], MarketCap[i], SourceAt(i));

    /// <summary>The index of <paramref name="date"/>, or -1 when the series has no row that day.</summary>
    public int IndexOf(DateOnly date)
    {
        int i = Dates.AsSpan().BinarySearch(date);
        return i >= 0 ? i : -1;
    }

    /// <summary>The index of the last row on or before <paramref name="date"/>, or -1 when there is none.</summary>
    public int IndexOnOrBefore(DateOnly date)
    {
        int i = Dates.AsSpan().BinarySearch(date);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The rows dated from <paramref name="from"/> to <paramref name="to"/> inclusive (either bound
    /// optional).</summary>
    public DailySeries Between(DateOnly? from, DateOnly? to)
    {
        int start = from is { } f ? IndexOnOrBefore(f.AddDays(-1)) + 1 : 0;
        int end = to is { } t ? IndexOnOrBefore(t) + 1 : Count;
        if (start == 0 && end == Count) return this;
        return new DailySeries(this, start, Math.Max(start, end));
    }

    /// <summary>The series as it was known on <paramref name="asOf"/>: rows dated on or before it.</summary>
    public DailySeries AsOf(DateOnly asOf) => Between(null, asOf);
}
