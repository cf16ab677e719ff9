using Bellwether.Core.Instruments;

namespace Bellwether.Core.Series;

/// <summary>
/// An immutable daily history of one instrument, stored by column. Dates are strictly increasing;
/// missing fields are NaN. Each row knows its source.
/// </summary>
public sealed class DailySeries
{
    private readonly string[] _sources;
    private readonly int[] _sourceIndex;

    /// <summary>Builds a series from rows sorted by strictly increasing date.</summary>
    /// <exception cref="ArgumentException">Dates are not strictly increasing.</exception>
    public DailySeries(Instrument instrument, IReadOnlyList<DailyBar> bars)
    {
        Instrument = instrument;
        int n = bars.Count;
        Dates = new DateOnly[n]; Open = new double[n]; High = new double[n]; Low = new double[n];
        Close = new double[n]; Volume = new double[n]; MarketCap = new double[n]; _sourceIndex = new int[n];
        var sourceIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var b = bars[i];
            if (i > 0 && b.Date <= Dates[i - 1])
                throw new ArgumentException($"{instrument.Id}: dates must increase strictly ({Dates[i - 1]} then {b.Date}).", nameof(bars));
            Dates[i] = b.Date; Open[i] = b.Open; High[i] = b.High; Low[i] = b.Low; Close[i] = b.Close;
            Volume[i] = b.Volume; MarketCap[i] = b.MarketCap;
            if (!sourceIds.TryGetValue(b.Source, out int id)) sourceIds[b.Source] = id = sourceIds.Count;
            _sourceIndex[i] = id;
        }
        _sources = new string[sourceIds.Count];
        foreach (var (s, id) in sourceIds) _sources[id] = s;
    }

    /// <summary>
    /// A series of closes only, for statistics over many instruments that read nothing else: open, high, low, volume
    /// and market cap are NaN and every row's source is <paramref name="source"/>. The arrays are kept, not copied.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays differ in length, or the dates do not increase strictly.</exception>
    public static DailySeries OfCloses(Instrument instrument, DateOnly[] dates, double[] closes, string source)
    {
        if (dates.Length != closes.Length) throw new ArgumentException($"{instrument.Id}: {dates.Length} dates but {closes.Length} closes", nameof(closes));
        for (int i = 1; i < dates.Length; i++)
            if (dates[i] <= dates[i - 1])
                throw new ArgumentException($"{instrument.Id}: dates must increase strictly ({dates[i - 1]} then {dates[i]}).", nameof(dates));
        return new DailySeries(instrument, dates, closes, source);
    }

    private DailySeries(Instrument instrument, DateOnly[] dates, double[] closes, string source)
    {
        Instrument = instrument;
        Dates = dates;
        Close = closes;
        Open = Missing(dates.Length); High = Missing(dates.Length); Low = Missing(dates.Length);
        Volume = Missing(dates.Length); MarketCap = Missing(dates.Length);
        _sourceIndex = new int[dates.Length];
        _sources = dates.Length > 0 ? [source] : [];
    }

    private static double[] Missing(int n)
    {
        var column = new double[n];
        Array.Fill(column, double.NaN);
        return column;
    }

    /// <summary>Rows <paramref name="start"/> to <paramref name="end"/> (exclusive) of <paramref name="whole"/>: column copies, no per-row work.</summary>
    private DailySeries(DailySeries whole, int start, int end)
    {
        Instrument = whole.Instrument;
        Dates = whole.Dates[start..end]; Open = whole.Open[start..end]; High = whole.High[start..end]; Low = whole.Low[start..end];
        Close = whole.Close[start..end]; Volume = whole.Volume[start..end]; MarketCap = whole.MarketCap[start..end];
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
    public DateOnly[] Dates { get; }
    public double[] Open { get; }
    public double[] High { get; }
    public double[] Low { get; }
    public double[] Close { get; }
    public double[] Volume { get; }
    public double[] MarketCap { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Dates.Length;

    /// <summary>The distinct sources of the rows, in order of first appearance.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>The source of row <paramref name="i"/>.</summary>
    public string SourceAt(int i) => _sources[_sourceIndex[i]];

    /// <summary>Row <paramref name="i"/> as a bar.</summary>
    public DailyBar this[int i] => new(Dates[i], Open[i], High[i], Low[i], Close[i], Volume[i], MarketCap[i], SourceAt(i));

    /// <summary>The index of <paramref name="date"/>, or -1 when the series has no row that day.</summary>
    public int IndexOf(DateOnly date)
    {
        int i = Array.BinarySearch(Dates, date);
        return i >= 0 ? i : -1;
    }

    /// <summary>The index of the last row on or before <paramref name="date"/>, or -1 when there is none.</summary>
    public int IndexOnOrBefore(DateOnly date)
    {
        int i = Array.BinarySearch(Dates, date);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The rows dated from <paramref name="from"/> to <paramref name="to"/> inclusive (either bound optional).</summary>
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
