using Bellwether.Core.Flows;
using Bellwether.Data.Import;
using Bellwether.Data.Store;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Data.Tests.Import.Formats;

/// <summary>
/// The three formats of the Altcoin Season work: daily top-N snapshot lists (rankings), ETF shares outstanding and NAV
/// (flows, derived where not published) and published index readings (a reference series). Fixtures: tests/fixtures.
/// </summary>
public sealed class AltseasonFormatsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private static string Fixture(params string[] parts) => Path.Combine([Reference.RepoRoot, "tests", "fixtures", .. parts]);

    private const string SnapshotHeader = "date,snapshot_commit_utc,rank,name,symbol,price_usd";
    private const string SharesHeader = "date,ticker,shares_out,nav,price,net_flow_musd";
    private const string ReadingsHeader = "date,value,provider,definition,note,source_url";

    private string Write(string name, params string[] lines) => _folder.Write(name, string.Join('\n', lines) + "\n");

    [Fact]
    public void Snapshot_lists_are_rankings_with_their_capture_time()
    {
        var parsed = Importers.Read(Fixture("altseason", "coingecko_top100_daily_snapshots.csv"), new ImportOptions());
        Assert.Equal("ranking", parsed.Format);
        Assert.Equal(600, parsed.Rankings.Count); // six real lists of 100
        Assert.All(parsed.Rankings, r => Assert.Equal("coingecko_top100_daily_snapshots", r.Source));
        Assert.All(parsed.Rankings, r => Assert.True(double.IsNaN(r.MarketCapUsd)));
        var first = parsed.Rankings.Where(r => r.Date == new DateOnly(2025, 12, 15)).OrderBy(r => r.Rank).Take(3);
        Assert.Equal(["BTC", "ETH", "USDT"], first.Select(r => r.Symbol));
        Assert.Contains(parsed.Notes, n => n.Contains("price_usd not stored"));

        // Rows of CMC's 2025-10-01 list (cmc_monthly_top200_snapshots.csv), written as a snapshot list with a time.
        var path = Write("derived_top3.csv", SnapshotHeader,
            "2025-10-01,2025-10-01T11:02:43Z,1,Bitcoin,BTC,118648.93",
            "2025-10-01,2025-10-01 11:02:43+02:00,2,Ethereum,ETH,4351.44",
            "2025-10-01,,3,XRP,XRP,2.96");
        var list = Importers.Read(path, new ImportOptions()).Rankings;
        Assert.Equal(new DateTime(2025, 10, 1, 11, 2, 43, DateTimeKind.Utc), list[0].SnapshotUtc);
        Assert.Equal(new DateTime(2025, 10, 1, 9, 2, 43, DateTimeKind.Utc), list[1].SnapshotUtc);
        Assert.Null(list[2].SnapshotUtc);
    }

    [Theory]
    [InlineData("2025-10-01,yesterday,2,Ethereum,ETH,4351.44", "snapshot_commit_utc", "is not a UTC time")]
    [InlineData("2025-10-01,,two,Ethereum,ETH,4351.44", "rank", "is not a number")]
    [InlineData("2025-10-01,,1,Ethereum,ETH,4351.44", "rank", "appears again with a different coin")]
    [InlineData("2025-10-01,,2,Ethereum,,4351.44", "symbol", "empty")]
    public void Bad_snapshot_rows_name_file_line_and_field(string row, string field, string reason) =>
        AssertBad(Write("snap.csv", SnapshotHeader, "2025-10-01,,1,Bitcoin,BTC,118648.93", row), field, reason);

    [Fact]
    public void Shares_and_nav_become_a_flow_table_per_fund_with_derived_days_marked()
    {
        var path = Fixture("etf", "iwm_shares_nav.csv");
        var parsed = Importers.Read(path, new ImportOptions());
        var table = Assert.Single(parsed.Flows);
        Assert.Equal("IWM_ETF_FLOWS", table.Instrument.Id);
        Assert.Equal(24, parsed.FundShares.Count);
        Assert.Equal(23, table.Count);                               // the first day has nothing to derive from
        Assert.Equal(2, Assert.Single(parsed.Skipped).Line);
        // 2025-11-11: shares 360,000,000 → 361,200,000 at a NAV of 244.24: +293.088 US$ m, derived.
        Assert.Equal(1_200_000 * 244.24 / 1e6, table.Total[0], 9);
        int published = Array.IndexOf(table.Dates, new DateOnly(2025, 12, 1));
        Assert.Equal(-150.25, table.Total[published]);
        Assert.False(table.Derived![published]);
        Assert.Equal(22, table.Derived.Count(d => d));

        using var store = BellwetherStore.Open(Path.Combine(_folder.Path, "store.duckdb"));
        store.Import([parsed], DateTimeOffset.UnixEpoch);
        var stored = store.LoadFlows("IWM_ETF_FLOWS");
        Assert.Equal(table.Dates, stored.Dates);
        Assert.Equal(table.Total, stored.Total);
        Assert.Equal(table.Derived, stored.Derived);
        Assert.Contains(FundShares.DerivedSource, stored.Source);
        Assert.Equal(parsed.FundShares, store.LoadFundShares("IWM"));
        var before = store.ContentFingerprint();
        store.Import([Importers.Read(path, new ImportOptions())], DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.Equal(before, store.ContentFingerprint()); // the same file again changes nothing
    }

    [Theory]
    [InlineData("2025-12-02,IWM,abc,245.17,245.17,", "shares_out", "is not a number")]
    [InlineData("2025-12-02,IWM,,245.17,245.17,", "shares_out", "empty")]
    [InlineData("2025-12-02,IWM,360000000,-1,245.17,", "nav", "not a positive price")]
    [InlineData("2025-12-02,IWM,360000000,,245.17,", "nav", "no net_flow_musd")]
    [InlineData("2025-12-02,IWM,360000000,245.17,245.17,NaN", "net_flow_musd", "NaN")]
    [InlineData("2025-12-01,IWM,360000001,245.62,245.62,", "date", "appears again with different values")]
    [InlineData("2025-12-02,,360000000,245.17,245.17,", "ticker", "empty")]
    public void Bad_share_rows_name_file_line_and_field(string row, string field, string reason) =>
        AssertBad(Write("shares.csv", SharesHeader, "2025-12-01,IWM,360400000,245.62,245.62,", row), field, reason);

    [Fact]
    public void Published_readings_are_a_reference_series_of_their_own()
    {
        var path = Fixture("altseason", "cmc_altseason_published.csv");
        var parsed = Importers.Read(path, new ImportOptions());
        Assert.Equal(13, parsed.PublishedReadings.Count);
        Assert.Empty(parsed.Series);
        var r = parsed.PublishedReadings.Single(x => x.Date == new DateOnly(2025, 12, 7));
        Assert.Equal((19.0, "CoinMarketCap", "top 100, 90 days", (100, 90)), (r.Value, r.Provider, r.Definition, r.Variant!.Value));
        Assert.StartsWith("https://", r.SourceUrl);

        using var store = BellwetherStore.Open(Path.Combine(_folder.Path, "store.duckdb"));
        store.Import([parsed], DateTimeOffset.UnixEpoch);
        Assert.Equal(parsed.PublishedReadings, store.LoadPublishedReadings());
        Assert.Empty(store.Instruments()); // never stored beside computed or market values
    }

    [Theory]
    [InlineData("2025-12-08,,CoinMarketCap,\"top 100, 90 days\",,", "value", "empty")]
    [InlineData("2025-12-08,nineteen,CoinMarketCap,\"top 100, 90 days\",,", "value", "is not a number")]
    [InlineData("2025-12-08,19,,\"top 100, 90 days\",,", "provider", "empty")]
    [InlineData("2025-12-08,19,CoinMarketCap,,,", "definition", "empty")]
    [InlineData("2025-12-07,20,CoinMarketCap,\"top 100, 90 days\",,", "value", "appears again with another reading")]
    [InlineData("2025-12-32,19,CoinMarketCap,\"top 100, 90 days\",,", "date", "is not a date")]
    public void Bad_readings_name_file_line_and_field(string row, string field, string reason) =>
        AssertBad(Write("asi.csv", ReadingsHeader, "2025-12-07,19,CoinMarketCap,\"top 100, 90 days\",,", row), field, reason);

    private static void AssertBad(string path, string field, string reason)
    {
        var e = Assert.Throws<ImportException>(() => Importers.Read(path, new ImportOptions()));
        Assert.Equal((path, 3, field), (e.File, e.Line, e.Field));
        Assert.Contains(reason, e.Message);
        var skipped = Importers.Read(path, new ImportOptions(SkipBad: true));
        Assert.Contains(skipped.Skipped, s => s.Line == 3 && s.Field == field);
    }
}
