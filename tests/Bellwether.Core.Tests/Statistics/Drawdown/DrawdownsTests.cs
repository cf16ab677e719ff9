using System.Text.Json;
using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.Drawdown;

public class DrawdownsTests
{
    [Fact]
    public void Running_peak_and_drawdown_by_hand()
    {
        var s = Synthetic.Series("X", "USD", ("2025-01-01", 100), ("2025-01-02", 120), ("2025-01-03", 90), ("2025-01-04", double.NaN),
            ("2025-01-05", 60), ("2025-01-06", 120), ("2025-01-07", 108));
        var points = Drawdowns.Compute(s);
        Assert.Equal([0, 0, -0.25, -0.5, 0, -0.1], points.Select(p => Math.Round(p.Drawdown, 12)));
        Assert.Equal(new DateOnly(2025, 1, 6), points[^1].PeakDate); // a close equal to the peak is "at the peak"
        var r = Drawdowns.AsOf(s, new DateOnly(2025, 1, 7))!;
        Assert.Equal(-0.5, r.MaxDrawdown, 12);
        Assert.Equal(new DateOnly(2025, 1, 5), r.MaxDrawdownDate);
        Assert.Equal(new DateOnly(2025, 1, 2), r.MaxDrawdownPeakDate);
        Assert.Equal(1, r.DaysSincePeak);
        Assert.Equal(1, r.MissingCloses);
        Assert.Equal(6, r.Days);
    }

    [Fact]
    public void By_high_uses_the_close_where_the_high_is_missing_or_lower()
    {
        var s = Synthetic.Bars("X", "USD", ("2025-01-01", double.NaN, 100), ("2025-01-02", 110, 105), ("2025-01-03", 90, 99), ("2025-01-04", 100, 88));
        var r = Drawdowns.AsOf(s, new DateOnly(2025, 1, 31), DrawdownBasis.High)!;
        Assert.Equal(110, r.Latest.Peak);
        Assert.Equal(88 / 110.0 - 1, r.Latest.Drawdown, 12);
        Assert.Equal(2, r.HighsFromClose);
        Assert.Equal(new DateOnly(2025, 1, 4), r.Latest.Date);
        Assert.Equal(new DateOnly(2025, 1, 31), r.AsOf);
    }

    [Fact]
    public void Period_start_resets_the_peak_and_empty_period_gives_null()
    {
        var s = Synthetic.Daily("X", "USD", "2025-01-01", 100, 50, 60, 40);
        var r = Drawdowns.AsOf(s, new DateOnly(2025, 1, 4), from: new DateOnly(2025, 1, 2))!;
        Assert.Equal(60, r.Latest.Peak);
        Assert.Equal(-1 / 3.0, r.MaxDrawdown, 12);
        Assert.Null(Drawdowns.AsOf(s, new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void Non_positive_price_is_refused()
    {
        var s = Synthetic.Daily("X", "USD", "2025-01-01", 100, 0, 60);
        Assert.Throws<NotMeasurableException>(() => Drawdowns.Compute(s));
    }

    [Theory]
    [InlineData(DrawdownBasis.Close, "close")]
    [InlineData(DrawdownBasis.High, "high")]
    public void Btc_through_2025_matches_pandas(DrawdownBasis basis, string name)
    {
        using var store = TestData.OpenStore();
        var btc = store.LoadSeries("BTC");
        var end = new DateOnly(2025, 12, 31);
        var reference = JsonDocument.Parse(Reference.Run("drawdown.py", TestData.File("crypto", "daily", "BTC.csv"), name, "-", "2025-12-31")).RootElement;
        var points = Drawdowns.Compute(btc, basis, to: end);
        var dates = RelativeAssert.Dates(reference.GetProperty("dates"));
        var drawdown = RelativeAssert.Numbers(reference.GetProperty("drawdown"));
        var peak = RelativeAssert.Numbers(reference.GetProperty("peak"));
        var peakDates = RelativeAssert.Dates(reference.GetProperty("peak_date"));
        Assert.Equal(dates, points.Select(p => p.Date));
        for (int i = 0; i < points.Length; i++)
        {
            RelativeAssert.Equal(drawdown[i], points[i].Drawdown, $"drawdown {dates[i]}");
            RelativeAssert.Equal(peak[i], points[i].Peak, $"peak {dates[i]}");
            Assert.Equal(peakDates[i], points[i].PeakDate);
        }
        var r = Drawdowns.AsOf(btc, end, basis)!;
        RelativeAssert.Equal(reference.GetProperty("max_drawdown").GetDouble(), r.MaxDrawdown, "max drawdown");
        Assert.Equal(RelativeAssert.Date(reference.GetProperty("max_drawdown_date")), r.MaxDrawdownDate);
        Assert.Equal(RelativeAssert.Date(reference.GetProperty("max_drawdown_peak_date")), r.MaxDrawdownPeakDate);
        Assert.Equal(reference.GetProperty("days_since_peak").GetInt32(), r.DaysSincePeak);
    }

    [Fact]
    public void Reading_as_of_a_date_equals_the_reading_on_data_cut_at_that_date()
    {
        using var store = RealData.OpenStore();
        var btc = store.LoadSeries("BTC");
        for (var d = new DateOnly(2013, 1, 5); d <= new DateOnly(2026, 1, 5); d = d.AddDays(37))
            foreach (var basis in new[] { DrawdownBasis.Close, DrawdownBasis.High })
            {
                var full = Drawdowns.AsOf(btc, d, basis);
                var cut = Drawdowns.AsOf(btc.AsOf(d), d, basis);
                Assert.Equal(cut, full);
            }
    }
}
