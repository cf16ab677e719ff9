using Bellwether.Data.Sources;
using Bellwether.Data.Store;
using Bellwether.TestSupport.Sources;
using DuckDB.NET.Data;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bellwether.Data.Tests.Sources;

/// <summary>A temporary store and a way to run fetch against fakes, on a fake clock.</summary>
public sealed class SourceTestBed : IDisposable
{
    /// <summary>The fetch's clock: retry delays and timeouts wait on it (<see cref="FakeClock"/> moves it).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-fetch-").FullName;
    private BellwetherStore? _store;

    // One open store for the whole test: opening and closing DuckDB (a checkpoint each time) dominates otherwise.
    private BellwetherStore Store => _store ??= BellwetherStore.Open(StorePath);

    private void Close()
    {
        _store?.Dispose();
        _store = null;
    }

    public string StorePath => Path.Combine(_dir, "store.duckdb");

    /// <summary>Runs one fetch of the given sources at the fakes' clock.</summary>
    public FetchReport Run(DateTimeOffset now, IReadOnlyList<SourceSettings> sources, Func<string, string?>? environment = null,
        DateOnly? since = null, Action<InstrumentOutcome>? onOutcome = null, CancellationToken ct = default)
    {
        var configuration = FetchConfiguration.From(sources, environment ?? (_ => null));
        var fetcher = new Fetcher(Store, configuration, Clock);
        return FakeClock.Drive(Clock, Task.Run(() => fetcher.RunAsync(new FetchRequest(now, Since: since), onOutcome, ct), CancellationToken.None));
    }

    /// <summary>Runs the fake's source at the fake's clock.</summary>
    public InstrumentOutcome Run(ApiFake fake, SourceSettings? settings = null) =>
        Assert.Single(Run(fake.Now, [settings ?? fake.Settings()]).Outcomes);

    public T With<T>(Func<BellwetherStore, T> read) => read(Store);

    public void With(Action<BellwetherStore> check) => check(Store);

    public string Fingerprint() => With(s => s.ContentFingerprint());

    /// <summary>Rows sharing a key in bars, flows or rankings: must be zero whatever happened.</summary>
    public long Duplicates()
    {
        Close();
        using var connection = new DuckDBConnection($"Data Source={StorePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) - count(DISTINCT (instrument, date)) FROM bars)
                 + (SELECT count(*) - count(DISTINCT (instrument, date, fund)) FROM flows)
                 + (SELECT count(*) - count(DISTINCT (list, date, rank)) FROM rankings)
            """;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    /// <summary>Everything the store holds, as text, for "no key anywhere" checks.</summary>
    public string Dump()
    {
        Close();
        using var connection = new DuckDBConnection($"Data Source={StorePath}");
        connection.Open();
        var text = new System.Text.StringBuilder();
        foreach (var table in new[] { "instruments", "bars", "flows", "rankings", "imports", "source_updates" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                for (int i = 0; i < reader.FieldCount; i++) text.Append(reader.GetValue(i)).Append('|');
        }
        return text.ToString();
    }

    public void Dispose()
    {
        Close();
        Directory.Delete(_dir, recursive: true);
    }
}
