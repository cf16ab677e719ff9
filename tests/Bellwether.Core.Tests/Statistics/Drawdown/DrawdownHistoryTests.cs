using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.Drawdown;

/// <summary>The walk kept whole reads, on every day, exactly what <see cref="Drawdowns.AsOf"/> computes that day.</summary>
public class DrawdownHistoryTests
{
    public static TheoryData<string, DrawdownBasis, string?> Cases => new()
    {
        { "BTC", DrawdownBasis.Close, null },
        { "BTC", DrawdownBasis.High, null },
        { "RUT", DrawdownBasis.Close, "2021-11-08" },
        { "RUT", DrawdownBasis.High, null },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Every_day_equals_the_computation_as_of_that_day(string id, DrawdownBasis basis, string? since)
    {
        _ = RealData.Folder;
        using var store = RealData.OpenStore();
        var series = store.LoadSeries(id);
        DateOnly? from = since is null ? null : DateOnly.Parse(since);
        var history = Drawdowns.History(series, basis, from);
        int measured = 0;
        for (var d = new DateOnly(2015, 1, 1); d <= series.Dates[^1].AddDays(5); d = d.AddDays(1))
        {
            var expected = Drawdowns.AsOf(series, d, basis, from);
            Assert.Equal(expected, history.AsOf(d));
            if (expected is not null) measured++;
        }
        Assert.True(measured > 1000);
    }

    [Fact]
    public void A_bad_price_is_an_error_only_from_its_date_on()
    {
        var s = Synthetic.Series("X", "USD", ("2025-01-01", 100), ("2025-01-02", double.NaN), ("2025-01-03", 90), ("2025-01-04", -1), ("2025-01-05", 95));
        var history = Drawdowns.History(s);
        Assert.Null(history.AsOf(new DateOnly(2024, 12, 31)));
        foreach (var day in new[] { 1, 2, 3 })
            Assert.Equal(Drawdowns.AsOf(s, new DateOnly(2025, 1, day)), history.AsOf(new DateOnly(2025, 1, day)));
        var expected = Assert.Throws<NotMeasurableException>(() => Drawdowns.AsOf(s, new DateOnly(2025, 1, 4)));
        Assert.Equal(expected.Message, Assert.Throws<NotMeasurableException>(() => history.AsOf(new DateOnly(2025, 1, 5))).Message);
        Assert.Equal(1, history.AsOf(new DateOnly(2025, 1, 3))!.MissingCloses);
    }
}
