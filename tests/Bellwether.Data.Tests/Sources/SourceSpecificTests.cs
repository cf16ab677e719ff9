using Bellwether.Data.Sources;
using Bellwether.Data.Sources.CoinGecko;
using Bellwether.TestSupport.Sources;
using Xunit;

namespace Bellwether.Data.Tests.Sources;

/// <summary>Each source's own ways of failing and its own conventions.</summary>
public sealed class SourceSpecificTests : SourceTests
{
    [Fact]
    public void Binance_429_with_a_Retry_After_beyond_the_limit_fails_at_once_naming_the_wait()
    {
        using var fake = Start(new BinanceFake());
        fake.Server.Inject((_, _) => BinanceFake.RateLimited(600));
        var outcome = Bed.Run(fake);
        AssertFailed(outcome, SourceFailure.RateLimited, "Retry-After 600 s");
        Assert.Single(fake.Server.Requests);
    }

    [Fact]
    public void Binance_unknown_symbol_is_not_found_and_not_retried()
    {
        using var fake = Start(new BinanceFake());
        var outcome = Bed.Run(fake, fake.Settings() with { Instruments = [new SourceInstrument("NOPE", "NOPEUSDT")] });
        AssertFailed(outcome, SourceFailure.NotFound, "Invalid symbol");
        Assert.Single(fake.Server.Requests);
    }

    [Fact]
    public void Binance_circuit_breaker_opens_after_repeated_failures_and_spares_the_server()
    {
        using var fake = Start(new BinanceFake());
        fake.Server.Inject((_, _) => Reply.Text("Service Unavailable", 503));
        var settings = fake.Settings() with
        {
            CircuitBreakerThroughput = 4,
            Instruments = [new("BTC", "BTCUSDT"), new("ETH", "ETHUSDT"), new("SOL", "SOLUSDT"), new("XRP", "XRPUSDT")],
        };
        var outcomes = Bed.Run(fake.Now, [settings], ct: TestContext.Current.CancellationToken).Outcomes;
        Assert.All(outcomes, o => Assert.Equal(FetchStatus.Failed, o.Status));
        Assert.Contains(outcomes, o => o.Failure == SourceFailure.CircuitOpen);
        Assert.True(fake.Server.Requests.Count < 4 * 3, $"{fake.Server.Requests.Count} requests: the breaker did not stop them");
    }

    [Fact]
    public void Yahoo_null_entries_are_counted_not_stored()
    {
        using var fake = Start(new YahooFake());
        var outcome = Bed.Run(fake);
        Assert.Equal(FetchStatus.Updated, outcome.Status);
        Assert.True(outcome.Skipped > 0, "the fake sends NYSE holidays as all-null entries");
        Bed.With(fake.AssertStored);
    }

    [Fact]
    public void Yahoo_bars_stamped_at_midnight_new_york_keep_their_date_across_daylight_saving()
    {
        // Fetched in winter (gmtoffset -18000): a summer bar at 04:00 UTC is 00:00 New York, not 23:00 the day before.
        using var fake = Start(new YahooFake { StampsMidnight = true });
        var outcome = Bed.Run(fake);
        Assert.Equal(FetchStatus.Updated, outcome.Status);
        Bed.With(fake.AssertStored);
    }

    [Fact]
    public void A_format_problem_does_not_advise_fetching_again()
    {
        using var fake = Start(new StooqFake(Fakes.Key));
        fake.Server.Inject((_, _) => Reply.Text("Symbol,Last\r\n^RUT,2442.74\r\n", 200, "text/csv"));
        var outcome = Bed.Run(fake);
        AssertFailed(outcome, SourceFailure.BadResponse, "not CSV: Symbol,Last", "not a passing failure");
        Assert.DoesNotContain("again", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Yahoo_unknown_symbol_reports_its_chart_error()
    {
        using var fake = Start(new YahooFake());
        var outcome = Bed.Run(fake, fake.Settings() with { Instruments = [new SourceInstrument("XYZ", "XYZ")] });
        AssertFailed(outcome, SourceFailure.NotFound, "No data found");
    }

    [Fact]
    public void Fred_missing_values_are_skipped_and_counted_in_both_formats()
    {
        foreach (var key in new string?[] { null, Fakes.Key })
        {
            using var bed = new SourceTestBed();
            using var fake = Start(new FredFake(key: key));
            Assert.True(fake.MissingDays > 0);
            var outcome = bed.Run(fake);
            Assert.Equal(FetchStatus.Updated, outcome.Status);
            Assert.Equal(fake.MissingDays, outcome.Skipped);
            bed.With(fake.AssertStored);
        }
    }

    [Fact]
    public void Fred_weekly_series_keeps_its_stored_calendar_on_a_short_update()
    {
        using var fake = Start(new FredFake("WALCL"));
        fake.Now = fake.LatestNow.AddDays(-30);
        Bed.Run(fake);
        var calendar = Bed.With(s => s.FindInstrument("WALCL")!.Calendar);
        Assert.Equal(Core.Calendars.CalendarKind.Weekly, calendar);
        fake.Now = fake.LatestNow;
        Assert.Equal(FetchStatus.Updated, Bed.Run(fake, fake.Settings() with { OverlapDays = 0 }).Status);
        Assert.Equal(calendar, Bed.With(s => s.FindInstrument("WALCL")!.Calendar));
        Bed.With(fake.AssertStored);
    }

    [Fact]
    public void Fred_invalid_key_is_reported_without_the_key()
    {
        using var fake = Start(new FredFake(key: Fakes.Key));
        RunWithWrongKey(fake, "wrong-" + Fakes.Key);
    }

    [Fact]
    public void Stooq_quota_text_on_HTTP_200_is_a_rate_limit()
    {
        using var fake = Start(new StooqFake(Fakes.Key));
        fake.Server.Inject((_, _) => StooqFake.QuotaExceeded());
        var outcome = Bed.Run(fake);
        AssertFailed(outcome, SourceFailure.RateLimited, "Exceeded the daily hits limit");
        Assert.Equal(0, Bed.With(s => s.Instruments().Count));
    }

    [Fact]
    public void Stooq_without_a_key_fails_before_any_request_and_with_a_wrong_key_hides_it()
    {
        using var fake = Start(new StooqFake(Fakes.Key));
        var missing = Bed.Run(fake, fake.Settings() with { ApiKey = null });
        Assert.Equal(SourceFailure.KeyMissing, missing.Failure);
        Assert.Empty(fake.Server.Requests);
        var invalid = RunWithWrongKey(fake, "bad-" + Fakes.Key);
        Assert.Contains("***", invalid.Error); // the fake echoed the key; the message shows it blanked
    }

    [Fact]
    public void Stooq_key_from_the_environment_wins_over_the_file()
    {
        using var fake = Start(new StooqFake(Fakes.Key));
        var variable = "BW_TEST_STOOQ_" + Guid.NewGuid().ToString("N");
        var settings = fake.Settings() with { ApiKey = "file-key-is-wrong", ApiKeyVariable = variable };
        var report = Bed.Run(fake.Now, [settings], name => name == variable ? Fakes.Key : null, ct: TestContext.Current.CancellationToken);
        Assert.Equal(FetchStatus.Updated, Assert.Single(report.Outcomes).Status);
        Assert.All(fake.Server.Requests, r => Assert.Equal(Fakes.Key, r.Query["apikey"]));
    }

    [Fact]
    public void CoinGecko_markets_snapshot_is_stored_as_a_dated_ranking_that_accumulates()
    {
        using var fake = Start(new CoinGeckoFake());
        var settings = fake.Settings() with { Instruments = [new(CoinGeckoSource.MarketsList, CoinGeckoSource.MarketsSymbol)] };
        var outcome = Bed.Run(fake, settings);
        Assert.Equal(FetchStatus.Updated, outcome.Status);
        Assert.Equal(2, fake.Server.Requests.Count); // two pages of 50
        Bed.With(fake.AssertSnapshot);
        fake.Now = fake.Now.AddDays(1);
        Bed.Run(fake, settings);
        var dates = Bed.With(s => s.LoadRankings(CoinGeckoSource.MarketsList)).Select(r => r.Date).Distinct().ToList();
        Assert.Equal([ApiFake.UtcDate(fake.LatestNow), ApiFake.UtcDate(fake.Now)], dates);
    }

    [Fact]
    public void CoinGecko_keyless_history_is_capped_at_365_days_and_says_so()
    {
        using var fake = Start(new CoinGeckoFake());
        var outcome = Bed.Run(fake);
        Assert.Equal("365", Assert.Single(fake.Server.Requests).Query["days"]);
        Assert.Contains(outcome.Notes, n => n.Contains("365 days"));
    }

    [Fact]
    public void CoinGecko_error_10012_explains_the_history_limit()
    {
        using var fake = Start(new CoinGeckoFake());
        fake.Server.Inject((_, _) => CoinGeckoFake.TooFarBack());
        var outcome = Bed.Run(fake);
        AssertFailed(outcome, SourceFailure.NotAllowed, "10012", "bellwether import");
    }

    [Fact]
    public void CoinGecko_demo_key_goes_in_its_header_and_a_wrong_one_is_never_shown()
    {
        using var fake = Start(new CoinGeckoFake(Fakes.Key));
        Assert.Equal(FetchStatus.Updated, Bed.Run(fake).Status);
        Assert.All(fake.Server.Requests, r => Assert.Equal(Fakes.Key, r.Headers["x-cg-demo-api-key"]));
        RunWithWrongKey(fake, "nope-" + Fakes.Key);
    }

    [Fact]
    public void Farside_Cloudflare_page_is_reported_as_blocked_and_points_to_import()
    {
        using var fake = Start(new FarsideFake());
        fake.Server.Inject((_, _) => FarsideFake.Cloudflare());
        var outcome = Bed.Run(fake);
        AssertFailed(outcome, SourceFailure.Blocked, "Cloudflare", "bellwether import");
        Assert.Single(fake.Server.Requests); // a 403 is not retried
    }

    [Fact]
    public void Farside_holiday_rows_of_dashes_are_skipped_never_zero()
    {
        using var fake = Start(new FarsideFake());
        var outcome = Bed.Run(fake);
        Assert.True(fake.HolidayRows(fake.HistoryStart) > 0);
        Assert.True(outcome.Skipped >= fake.HolidayRows(fake.HistoryStart));
        Bed.With(fake.AssertStored); // no holiday date among the stored dates
    }
}
