using System.Globalization;
using Bellwether.Core.Flows;
using Bellwether.Core.Series;
using Bellwether.Data.Import;
using Bellwether.Data.Sources;
using Bellwether.Data.Store;
using Xunit;

namespace Bellwether.TestSupport.Sources;

/// <summary>
/// A loopback stand-in for one public API: it answers in the API's own format, rendered from real rows of the
/// checked-in data excerpt (<see cref="Excerpt"/>), as of <see cref="Now"/> (the row of the current day or session is served unfinished, as the real APIs do).
/// Tests compare what the store holds with <see cref="AssertStored"/>.
/// </summary>
public abstract class ApiFake : IDisposable
{
    protected ApiFake(string source, string id, string symbol)
    {
        Source = source;
        Id = id;
        Symbol = symbol;
        Server = new LoopbackServer(r => Serve(r));
    }

    public LoopbackServer Server { get; }
    public string Source { get; }
    /// <summary>Store id of the instrument the fake serves.</summary>
    public string Id { get; }
    public string Symbol { get; }
    /// <summary>The server's clock.</summary>
    public DateTimeOffset Now { get; set; }
    /// <summary>Where a first fetch starts (kept short so tests stay quick).</summary>
    public abstract DateOnly HistoryStart { get; }
    /// <summary>Dates served with a different close than the real one: a preliminary value the source revises later.</summary>
    public Dictionary<DateOnly, double> Preliminary { get; } = [];
    /// <summary>True when a full history takes several requests.</summary>
    public virtual bool Paginates => true;

    /// <summary>A time at which the fake's last real row is the running, unfinished day (or session).</summary>
    public virtual DateTimeOffset LatestNow => new(2025, 12, 31, 15, 0, 0, TimeSpan.Zero);

    /// <summary>The stored value a <see cref="Preliminary"/> entry changes (the close; fund 0 for flow tables).</summary>
    public virtual double StoredValueAt(BellwetherStore store, DateOnly date)
    {
        var s = store.LoadSeries(Id);
        return s.Close[s.IndexOf(date)];
    }

    /// <summary>Settings pointing at the server, with short timeouts and backoffs so failure tests stay quick.</summary>
    public virtual SourceSettings Settings() => Fast(SourceDefaults.All.Single(s => s.Name == Source) with
    {
        BaseAddress = Server.BaseAddress,
        ApiBaseAddress = Server.BaseAddress,
        Instruments = [new SourceInstrument(Id, Symbol)],
        HistoryStart = HistoryStart,
    });

    /// <summary>
    /// No rate limit, quick connection failures, short retry delays. The timeouts are long on purpose: tests run on a
    /// fake clock (<see cref="FakeClock"/>), where waiting them out costs no real time, and the clock moves while a
    /// request is on its way to a server that has not yet seen it: at 30 s a loaded CI machine let an attempt time out
    /// before its request arrived (2 requests counted where 3 were sent).
    /// </summary>
    public static SourceSettings Fast(SourceSettings s) => s with
    {
        RequestsPerMinute = 100_000,
        AttemptTimeout = TimeSpan.FromMinutes(2),
        TotalTimeout = TimeSpan.FromMinutes(30),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        MaxRetries = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryAfter = TimeSpan.FromSeconds(3),
        CircuitBreakerThroughput = 1000,
        ApiKeyVariable = null,
    };

    /// <summary>The normal answer of the API to a request.</summary>
    protected abstract Reply Serve(ServedRequest r);

    /// <summary>The normal answer, for tests that route requests themselves.</summary>
    public Reply Answer(ServedRequest request) => Serve(request);

    /// <summary>The first date a request asked for (null when the API has no date parameter).</summary>
    public abstract DateOnly? RequestedFrom(ServedRequest r);

    /// <summary>Asserts the store holds exactly the real rows finished by <see cref="Now"/> (from the history start on), no more.</summary>
    public abstract void AssertStored(BellwetherStore store);

    /// <summary>The last finished date as of <see cref="Now"/>.</summary>
    public abstract DateOnly LastFinished { get; }

    /// <summary>A body that is not the API's format.</summary>
    public virtual Reply Malformed() => Reply.Json("{\"unexpected\": [1, 2");

    /// <summary>A real, complete answer to <paramref name="request"/> cut off half-way.</summary>
    public Reply Truncated(ServedRequest request)
    {
        var full = Serve(request);
        return full with { TruncateAt = full.Body.Length / 2 };
    }

    public void Dispose()
    {
        Server.Dispose();
        GC.SuppressFinalize(this);
    }

    // --- helpers for the fakes ---

    /// <summary>The series of an excerpt file, read by the product's own importer.</summary>
    public static DailySeries RealSeries(params string[] path) =>
        Importers.Read(Excerpt.File(path), new ImportOptions(SkipBad: true)).Series.Single();

    /// <summary>The flow table of an excerpt file, read by the product's own importer.</summary>
    public static FlowTable RealFlows(params string[] path) =>
        Importers.Read(Excerpt.File(path), new ImportOptions(SkipBad: true)).Flows.Single();

    /// <summary>Shortest text that parses back to the same double.</summary>
    public static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static long Ms(DateOnly d) => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static DateOnly DateOfMs(long ms) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime);

    public static DateOnly UtcDate(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);

    /// <summary>Compares stored bars with expected bars on the given fields, exactly (NaN equals NaN).</summary>
    public static void AssertSeries(DailySeries expected, DailySeries stored, params string[] fields)
    {
        Assert.Equal(expected.Dates, stored.Dates);
        foreach (var field in fields)
        {
            var (e, s) = field switch
            {
                "open" => (expected.Open, stored.Open),
                "high" => (expected.High, stored.High),
                "low" => (expected.Low, stored.Low),
                "close" => (expected.Close, stored.Close),
                "volume" => (expected.Volume, stored.Volume),
                "market_cap" => (expected.MarketCap, stored.MarketCap),
                _ => throw new ArgumentException(field),
            };
            for (int i = 0; i < e.Length; i++)
                if (!e[i].Equals(s[i])) Assert.Fail($"{expected.Instrument.Id} {expected.Dates[i]:yyyy-MM-dd} {field}: expected {R(e[i])}, stored {R(s[i])}");
        }
    }
}
