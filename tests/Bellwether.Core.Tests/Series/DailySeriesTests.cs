using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Xunit;

namespace Bellwether.Core.Tests.Series;

public class DailySeriesTests
{
    private static readonly string[] Sources = ["a", "b", "a", "c", "c", "b", "a"];

    private static DailySeries Make() =>
        new(new Instrument("X", AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay),
            Sources.Select((s, i) => new DailyBar(new DateOnly(2025, 1, 1).AddDays(2 * i), i, i + 1, i - 1, 10 + i, 100 * i, double.NaN, s)).ToList());

    [Theory]
    [InlineData(null, null)]
    [InlineData("2025-01-04", null)]
    [InlineData(null, "2025-01-08")]
    [InlineData("2025-01-05", "2025-01-09")]
    [InlineData("2025-01-06", "2025-01-06")]
    [InlineData("2025-02-01", null)]
    public void Between_keeps_the_rows_in_range_with_their_sources_in_first_seen_order(string? from, string? to)
    {
        var s = Make();
        DateOnly? f = from is null ? null : DateOnly.Parse(from), t = to is null ? null : DateOnly.Parse(to);
        var cut = s.Between(f, t);
        var expected = Enumerable.Range(0, s.Count).Where(i => (f is null || s.Dates[i] >= f) && (t is null || s.Dates[i] <= t)).Select(i => s[i]).ToList();
        Assert.Equal(expected.Count, cut.Count);
        for (int i = 0; i < cut.Count; i++) Assert.True(expected[i].SameValues(cut[i]), $"row {i}");
        Assert.Equal(expected.Select(b => b.Source).Distinct(), cut.Sources);
    }

    [Fact]
    public void A_closes_only_series_has_nan_elsewhere_and_one_source()
    {
        var instrument = new Instrument("C", AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay);
        var s = DailySeries.OfCloses(instrument, [new(2025, 1, 1), new(2025, 1, 3)], [1.5, double.NaN], "closes only");
        Assert.Equal((2, 1.5, "closes only"), (s.Count, s.Close[0], s.SourceAt(1)));
        Assert.True(double.IsNaN(s.Open[0]) && double.IsNaN(s.High[1]) && double.IsNaN(s.Low[0]) && double.IsNaN(s.Volume[1]) && double.IsNaN(s.MarketCap[0]));
        Assert.Equal(["closes only"], s.Sources);
        Assert.Throws<ArgumentException>(() => DailySeries.OfCloses(instrument, [new(2025, 1, 3), new(2025, 1, 3)], [1, 2], "x"));
        Assert.Throws<ArgumentException>(() => DailySeries.OfCloses(instrument, [new(2025, 1, 3)], [1, 2], "x"));
    }
}
