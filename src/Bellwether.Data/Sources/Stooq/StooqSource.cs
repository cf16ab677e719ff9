using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Data.Csv;
using Bellwether.Data.Import;

namespace Bellwether.Data.Sources.Stooq;

/// <summary>
/// Stooq daily CSV (<c>GET /q/d/l/?s=spy.us&amp;i=d&amp;d1=YYYYMMDD&amp;d2=YYYYMMDD&amp;apikey=…</c>), answering
/// <c>Date,Open,High,Low,Close,Volume</c>. Since 2026 it needs a free key. Over the daily quota it still answers HTTP 200,
/// with the text "Exceeded the daily hits limit" instead of CSV; "No data" means no rows in the range.
/// </summary>
public sealed class StooqSource(SourceSettings settings, string? key, TimeProvider time) : IDataSource
{
    private readonly SourceClient _client = new(settings, time, "bellwether");

    public string Name => settings.Name;
    public SourceSettings Settings => settings;
    public List<string> TakeRetryNotes() => _client.TakeRetryNotes();

    public async Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct)
    {
        var symbol = target.Instrument.Symbol;
        var what = $"{target.Instrument.Id} ({symbol})";
        if (key is null)
            throw new SourceException(SourceFailure.KeyMissing,
                $"{Name}: {what}: Stooq needs an API key (free, from stooq.com); set {settings.ApiKeyVariable ?? "the api_key setting"} or sources.{Name}.api_key in the configuration file");
        var file = FetchRules.NewFile(Name, target, "stooq-csv");
        var context = new RowContext(file, target.Options);
        var collector = new BarCollector(context, pricesMustBePositive: true);
        int unfinished = 0, lineBase = 0;
        foreach (var (from, to) in FetchRules.Windows(target.From, target.UtcToday, settings.MaxDaysPerRequest))
        {
            var url = new Uri($"q/d/l/?s={Uri.EscapeDataString(symbol)}&i=d&d1={from:yyyyMMdd}&d2={to:yyyyMMdd}&apikey={Uri.EscapeDataString(key)}", UriKind.Relative);
            var response = await _client.GetAsync(url, ct);
            ResponseErrors.ThrowUnlessOk(response, settings, what, target.Now, keyed: true);
            var text = response.Text.TrimStart('\uFEFF').TrimStart();
            if (!text.StartsWith("Date,", StringComparison.OrdinalIgnoreCase))
            {
                ThrowUnlessNoData(text, what);
                continue;
            }
            int newline = text.IndexOf('\n');
            var header = HeaderedCsv.Header((newline >= 0 ? text[..newline] : text).TrimEnd('\r'));
            if (header.Length < 5 || !header[1].Equals("Open", StringComparison.OrdinalIgnoreCase) || !header[4].Equals("Close", StringComparison.OrdinalIgnoreCase))
                throw JsonValues.Malformed(Name, what, $"CSV header '{string.Join(',', header)}'");
            int volume = Array.FindIndex(header, h => h.Equals("Volume", StringComparison.OrdinalIgnoreCase));
            int lines = 0;
            HeaderedCsv.ForEachRow(response.Body, context, 5, (in CsvRow row) =>
            {
                lines = row.Line;
                if (!row.TryDate(0, "Date", out var date) || !row.TryNumber(1, "Open", out double o) || !row.TryNumber(2, "High", out double h)
                    || !row.TryNumber(3, "Low", out double l) || !row.TryNumber(4, "Close", out double c) || !row.TryNumber(volume, "Volume", out double v))
                    return;
                if (!FetchRules.UsSessionFinished(date, target.Now)) { unfinished++; return; }
                collector.Add(lineBase + row.Line, new DailyBar(date, o, h, l, c, v, double.NaN, "stooq"));
            });
            lineBase += lines;
        }
        var id = target.Instrument.Id;
        var instrument = new Instrument(id, symbol.StartsWith('^') ? AssetClass.EquityIndex : AssetClass.Etf, "USD", 1, CalendarKind.UsEquity);
        FetchRules.AddSeries(file, collector, target, instrument, unfinished, "the session is not over (before 17:00 New York)");
        return file;
    }

    // Stooq answers errors as HTTP 200 with a line of text; "No data" is the one that is not an error.
    private void ThrowUnlessNoData(string text, string what)
    {
        if (text.Contains("Exceeded the daily hits limit", StringComparison.OrdinalIgnoreCase))
            throw new SourceException(SourceFailure.RateLimited, $"{Name}: {what}: Stooq's daily quota for this key is used up (\"Exceeded the daily hits limit\"); try again tomorrow");
        if (text.StartsWith("No data", StringComparison.OrdinalIgnoreCase)) return;
        if (text.Contains("apikey", StringComparison.OrdinalIgnoreCase) || text.Contains("api key", StringComparison.OrdinalIgnoreCase))
            throw new SourceException(SourceFailure.KeyInvalid, $"{Name}: {what}: Stooq refused the API key ({ResponseErrors.Excerpt(text)}); check the key (it is not shown)");
        throw JsonValues.Malformed(Name, what, $"not CSV: {ResponseErrors.Excerpt(text)}");
    }

    public void Dispose() => _client.Dispose();
}
