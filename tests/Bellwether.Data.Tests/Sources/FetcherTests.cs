using Bellwether.Data.Sources;
using Bellwether.TestSupport.Sources;
using Xunit;

namespace Bellwether.Data.Tests.Sources;

/// <summary>The run as a whole: sources independent of each other, cancellation, no network, configuration, secrets.</summary>
public sealed class FetcherTests : SourceTests
{
    [Fact]
    public void One_blocked_source_does_not_stop_the_others()
    {
        using var binance = new BinanceFake { Now = new(2025, 12, 31, 15, 0, 0, TimeSpan.Zero) };
        using var farside = new FarsideFake { Now = binance.Now };
        farside.Server.Inject((_, _) => FarsideFake.Cloudflare());
        var report = Bed.Run(binance.Now, [binance.Settings(), farside.Settings()], ct: TestContext.Current.CancellationToken);
        Assert.Equal(FetchStatus.Updated, report.Outcomes.Single(o => o.Source == "binance").Status);
        Assert.Equal(FetchStatus.Failed, report.Outcomes.Single(o => o.Source == "farside").Status);
        Assert.True(report.AnyFailed);
        Bed.With(binance.AssertStored);
    }

    [Fact]
    public void With_no_network_every_source_fails_fast_and_names_itself()
    {
        var dead = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/");
        var sources = SourceDefaults.All.Select(s => ApiFake.Fast(s) with { BaseAddress = dead, ApiBaseAddress = dead, ApiKey = s.Name == "stooq" ? Fakes.Key : null }).ToList();
        sources[sources.FindIndex(s => s.Name == "stooq")] = sources.Single(s => s.Name == "stooq") with { Instruments = [new("SPY", "spy.us")] };
        var report = Bed.Run(DateTimeOffset.UnixEpoch.AddYears(56), sources, ct: TestContext.Current.CancellationToken);
        foreach (var source in sources)
        {
            var outcomes = report.Outcomes.Where(o => o.Source == source.Name).ToList();
            var first = outcomes[0];
            Assert.Equal(FetchStatus.Failed, first.Status);
            Assert.Equal(SourceFailure.Unreachable, first.Failure);
            Assert.StartsWith($"{source.Name}: unreachable", first.Error);
            Assert.Contains("bellwether import", first.Error);
            Assert.All(outcomes.Skip(1), o => Assert.Equal(FetchStatus.Skipped, o.Status));
        }
        Assert.Empty(Bed.With(s => s.Instruments()));
    }

    [Fact]
    public async Task Cancelling_mid_run_keeps_whole_instruments_only_and_a_rerun_finishes()
    {
        using var fake = new BinanceFake { Now = new(2025, 12, 31, 15, 0, 0, TimeSpan.Zero) };
        using var eth = new BinanceFake("ETH") { Now = fake.Now };
        // ETH's second page hangs until the run is cancelled, 0.3 s (on the bed's clock) after BTC is done.
        fake.Server.Clock = Bed.Clock;
        fake.Server.Handler = r => r.Query["symbol"] == "ETHUSDT" ? Hang(eth, r) : Serve(fake, r);
        var settings = fake.Settings() with { Instruments = [new("BTC", "BTCUSDT"), new("ETH", "ETHUSDT")] };
        using var cancel = new CancellationTokenSource(Timeout.InfiniteTimeSpan, Bed.Clock);
        var run = Task.Run(() => Bed.Run(fake.Now, [settings], ct: cancel.Token, onOutcome: o => { if (o.Instrument == "BTC") cancel.CancelAfter(300); }),
            TestContext.Current.CancellationToken);
        var report = await run;
        Assert.True(report.Cancelled);
        Assert.Equal(FetchStatus.Updated, report.Outcomes.Single(o => o.Instrument == "BTC").Status);
        Assert.Equal(FetchStatus.Skipped, report.Outcomes.Single(o => o.Instrument == "ETH").Status);
        Bed.With(fake.AssertStored);
        Assert.Null(Bed.With(s => s.FindInstrument("ETH")));

        fake.Server.Handler = r => r.Query["symbol"] == "ETHUSDT" ? Serve(eth, r) : Serve(fake, r);
        var rerun = Bed.Run(fake.Now, [settings], ct: TestContext.Current.CancellationToken);
        Assert.False(rerun.AnyFailed);
        Bed.With(eth.AssertStored);
        Assert.Equal(0, Bed.Duplicates());
    }

    private static int _ethRequests;

    private static Reply Hang(ApiFake eth, ServedRequest r) =>
        Interlocked.Increment(ref _ethRequests) % 2 == 0 ? Serve(eth, r) with { Delay = TimeSpan.FromHours(1) } : Serve(eth, r);

    // The fakes' own answer, reached through their server's handler.
    private static Reply Serve(ApiFake fake, ServedRequest r) => fake.Answer(r);

    [Fact]
    public void Configuration_file_overrides_defaults_and_rejects_unknown_settings()
    {
        var dir = Directory.CreateTempSubdirectory("bellwether-config-").FullName;
        try
        {
            var path = Path.Combine(dir, "config.json");
            File.WriteAllText(path, """
                { // comments are allowed
                  "sources": {
                    "binance": { "instruments": { "BTC": "BTCUSDC" }, "requests_per_minute": 120, "base_address": "https://data-api.binance.vision" },
                    "fred": { "instruments": ["DFF", "T10Y2Y"], "api_key": "from-file-1234" },
                    "stooq": { "enabled": false }
                  }
                }
                """);
            var config = FetchConfiguration.Load(path, _ => null);
            var binance = config.Sources.Single(s => s.Name == "binance");
            Assert.Equal([new SourceInstrument("BTC", "BTCUSDC")], binance.Instruments);
            Assert.Equal(120, binance.RequestsPerMinute);
            Assert.Equal("https://data-api.binance.vision/", binance.BaseAddress.ToString());
            Assert.Equal(["DFF", "T10Y2Y"], config.Sources.Single(s => s.Name == "fred").Instruments.Select(i => i.Id));
            Assert.Equal("from-file-1234", config.KeyOf("fred"));
            Assert.Equal("from-env-5678", FetchConfiguration.Load(path, v => v == "FRED_API_KEY" ? "from-env-5678" : null).KeyOf("fred"));
            Assert.False(config.Sources.Single(s => s.Name == "stooq").Enabled);
            Assert.Equal("key *** here", config.Redactor.Clean("key from-file-1234 here"));

            File.WriteAllText(path, """{ "sources": { "binance": { "instrumnets": {} } } }""");
            Assert.Contains("unknown setting 'instrumnets'", Assert.Throws<FormatException>(() => FetchConfiguration.Load(path, _ => null)).Message);
            File.WriteAllText(path, """{ "sources": { "kraken": {} } }""");
            Assert.Contains("unknown source 'kraken'", Assert.Throws<FormatException>(() => FetchConfiguration.Load(path, _ => null)).Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    // New York closes at 16:00; a session counts as over from 17:00 local: 21:00 UTC in summer (EDT), 22:00 UTC in winter (EST).
    [InlineData("2025-07-01", "2025-07-01T20:59:00Z", false)]
    [InlineData("2025-07-01", "2025-07-01T21:00:00Z", true)]
    [InlineData("2025-12-31", "2025-12-31T21:30:00Z", false)]
    [InlineData("2025-12-31", "2025-12-31T22:00:00Z", true)]
    [InlineData("2025-03-10", "2025-03-10T21:00:00Z", true)]   // the Monday after DST starts (9 March)
    [InlineData("2025-11-03", "2025-11-03T21:30:00Z", false)]  // the Monday after DST ends (2 November)
    public void A_US_session_is_over_from_17_00_New_York(string date, string now, bool finished) =>
        Assert.Equal(finished, FetchRules.UsSessionFinished(DateOnly.Parse(date), DateTimeOffset.Parse(now)));
}
