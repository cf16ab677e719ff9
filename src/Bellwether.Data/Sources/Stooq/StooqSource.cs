using Bellwether.Data.Import;
using Bellwether.Data.Import.Formats;

namespace Bellwether.Data.Sources.Stooq;

/// <summary>
/// Stooq daily CSV (<c>GET /q/d/l/?s=spy.us&amp;i=d&amp;d1=YYYYMMDD&amp;d2=YYYYMMDD&amp;apikey=…</c>), answering
/// <c>Date,Open,High,Low,Close,Volume</c>: the download <see cref="StooqCsvImporter"/> reads, read the same way. Since
/// 2026 it needs a free key. Over the daily quota it still answers HTTP 200, with the text "Exceeded the daily hits
/// limit" instead of CSV; "No data" means no rows in the range.
/// </summary>
public sealed class StooqSource(SourceSettings settings, string? key, TimeProvider time)
    : HttpSource(settings, time, "bellwether")
{
    private static readonly StooqCsvImporter Download = new();

    public override async Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct)
    {
        var symbol = target.Instrument.Symbol;
        var what = What(target);
        if (key is null)
            throw new SourceException(SourceFailure.KeyMissing,
                $"{Name}: {what}: Stooq needs an API key (free, from stooq.com); set " +
                $"{Settings.ApiKeyVariable ?? "the api_key setting"} or sources.{Name}.api_key in the configuration " +
                "file");
        var context = NewContext(target, "stooq-csv");
        ExportedBars? bars = null;
        int lines = 0;
        foreach (var (from, to) in FetchRules.Windows(target.From, target.UtcToday, Settings.MaxDaysPerRequest))
        {
            var url =
                new Uri(
                    $"q/d/l/?s={Uri.EscapeDataString(symbol)}&i=d&d1={from:yyyyMMdd}&d2={to:yyyyMMdd}&apikey=" +
                    $"{Uri.EscapeDataString(key)}", UriKind.Relative);
            var response = await Client.GetAsync(url, ct);
            ResponseErrors.ThrowUnlessOk(response, Settings, what, target.Now, key);
            var text = response.Text.TrimStart('\uFEFF').TrimStart();
            if (!text.StartsWith("Date,", StringComparison.OrdinalIgnoreCase)
                && !text.StartsWith("Data,", StringComparison.OrdinalIgnoreCase))
            {
                ThrowUnlessNoData(text, what);
                continue;
            }
            var probe = Importers.Probe(context.File.Path, response.Body);
            if (!Download.CanRead(probe)) throw JsonValues.Malformed(Name, what, $"CSV header '{probe.FirstLine}'");
            bars ??= new ExportedBars(context, "stooq", hasVolume: probe.Columns.Length > 5, zeroVolumeIsNone: true);
            lines = bars.ReadCsv(probe, [], lines);
        }
        if (bars is not null)
            FetchRules.AddSeries(context.File, bars.Build(symbol), target, target.UsSessionFinished,
                FetchRules.UsSessionNotOver);
        return context.File;
    }

    // Stooq answers errors as HTTP 200 with a line of text; "No data" is the one that is not an error.
    private void ThrowUnlessNoData(string text, string what)
    {
        if (text.Contains("Exceeded the daily hits limit", StringComparison.OrdinalIgnoreCase))
            throw new SourceException(SourceFailure.RateLimited,
                $"{Name}: {what}: Stooq's daily quota for this key is used up (\"Exceeded the daily hits limit\"); " +
                $"try again tomorrow");
        if (text.StartsWith("No data", StringComparison.OrdinalIgnoreCase)) return;
        if (text.Contains("apikey", StringComparison.OrdinalIgnoreCase)
            || text.Contains("api key", StringComparison.OrdinalIgnoreCase))
            throw new SourceException(SourceFailure.KeyInvalid,
                $"{Name}: {what}: Stooq refused the API key ({ResponseErrors.Excerpt(text, key)}); check the key (it " +
                $"is not shown)");
        throw JsonValues.Malformed(Name, what, $"not CSV: {ResponseErrors.Excerpt(text, key)}");
    }
}
