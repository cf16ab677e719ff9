using Bellwether.Data.Import;

namespace Bellwether.Data.Sources;

/// <summary>
/// What every source client has in common: its settings, the HTTP client with the resilience pipeline and its retry
/// notes, and the file a fetch fills. A source adds its requests, its error bodies, and hands the answers to the
/// importers' code for the same format.
/// </summary>
public abstract class HttpSource(SourceSettings settings, TimeProvider time, string userAgent) : IDataSource
{
    /// <summary>The user agent for sites that turn scripts away (Yahoo answers 429, Cloudflare a challenge
    /// page).</summary>
    protected const string BrowserAgent = "Mozilla/5.0 (X11; Linux x86_64) bellwether";

    /// <summary>The client every request of the source goes through.</summary>
    protected SourceClient Client { get; } = new(settings, time, userAgent);

    public string Name => Settings.Name;
    public SourceSettings Settings { get; } = settings;
    public List<string> TakeRetryNotes() => Client.TakeRetryNotes();

    public abstract Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct);

    /// <summary>How messages name the instrument: <c>BTC (BTCUSDT)</c>, or <c>DFF</c> when id and symbol are the
    /// same.</summary>
    protected static string What(FetchTarget target) =>
        target.Instrument.Id == target.Instrument.Symbol ? target.Instrument.Id
        : $"{target.Instrument.Id} ({target.Instrument.Symbol})";

    /// <summary>
    /// Where a fetch reports bad rows, with <c>--skip-bad</c> as for imports: a new file whose path names the source
    /// and symbol (never a key), read as <paramref name="format"/>.
    /// </summary>
    protected RowContext NewContext(FetchTarget target, string format) =>
        new(new ParsedFile($"fetch:{Name}/{target.Instrument.Symbol}", format), target.Options);

    public void Dispose()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
    }
}
