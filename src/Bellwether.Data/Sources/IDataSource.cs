using Bellwether.Core.Instruments;
using Bellwether.Data.Import;

namespace Bellwether.Data.Sources;

/// <summary>What to fetch for one instrument.</summary>
/// <param name="Instrument">Store id and source symbol.</param>
/// <param name="From">First date to ask for (last stored date minus the overlap, <c>--since</c>, or the history
/// start).</param>
/// <param name="Now">The current time, from the caller's clock; bars of the unfinished day or session are
/// dropped.</param>
/// <param name="Stored">The instrument as the store knows it, or null; its calendar and units are kept.</param>
/// <param name="Options">Bad-row handling, as for imports.</param>
public sealed record FetchTarget(SourceInstrument Instrument, DateOnly From, DateTimeOffset Now, Instrument? Stored,
    ImportOptions Options)
{
    /// <summary>Today's UTC date: the day whose crypto bar is not finished.</summary>
    public DateOnly UtcToday => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>True when the US session of <paramref name="date"/> is over (see
    /// <see cref="FetchRules.UsSessionFinished"/>).</summary>
    public bool UsSessionFinished(DateOnly date) => FetchRules.UsSessionFinished(date, Now);
}

/// <summary>A public data source: fetches one instrument into a <see cref="ParsedFile"/> for the store's import
/// path.</summary>
public interface IDataSource : IDisposable
{
    /// <summary>The source's name (<c>binance</c>, …), as in the configuration and <c>--source</c>.</summary>
    string Name { get; }

    /// <summary>The source's settings.</summary>
    SourceSettings Settings { get; }

    /// <summary>
    /// Fetches <paramref name="target"/>; the result holds only finished days and passes the importers' validation.
    /// Rows dropped as unfinished are listed in the file's notes.
    /// </summary>
    /// <exception cref="SourceException">The source failed; nothing of this instrument may be stored.</exception>
    /// <exception cref="ImportException">The source answered with bad rows (without <c>--skip-bad</c>).</exception>
    Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct);

    /// <summary>Retry notes since the last call (for the run's summary).</summary>
    List<string> TakeRetryNotes();
}
