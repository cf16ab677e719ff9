using Bellwether.Data.Import;
using Bellwether.Data.Sources.CoinGecko;
using Bellwether.Data.Store;

namespace Bellwether.Data.Sources;

/// <summary>What a run should do.</summary>
/// <param name="Now">The current time (the caller's clock): decides which day is unfinished.</param>
/// <param name="Sources">Only these sources (null: all enabled ones).</param>
/// <param name="Since">Fetch from this date instead of the last stored date minus the overlap.</param>
/// <param name="SkipBad">Skip bad rows (counted) instead of failing the instrument.</param>
public sealed record FetchRequest(DateTimeOffset Now, IReadOnlyCollection<string>? Sources = null,
    DateOnly? Since = null, bool SkipBad = false);

/// <summary>
/// Brings the store up to date from the configured sources. Sources run concurrently, instruments of one source one
/// after another. Each instrument lands through <see cref="BellwetherStore.Import"/> in its own transaction, or not at
/// all: a failure, a timeout or Ctrl-C leaves the store with whole instruments only, and the next run picks up where
/// the store stands. One source failing never stops the others.
/// </summary>
public sealed class Fetcher(BellwetherStore store, FetchConfiguration configuration, TimeProvider time)
{
    private readonly Lock _storeLock = new();

    // A fetch keeps what stored instruments are and only adds a coin's new quote unit (FetchRules.Merge).
    private static readonly InstrumentChanges FetchedChanges = new(AddQuoteUnits: true);

    /// <summary>The enabled sources a request selects.</summary>
    /// <exception cref="ArgumentException">A requested source does not exist.</exception>
    public IReadOnlyList<SourceSettings> Select(IReadOnlyCollection<string>? names)
    {
        if (names is null
            || names.Count == 0) return [.. configuration.Sources.Where(s => s.Enabled && s.Instruments.Count > 0)];
        var unknown = names.Where(n =>
            configuration.Sources.All(s => !s.Name.Equals(n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException(
                $"unknown source '{string.Join("', '", unknown)}' (known: " +
                $"{string.Join(", ", configuration.Sources.Select(s => s.Name))})");
        return [.. configuration.Sources.Where(s => names.Contains(s.Name, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>Runs the request; <paramref name="onOutcome"/> hears of each instrument as it finishes (from any
    /// thread).</summary>
    public async Task<FetchReport> RunAsync(FetchRequest request, Action<InstrumentOutcome>? onOutcome = null,
        CancellationToken ct = default)
    {
        var selected = Select(request.Sources);
        var tasks = selected.Select(s =>
            Task.Run(() => RunSourceAsync(s, request, onOutcome, ct), CancellationToken.None)).ToList();
        var results = await Task.WhenAll(tasks);
        return new FetchReport([.. results.SelectMany(r => r)], ct.IsCancellationRequested);
    }

    /// <summary>The client of a source (from <see cref="SourceRegistry"/>), with its configured key.</summary>
    public IDataSource Create(SourceSettings s) => SourceRegistry.Create(s, configuration.KeyOf(s.Name), time);

    private async Task<List<InstrumentOutcome>> RunSourceAsync(SourceSettings settings, FetchRequest request,
        Action<InstrumentOutcome>? onOutcome, CancellationToken ct)
    {
        var outcomes = new List<InstrumentOutcome>();
        var redactor = configuration.Redactor;
        using var source = Create(settings);
        string? unreachable = null;
        foreach (var item in settings.Instruments)
        {
            InstrumentOutcome outcome;
            if (ct.IsCancellationRequested)
                outcome = Skip(settings, item, "cancelled before it started");
            else if (unreachable is not null)
            {
                outcome = Skip(settings, item,
                    $"not attempted: {settings.Name} is unreachable") with
                { Failure = SourceFailure.Unreachable };
                lock (_storeLock) store.RecordSourceFailure(item.Id, settings.Name, time.GetUtcNow(),
                    $"{outcome.Error} ({unreachable})");
            }
            else
            {
                outcome = await FetchOneAsync(source, item, request, ct);
                outcome = outcome with
                {
                    Error = outcome.Error is { } e ? redactor.Clean(e) : null,
                    Notes = [.. outcome.Notes.Select(redactor.Clean)]
                };
                if (outcome.Failure == SourceFailure.Unreachable) unreachable = outcome.Error;
                lock (_storeLock)
                {
                    if (outcome.Status == FetchStatus.Failed)
                        store.RecordSourceFailure(item.Id, settings.Name, time.GetUtcNow(), outcome.Error!);
                    else if (outcome.Status is FetchStatus.Updated or FetchStatus.Unchanged)
                        store.RecordSourceSuccess(item.Id, settings.Name, time.GetUtcNow(), outcome.LastDate,
                            outcome.Inserted, outcome.Updated);
                }
            }
            outcomes.Add(outcome);
            onOutcome?.Invoke(outcome);
        }
        return outcomes;
    }

    private static InstrumentOutcome Skip(SourceSettings s, SourceInstrument item, string why) =>
        new(s.Name, item.Id, item.Symbol, FetchStatus.Skipped, null, null, 0, 0, 0, 0, [], why, null);

    private async Task<InstrumentOutcome> FetchOneAsync(IDataSource source, SourceInstrument item, FetchRequest request,
        CancellationToken ct)
    {
        var settings = source.Settings;
        DateOnly from;
        Core.Instruments.Instrument? stored;
        try
        {
            lock (_storeLock)
            {
                stored = store.FindInstrument(item.Id);
                from = request.Since ?? (store.LastStoredDate(item.Id) is { } last
                    ? last.AddDays(-settings.OverlapDays) : settings.HistoryStart);
            }
        }
        catch (Core.Instruments.AmbiguousIdException e)
        {
            return new InstrumentOutcome(settings.Name, item.Id, item.Symbol, FetchStatus.Failed, null, null,
                0, 0, 0, 0, [], $"{settings.Name}: {e.Message} in the fetch configuration", null);
        }
        var target = new FetchTarget(item, from, request.Now, stored,
            new ImportOptions(request.SkipBad) { Clock = time });
        var snapshot = item.Symbol == CoinGeckoSource.MarketsSymbol;
        InstrumentOutcome Failed(string error, SourceFailure? failure) =>
            new(settings.Name, item.Id, item.Symbol, FetchStatus.Failed, snapshot ? null : from, null, 0, 0, 0, 0,
                source.TakeRetryNotes(), error, failure);
        try
        {
            var file = await source.FetchAsync(target, ct);
            var notes = file.Notes.Concat(source.TakeRetryNotes().Select(n => $"{item.Id}: {n}")).ToList();
            DateOnly? lastDate = file.Series.SelectMany(s => s.Dates).Concat(file.Flows.SelectMany(f => f.Dates))
                .Concat(file.Rankings.Select(r => r.Date)).Select(d => (DateOnly?)d).Max();
            long inserted = 0, updated = 0;
            if (file.RowsKept > 0)
            {
                // Once the data is here the import runs to the end: Ctrl-C stops fetching, never a transaction
                // half-way.
                lock (_storeLock)
                {
                    var summary = store.Import([file], time.GetUtcNow(), FetchedChanges);
                    inserted = summary.Inserted;
                    updated = summary.Updated;
                }
            }
            // A revision the source gave no vintage for replaces the stored value: say what that does to earlier dates.
            if (updated > 0 && file.Vintages.Count == 0)
                notes.Add(
                    $"{item.Id}: {updated:#,0} stored value(s) revised without a vintage: as-of readings before " +
                    "today now " +
                          "read the revised values (docs/release-lags.md; FRED keeps vintages with an API key)");
            var status = inserted + updated > 0 ? FetchStatus.Updated : FetchStatus.Unchanged;
            return new InstrumentOutcome(settings.Name, item.Id, item.Symbol, status, snapshot ? null : from, lastDate,
                file.RowsKept, inserted, updated, file.Skipped.Count, notes, null, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Failed("cancelled (Ctrl-C); nothing of it was stored", null) with { Status = FetchStatus.Skipped };
        }
        catch (SourceException e)
        {
            return Failed(e.Message, e.Failure);
        }
        catch (ImportException e)
        {
            return Failed(
                $"{settings.Name}: bad data, nothing stored: {e.Message} (re-run with --skip-bad to skip such rows)",
                SourceFailure.BadResponse);
        }
        catch (Exception e)
        {
            return Failed($"{settings.Name}: {item.Id}: unexpected {e.GetType().Name}: {e.Message}", null);
        }
    }
}
