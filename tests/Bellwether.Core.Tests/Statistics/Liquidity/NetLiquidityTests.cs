using System.Text.Json;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.NetLiquidity;
using Bellwether.Core.Releases;
using Bellwether.Core.Statistics.Liquidity;
using Bellwether.Core.Tests.Board;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.Liquidity;

public class NetLiquidityTests
{
    // Five Wednesdays from 2025-01-01; reverse repo is daily but has no value on Wednesday 2025-01-15.
    private static readonly (string, double)[] Assets =
        [("2025-01-01", 7_000_000), ("2025-01-08", 7_010_000), ("2025-01-15", 7_020_000), ("2025-01-22", 7_030_000), ("2025-01-29", 7_040_000)];
    private static readonly (string, double)[] Treasury =
        [("2025-01-01", 800_000), ("2025-01-08", 790_000), ("2025-01-15", 780_000), ("2025-01-22", 770_000), ("2025-01-29", 760_000)];
    private static readonly (string, double)[] Repo =
        [("2025-01-01", 100), ("2025-01-07", 95), ("2025-01-08", 90), ("2025-01-14", 85), ("2025-01-16", 80), ("2025-01-22", 70), ("2025-01-29", 60)];

    [Fact]
    public void Units_are_converted_and_a_missing_wednesday_is_skipped_not_filled()
    {
        var result = NetLiquidity.Compute(Synthetic.Series("WALCL", "USD millions", Assets), Synthetic.Series("WTREGEN", "USD millions", Treasury),
            Synthetic.Series("RRPONTSYD", "USD billions", Repo));
        Assert.Equal([new(2025, 1, 1), new(2025, 1, 8), new(2025, 1, 22), new(2025, 1, 29)], result.Weeks.Select(w => w.Date));
        Assert.Equal(7000 - 800 - 100, result.Weeks[0].Value, 9);
        Assert.Equal(7030 - 770 - 70, result.Weeks[2].Value, 9);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(new DateOnly(2025, 1, 15), skipped.Date);
        Assert.Equal(["RRPONTSYD"], skipped.Missing);
    }

    [Fact]
    public void Four_week_change_needs_the_week_four_weeks_back()
    {
        var result = NetLiquidity.Compute(Synthetic.Series("WALCL", "USD millions", Assets), Synthetic.Series("WTREGEN", "USD millions", Treasury),
            Synthetic.Series("RRPONTSYD", "USD billions", Repo));
        // 2025-01-29 minus 4 weeks is 2025-01-01, which is present.
        Assert.Equal((7040 - 760 - 60) - (7000 - 800 - 100), result.Weeks[^1].Change4W, 9);
        Assert.True(double.IsNaN(result.Weeks[^1].Change13W));
    }

    [Fact]
    public void As_of_stops_at_the_last_wednesday_on_or_before_it()
    {
        var result = NetLiquidity.Compute(Synthetic.Series("WALCL", "USD millions", Assets), Synthetic.Series("WTREGEN", "USD millions", Treasury),
            Synthetic.Series("RRPONTSYD", "USD billions", Repo), new DateOnly(2025, 1, 21));
        Assert.Equal(new DateOnly(2025, 1, 8), result.Latest!.Date);
        Assert.Equal(new DateOnly(2025, 1, 15), Assert.Single(result.Skipped).Date);
    }

    [Fact]
    public void An_unknown_unit_is_refused()
    {
        var e = Assert.Throws<NotMeasurableException>(() => NetLiquidity.Compute(Synthetic.Series("WALCL", "unknown", Assets),
            Synthetic.Series("WTREGEN", "USD millions", Treasury), Synthetic.Series("RRPONTSYD", "USD billions", Repo)));
        Assert.Contains("WALCL", e.Message);
    }

    [Fact]
    public void A_unit_that_breaks_the_balance_sheet_is_refused()
    {
        // The Treasury account declared in billions while its values are millions: it would exceed total assets.
        var e = Assert.Throws<NotMeasurableException>(() => NetLiquidity.Compute(Synthetic.Series("WALCL", "USD millions", Assets),
            Synthetic.Series("WTREGEN", "USD billions", Treasury), Synthetic.Series("RRPONTSYD", "USD billions", Repo)));
        Assert.Contains("WTREGEN: USD billions", e.Message);
    }

    [Fact]
    public void Every_week_through_2025_matches_pandas()
    {
        using var store = RealData.OpenStore();
        var end = new DateOnly(2025, 12, 31);
        var result = NetLiquidity.Compute(store.LoadSeries("WALCL"), store.LoadSeries("WTREGEN"), store.LoadSeries("RRPONTSYD"), end);
        var reference = JsonDocument.Parse(Reference.Run("net_liquidity.py", RealData.Folder, "2025-12-31")).RootElement;
        var weeks = RelativeAssert.Dates(reference.GetProperty("weeks"));
        Assert.Equal(weeks, result.Weeks.Select(w => w.Date));
        string[] fields = ["net", "walcl", "tga", "rrp", "chg4", "chg13"];
        var expected = fields.Select(f => RelativeAssert.Numbers(reference.GetProperty(f))).ToArray();
        for (int i = 0; i < weeks.Length; i++)
        {
            var w = result.Weeks[i];
            double[] actual = [w.Value, w.TotalAssets, w.TreasuryAccount, w.ReverseRepo, w.Change4W, w.Change13W];
            for (int k = 0; k < fields.Length; k++) RelativeAssert.Equal(expected[k][i], actual[k], $"{fields[k]} {weeks[i]}");
        }
        Assert.Equal(RelativeAssert.Dates(reference.GetProperty("skipped")), result.Skipped.Select(s => s.Date));
        var missing = reference.GetProperty("skipped_missing").EnumerateArray().Select(a => string.Join(",", a.EnumerateArray().Select(x => x.GetString()))).ToList();
        Assert.Equal(missing, result.Skipped.Select(s => string.Join(",", s.Missing)));
    }

    [Fact]
    public void Series_as_of_a_date_equals_the_series_on_data_cut_at_that_date()
    {
        using var store = RealData.OpenStore();
        var (a, t, r) = (store.LoadSeries("WALCL"), store.LoadSeries("WTREGEN"), store.LoadSeries("RRPONTSYD"));
        for (var d = new DateOnly(2019, 1, 1); d <= new DateOnly(2026, 1, 10); d = d.AddDays(41))
        {
            var full = NetLiquidity.Compute(a, t, r, d);
            var cut = NetLiquidity.Compute(a.AsOf(d), t.AsOf(d), r.AsOf(d));
            Assert.Equal(cut.Weeks, full.Weeks);
            Assert.Equal(cut.Skipped.Select(s => (s.Date, string.Join(",", s.Missing))), full.Skipped.Select(s => (s.Date, string.Join(",", s.Missing))));
        }
    }

    [Fact]
    public void The_measurement_refuses_a_broken_week_once_it_is_published_as_the_published_rows_would()
    {
        // The Treasury account exceeds total assets on Wednesday 2025-01-29 alone; H.4.1 levels are public on Thursday.
        (string, double)[] treasury = [.. Treasury[..^1], ("2025-01-29", 7_100_000)];
        var data = new MemoryMarketData(Synthetic.Series("WALCL", "USD millions", Assets),
            Synthetic.Series("WTREGEN", "USD millions", treasury), Synthetic.Series("RRPONTSYD", "USD billions", Repo));
        var publication = new Publication(data, ReleaseRules.Default);
        var measurement = new NetLiquidityMeasurement();
        var o = new NetLiquidityOf("WALCL", "WTREGEN", "RRPONTSYD");
        DateOnly wednesday = new(2025, 1, 29), thursday = new(2025, 1, 30);
        Assert.Equal(new DateOnly(2025, 1, 22),
            measurement.Measure(o, publication.At(wednesday), wednesday).Result!.Latest.Date);
        var measured = Assert.Throws<NotMeasurableException>(() =>
            measurement.Measure(o, publication.At(thursday), thursday));
        var whole = Assert.Throws<NotMeasurableException>(() =>
            NetLiquidity.Compute(data.Series("WALCL")!, data.Series("WTREGEN")!, data.Series("RRPONTSYD")!));
        Assert.Equal(whole.Message, measured.Message);
    }
}
