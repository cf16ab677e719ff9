using System.Text.Json;
using Bellwether.Core.Statistics.MoneySupply;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.MoneySupply;

public class MoneySupplyGrowthTests
{
    [Fact]
    public void Year_ago_is_the_month_dated_twelve_months_earlier_or_nothing()
    {
        var m2 = Synthetic.Series("M2SL", "USD billions", ("2024-01-01", 100), ("2024-03-01", 101), ("2025-01-01", 104), ("2025-02-01", 105), ("2025-03-01", 106.05));
        var points = MoneySupplyGrowth.YearOnYear(m2);
        Assert.Equal(0.04, points[2].YearOnYear, 12);
        Assert.True(double.IsNaN(points[3].YearOnYear)); // 2024-02 is missing: no neighbour stands in
        Assert.Equal(0.05, points[4].YearOnYear, 12);
        Assert.Equal(new DateOnly(2025, 2, 1), MoneySupplyGrowth.AsOf(m2, new DateOnly(2025, 2, 28))!.Date);
        Assert.Equal(new DateOnly(2025, 1, 1), MoneySupplyGrowth.AsOf(m2, new DateOnly(2025, 2, 27))!.Date); // February is not over
        Assert.Null(MoneySupplyGrowth.AsOf(m2, new DateOnly(2024, 1, 30)));
    }

    [Fact]
    public void M2_growth_matches_pandas()
    {
        using var store = RealData.OpenStore();
        var points = MoneySupplyGrowth.YearOnYear(store.LoadSeries("M2SL").AsOf(new DateOnly(2025, 12, 31)));
        var reference = JsonDocument.Parse(Reference.Run("net_liquidity.py", RealData.Folder, "2025-12-31")).RootElement;
        Assert.Equal(RelativeAssert.Dates(reference.GetProperty("m2_dates")), points.Select(p => p.Date));
        var yoy = RelativeAssert.Numbers(reference.GetProperty("m2_yoy"));
        for (int i = 0; i < points.Length; i++) RelativeAssert.Equal(yoy[i], points[i].YearOnYear, $"M2 {points[i].Date}");
    }
}
