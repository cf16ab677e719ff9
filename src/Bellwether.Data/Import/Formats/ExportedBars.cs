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
/// close but other prices is bad input. When volume is the last column, a row may leave it out (Stooq's old index
/// rows): it is missing, never 0.
/// </remarks>
/// <param name="zeroVolumeIsNone">The source writes a volume of 0 for "no volume known" (Stooq): stored as
/// missing.</param>
internal sealed class ExportedBars(RowContext context, string source, bool hasVolume, bool zeroVolumeIsNone = false)
{
    private readonly BarCollector _collector = new(context, pricesMustBePositive: true);
    private int _weekendRows, _partialRows, _zeroVolumes;

    // The columns by meaning, as English sites and Stooq's Polish site (stooq.pl) name them.
    private static readonly (string Field, string[] Names)[] ColumnNames =
    [
        ("Date", ["Date", "Data"]), ("Open", ["Open", "Otwarcie"]), ("High", ["High", "Najwyzszy", "Najwyższy"]),
        ("Low", ["Low", "Najnizszy", "Najniższy"]), ("Close", ["Close", "Zamkniecie", "Zamknięcie"]),
            ("Volume", ["Volume", "Wolumen"]),
    ];

    /// <summary>True when header column <paramref name="column"/> names <paramref name="field"/> (<c>Date</c>,
    /// <c>Open</c>, …, <c>Volume</c>) in any language read.</summary>
    public static bool Names(string column, string field) =>
        ColumnNames.First(c => c.Field == field).Names.Any(n => n.Equals(column, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds one row; NaN fields are missing.</summary>
    public void Add(int line, DateOnly date, double open, double high, double low, double close, double volume)
    {
        if (double.IsNaN(open) && double.IsNaN(high) && double.IsNaN(low) && double.IsNaN(close))
        {
            context.Empty(line, "row", "no prices (null)");
            return;
        }
        if (zeroVolumeIsNone && volume == 0)
        {
            volume = double.NaN;
            _zeroVolumes++;
        }
        if (!_collector.Add(line, new DailyBar(date, open, high, low, close, volume, double.NaN, source))) return;
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) _weekendRows++;
        if (double.IsNaN(open) || double.IsNaN(high) || double.IsNaN(low)
            || (hasVolume && double.IsNaN(volume))) _partialRows++;
    }

    /// <summary>
    /// Reads a CSV whose header names <c>Date,Open,High,Low,Close</c> and optionally
    /// <c>Volume</c> (any order, any case; other columns are ignored). Cells equal to one of <paramref name="missing"/>
    /// are missing values; a trailing volume column may be left out. <paramref name="lineOffset"/> numbers the lines
    /// after those of earlier parts of a paged download.
    /// </summary>
    /// <returns>The number of the last line, offset included.</returns>
    public int ReadCsv(FileProbe probe, string[] missing, int lineOffset = 0)
    {
        var columns = probe.Columns;
        int Column(string field) => Array.FindIndex(columns, c => Names(c, field));
        int date = Column("Date"), open = Column("Open"), high = Column("High"), low = Column("Low"),
            close = Column("Close"), volume = Column("Volume");
        if (Math.Min(Math.Min(date, open), Math.Min(Math.Min(high, low), close)) < 0)
            throw context.Fatal("header",
                $"expected the columns Date,Open,High,Low,Close; found {string.Join(',', columns)}");
        return HeaderedCsv.ForEachRow(probe, context, columns.Length, (in CsvRow row) =>
        {
            if (!TryDate(row, date, columns[date], out var d)) return;
            if (!row.TryNumber(open, columns[open], out double o, missing)
                || !row.TryNumber(high, columns[high], out double h, missing)
                || !row.TryNumber(low, columns[low], out double l, missing)
                || !row.TryNumber(close, columns[close], out double c, missing)
                || !row.TryNumber(volume, volume < 0 ? "Volume" : columns[volume], out double v, missing))
                return;
            Add(row.Line, d, o, h, l, c, v);
        }, lineOffset: lineOffset, optionalTrailing: volume == columns.Length - 1 ? 1 : 0);
    }

    /// <summary>
    /// The series of <paramref name="ticker"/> (see <see cref="Tickers.Instrument"/>).
    /// Rows at a coarser frequency are set aside (see <see cref="BarCollector.Build"/>).
    /// </summary>
    public DailySeries Build(string ticker)
    {
        var instrument = Tickers.Instrument(ticker, _weekendRows, _collector.Count, context.File.Notes);
        var series = _collector.Build(instrument, dailyOnly: true);
        if (_partialRows > 0)
            context.File.Notes.Add(
                $"{instrument.Id}: {_partialRows} rows lack open, high, low or volume; those fields are stored as " +
                $"missing");
        if (_zeroVolumes > 0) context.File.Notes.Add(
            $"{instrument.Id}: {_zeroVolumes} volumes of 0 (the source's 'none') stored as missing");
        if (instrument.Class == AssetClass.EquityIndex
            && hasVolume) context.File.Notes.Add($"{instrument.Id}: index volume is stored but not meaningful");
        return series;
    }

    /// <summary>Reads <c>2024-01-02</c>, also with a time after it (<c>2024-01-02 00:00:00-05:00</c>, as yfinance
    /// writes): the date is the exchange's.</summary>
    public static bool TryDate(in CsvRow row, int i, string field, out DateOnly date)
    {
        var s = row[i];
        if (s.Length > 10 && (s[10] == (byte)' ' || s[10] == (byte)'T')) s = s[..10];
        if (CsvText.TryParseIsoDate(s, out date)) return row.Context.AcceptDate(row.Line, field, date);
        row.Context.Bad(row.Line, field, $"'{CsvText.Text(row[i])}' is not a date (expected yyyy-MM-dd)");
        return false;
    }
}
