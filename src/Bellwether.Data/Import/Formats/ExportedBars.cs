using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Data.Csv;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// What the OHLCV exports of charting sites (Yahoo Finance, Stooq) have in common: one ticker, a date and
/// open/high/low/close[/volume] per row, daily bars only. Gathers the rows of one ticker and builds its series.
/// </summary>
/// <remarks>
/// A row with no price at all (Yahoo's row of <c>null</c>s) is a counted skip. A row that has a close but lacks
/// open, high, low or volume is kept with those fields missing (NaN), and a note counts such rows: the close is
/// what every statistic uses, and dropping the day would open a gap that is not in the market. A row with no
/// close but other prices is bad input.
/// </remarks>
internal sealed class ExportedBars(RowContext context, string source, bool hasVolume)
{
    private readonly BarCollector _collector = new(context, pricesMustBePositive: true);
    private int _weekendRows, _partialRows;

    /// <summary>Adds one row; NaN fields are missing.</summary>
    public void Add(int line, DateOnly date, double open, double high, double low, double close, double volume)
    {
        if (double.IsNaN(open) && double.IsNaN(high) && double.IsNaN(low) && double.IsNaN(close))
        {
            context.Empty(line, "row", "no prices (null)");
            return;
        }
        if (!_collector.Add(line, new DailyBar(date, open, high, low, close, volume, double.NaN, source))) return;
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) _weekendRows++;
        if (double.IsNaN(open) || double.IsNaN(high) || double.IsNaN(low) || (hasVolume && double.IsNaN(volume))) _partialRows++;
    }

    /// <summary>
    /// Reads a CSV whose header (<paramref name="columns"/>) names <c>Date,Open,High,Low,Close</c> and optionally
    /// <c>Volume</c> (any order, any case; other columns are ignored). Cells equal to one of <paramref name="missing"/>
    /// are missing values. <paramref name="lineOffset"/> numbers the lines after those of earlier parts of a paged download.
    /// </summary>
    /// <returns>The number of the last line, offset included.</returns>
    public int ReadCsv(string[] columns, ReadOnlySpan<byte> data, string[] missing, int lineOffset = 0)
    {
        int Column(string name) => Array.FindIndex(columns, c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
        int date = Column("Date"), open = Column("Open"), high = Column("High"), low = Column("Low"), close = Column("Close"), volume = Column("Volume");
        if (Math.Min(Math.Min(date, open), Math.Min(Math.Min(high, low), close)) < 0)
            throw context.Fatal("header", $"expected the columns Date,Open,High,Low,Close; found {string.Join(',', columns)}");
        return HeaderedCsv.ForEachRow(data, context, columns.Length, (in CsvRow row) =>
        {
            if (!TryDate(row, date, columns[date], out var d)) return;
            if (!row.TryNumber(open, columns[open], out double o, missing) || !row.TryNumber(high, columns[high], out double h, missing)
                || !row.TryNumber(low, columns[low], out double l, missing) || !row.TryNumber(close, columns[close], out double c, missing)
                || !row.TryNumber(volume, volume < 0 ? "Volume" : columns[volume], out double v, missing))
                return;
            Add(row.Line, d, o, h, l, c, v);
        }, lineOffset: lineOffset);
    }

    /// <summary>
    /// The series of <paramref name="ticker"/> (see <see cref="Tickers.Instrument"/>).
    /// Bars that are not daily (no two rows closer than five days) stop the import.
    /// </summary>
    public DailySeries Build(string ticker)
    {
        var instrument = Tickers.Instrument(ticker, _weekendRows, _collector.Count, context.File.Notes);
        var series = _collector.Build(instrument);
        RequireDaily(series, context);
        if (_partialRows > 0)
            context.File.Notes.Add($"{instrument.Id}: {_partialRows} rows lack open, high, low or volume; those fields are stored as missing");
        if (instrument.Class == AssetClass.EquityIndex && hasVolume) context.File.Notes.Add($"{instrument.Id}: index volume is stored but not meaningful");
        return series;
    }

    /// <summary>Stops the import when the rows are weekly or coarser: Bellwether stores daily bars only.</summary>
    public static void RequireDaily(DailySeries series, RowContext context)
    {
        if (series.Count < 3) return;
        int minGap = int.MaxValue;
        for (int i = 1; i < series.Count; i++) minGap = Math.Min(minGap, series.Dates[i].DayNumber - series.Dates[i - 1].DayNumber);
        if (minGap >= 5)
            throw context.Fatal("date", $"no two rows are less than {minGap} days apart: these are weekly or monthly bars, and Bellwether stores daily bars only");
    }

    /// <summary>Reads <c>2024-01-02</c>, also with a time after it (<c>2024-01-02 00:00:00-05:00</c>, as yfinance writes): the date is the exchange's.</summary>
    public static bool TryDate(in CsvRow row, int i, string field, out DateOnly date)
    {
        var s = row[i];
        if (s.Length > 10 && (s[10] == (byte)' ' || s[10] == (byte)'T')) s = s[..10];
        if (CsvText.TryParseIsoDate(s, out date)) return true;
        row.Context.Bad(row.Line, field, $"'{CsvText.Text(row[i])}' is not a date (expected yyyy-MM-dd)");
        return false;
    }
}
