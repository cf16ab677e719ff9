using System.Text.Json;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;
using Bellwether.Data.Import;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Crypto.AltcoinSeason;

/// <summary>
/// The index on the real data against the independent pandas implementation (tests/reference/altseason.py, which
/// reads the raw CSV files), every day from 2018-01-01 to the last Bitcoin close, and the point-in-time property.
/// </summary>
public class AltcoinSeasonRealDataTests
{
    private sealed record Inputs(List<DailySeries> Coins, List<RankedCoin> Rankings, List<CoinClassification> Flags);

    private static readonly Lazy<Inputs> Data = new(() =>
    {
        using var store = RealData.OpenStore();
        return new Inputs(store.LoadSeriesOfClass(AssetClass.Crypto), store.LoadRankings(), store.LoadClassifications());
    });

    private static AltcoinSeasonIndex Build(AltcoinUniverseOptions? options = null) =>
        new(Data.Value.Coins, Data.Value.Rankings, Data.Value.Flags, options);

    private static readonly DateOnly From = new(2018, 1, 1);
    private static DateOnly To => Build().BenchmarkRange!.Value.Last;

    private static readonly string[] DetailDates = ["2018-03-01", "2019-12-31", "2021-05-01", "2022-11-20", "2023-06-15", "2025-12-15"];

    private static readonly Lazy<JsonElement> DefaultReference = new(() => RunReference(
        "--windows", "30,90,365", "--tops", "50,100", "--from", $"{From:yyyy-MM-dd}", "--to", $"{To:yyyy-MM-dd}",
        "--detail", string.Join(',', DetailDates)));

    private static JsonElement RunReference(params string[] args) =>
        JsonDocument.Parse(Reference.Run("altseason.py", [RealData.Folder, .. args])).RootElement;

    [Theory]
    [InlineData(50, 30)]
    [InlineData(50, 90)]
    [InlineData(50, 365)]
    [InlineData(100, 30)]
    [InlineData(100, 90)]
    [InlineData(100, 365)]
    public void History_matches_pandas_every_day(int top, int window) =>
        AssertSameHistory(Build(), new AltcoinSeasonParameters(window, top), DefaultReference.Value.GetProperty($"{top}/{window}"));

    [Fact]
    public void Latest_ranking_and_overrides_match_pandas()
    {
        var options = new AltcoinUniverseOptions(Combination: RankingCombination.Latest, Exclude: ["ETH", "XRP"], Include: ["PAXG"],
            Aliases: new Dictionary<string, IReadOnlyList<string>> { ["POL"] = ["MATIC"], ["RENDER"] = ["RNDR"] });
        var reference = RunReference("--windows", "90", "--tops", "100", "--from", $"{From:yyyy-MM-dd}", "--to", $"{To:yyyy-MM-dd}",
            "--mode", "latest", "--exclude", "ETH,XRP", "--include", "PAXG", "--alias", "POL=MATIC", "--alias", "RENDER=RNDR");
        AssertSameHistory(Build(options), new AltcoinSeasonParameters(90, 100), reference.GetProperty("100/90"));
    }

    [Fact]
    public void Priority_mode_matches_pandas()
    {
        var reference = RunReference("--windows", "90", "--tops", "50", "--from", $"{From:yyyy-MM-dd}", "--to", $"{To:yyyy-MM-dd}", "--mode", "priority");
        AssertSameHistory(Build(new AltcoinUniverseOptions(Combination: RankingCombination.Priority)), new AltcoinSeasonParameters(90, 50),
            reference.GetProperty("50/90"));
    }

    /// <summary>Real CoinGecko top-100 lists of December 2025 (tests/fixtures/README.md), in the snapshot-list format.</summary>
    private static string SnapshotLists => Path.Combine(Reference.RepoRoot, "tests", "fixtures", "altseason", "coingecko_top100_daily_snapshots.csv");

    [Fact]
    public void Daily_snapshot_lists_and_shared_dates_match_pandas()
    {
        // The 2025-12-01 snapshot shares its date with the monthly membership list: both order-only and without capture
        // times, so the names decide (coingecko… before universe_membership…); later days take the newest list.
        var lists = Importers.Read(SnapshotLists, new ImportOptions()).Rankings;
        var index = new AltcoinSeasonIndex(Data.Value.Coins, Data.Value.Rankings.Concat(lists), Data.Value.Flags);
        var from = new DateOnly(2025, 9, 1);
        var reference = RunReference("--windows", "30,90", "--tops", "50,100", "--from", $"{from:yyyy-MM-dd}", "--to", $"{To:yyyy-MM-dd}",
            "--ranking-file", SnapshotLists);
        foreach (var (top, window) in new[] { (50, 30), (50, 90), (100, 30), (100, 90) })
            AssertSameHistory(index, new AltcoinSeasonParameters(window, top), reference.GetProperty($"{top}/{window}"), from);
        Assert.Equal(("coingecko_top100_daily_snapshots", new DateOnly(2025, 12, 1)),
            index.Rankings.InForce(new(2025, 12, 1)) is { } r ? (r.List, r.Date) : default);
        Assert.Equal(new DateOnly(2025, 12, 22), index.Rankings.InForce(new(2025, 12, 24))!.Date);
    }

    [Theory]
    [InlineData(50, 90)]
    [InlineData(100, 30)]
    [InlineData(50, 365)]
    public void Coins_behind_the_index_match_pandas(int top, int window)
    {
        var index = Build();
        var detail = DefaultReference.Value.GetProperty("detail").GetProperty($"{top}/{window}");
        foreach (var date in DetailDates)
        {
            var expected = detail.GetProperty(date);
            var r = index.At(DateOnly.Parse(date), new AltcoinSeasonParameters(window, top));
            Assert.Equal(expected.GetProperty("ranking")[0].GetString(), r.Ranking!.List);
            Assert.Equal(expected.GetProperty("ranking")[1].GetString(), $"{r.Ranking.Date:yyyy-MM-dd}");
            Assert.Equal(Strings(expected.GetProperty("eligible")), r.Eligible.Select(c => c.Symbol));
            Assert.Equal(Strings(expected.GetProperty("outperformers")), r.Eligible.Where(c => c.BeatsBenchmark).Select(c => c.Symbol));
            Assert.Equal(expected.GetProperty("bitcoin_ratio").GetDouble() - 1, r.BenchmarkReturn, 12);
        }
    }

    [Fact]
    public void As_of_a_date_equals_computing_on_data_truncated_there()
    {
        var full = Build();
        var parameters = new[] { new AltcoinSeasonParameters(30, 50), new AltcoinSeasonParameters(90, 100), new AltcoinSeasonParameters(365, 50) };
        var dates = new List<DateOnly>();
        for (var d = new DateOnly(2017, 12, 20); d <= To; d = d.AddDays(53)) dates.Add(d);
        dates.AddRange([new(2020, 1, 1), new(2019, 12, 31), new(2025, 10, 1), To]);
        foreach (var d in dates)
        {
            var truncated = new AltcoinSeasonIndex(
                Data.Value.Coins.Select(s => s.AsOf(d)).Where(s => s.Count > 0),
                Data.Value.Rankings.Where(r => r.Date <= d), Data.Value.Flags);
            foreach (var p in parameters)
            {
                var a = full.At(d, p);
                var b = truncated.At(d, p);
                Assert.Equal((a.Status, a.Index, a.BenchmarkReturn), (b.Status, b.Index, b.BenchmarkReturn));
                Assert.Equal((a.Ranking?.List, a.Ranking?.Date), (b.Ranking?.List, b.Ranking?.Date));
                Assert.Equal(a.Eligible, b.Eligible);
                Assert.Equal(a.Skipped, b.Skipped);
            }
        }
    }

    private static void AssertSameHistory(AltcoinSeasonIndex index, AltcoinSeasonParameters p, JsonElement expected, DateOnly? from = null)
    {
        var dates = Strings(expected.GetProperty("dates"));
        var history = index.History(from ?? From, To, p);
        var statuses = Strings(expected.GetProperty("status"));
        Assert.Equal(dates, history.Select(h => $"{h.Date:yyyy-MM-dd}"));
        var indexValues = expected.GetProperty("index").EnumerateArray().ToArray();
        var eligible = expected.GetProperty("eligible").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var outperformers = expected.GetProperty("outperformers").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        for (int i = 0; i < history.Length; i++)
        {
            var h = history[i];
            double want = indexValues[i].ValueKind == JsonValueKind.Null ? double.NaN : indexValues[i].GetDouble();
            Assert.True((h.Eligible, h.Outperformers) == (eligible[i], outperformers[i]),
                $"{h.Date}: C# {h.Outperformers}/{h.Eligible}, pandas {outperformers[i]}/{eligible[i]}");
            Assert.True(want.Equals(h.Index), $"{h.Date}: C# {h.Index}, pandas {want}");
            Assert.True(JsonNamingPolicy.SnakeCaseLower.ConvertName(h.Status.ToString()) == statuses[i], $"{h.Date}: C# {h.Status}, pandas {statuses[i]}");
        }
        Assert.Contains(history, h => h.IsDefined); // the comparison covered real values
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
