using System.Text.Json;
using Bellwether.Core.Series;
using Bellwether.Core.Structure.Pivots;
using Bellwether.Core.Structure.Trendlines;
using Xunit;
using static Bellwether.Core.Tests.Structure.StructureData;

namespace Bellwether.Core.Tests.Structure.Trendlines;

public class TrendlineFinderTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);
    private const string EthBtcSpec = "crypto/daily/ETH.csv|crypto/daily/BTC.csv";

    [Fact]
    public void A_hand_made_downtrend_and_its_break()
    {
        // Peak 100 on day 5, lower high 90 on day 15, falling closes under the line, then 80 on day 30.
        double[] closes = [50, 60, 70, 80, 90, 100, 85, 80, 75, 70, 72, 75, 80, 85, 88, 90, 85, 80, 75, 70,
                           68, 66, 65, 64, 63, 62, 61, 60, 59, 58, 80, 75, 70];
        var report = TrendlineFinder.AsOf(Closes(Start, closes), Start.AddDays(32), TrendlineSide.Resistance,
            new TrendlineParameters(LookbackMonths: 12, Pivots: new PivotParameters(2, 2)));
        var line = Assert.Single(report.Lines);
        Assert.Same(line, report.Dominant);
        Assert.Equal((Start.AddDays(5), 100.0), (line.FirstAnchor.Date, line.FirstAnchor.Value));
        Assert.Equal((Start.AddDays(15), 90.0), (line.LastAnchor.Date, line.LastAnchor.Value));
        // The line loses 10% per 10 days: 100 × 0.9^2.5 on day 30, where 80 clears it by more than 1%.
        Assert.Equal((Math.Pow(0.9, Trendline.DaysPerMonth / 10) - 1) * 100, line.SlopePctPerMonth, 1e-9);
        Assert.Equal(Start.AddDays(30), line.Break!.Date);
        Assert.Equal(100 * Math.Pow(0.9, 2.5), line.Break.LineValue, 1e-9);
        Assert.Equal(25 / Trendline.DaysPerMonth, line.DurationMonths, 1e-12);
        Assert.Equal(2, line.Touches.Count);
        // Before day 30 is known, the line holds.
        var before = TrendlineFinder.AsOf(Closes(Start, closes), Start.AddDays(29), TrendlineSide.Resistance,
            new TrendlineParameters(LookbackMonths: 12, Pivots: new PivotParameters(2, 2)));
        Assert.Null(before.Dominant!.Break);
    }

    [Fact]
    public void Support_on_B_over_A_mirrors_resistance_on_A_over_B()
    {
        var eth = Load("ETH");
        var btc = Load("BTC");
        var up = RatioSeries.Of(eth, btc);
        var down = RatioSeries.Of(btc, eth);
        foreach (var asOf in MonthEnds2025())
        {
            var r = TrendlineFinder.AsOf(up, asOf, TrendlineSide.Resistance, new());
            var s = TrendlineFinder.AsOf(down, asOf, TrendlineSide.Support, new());
            Assert.Equal(r.Lines.Select(l => (l.FirstAnchor.Date, l.LastAnchor.Date, l.Break?.Date, l.Touches.Count)),
                         s.Lines.Select(l => (l.FirstAnchor.Date, l.LastAnchor.Date, l.Break?.Date, l.Touches.Count)));
            foreach (var (a, b) in r.Lines.Zip(s.Lines))
                Assert.Equal(1.0, (1 + a.SlopePctPerMonth / 100) * (1 + b.SlopePctPerMonth / 100), 1e-9);
        }
    }

    public static TheoryData<string, string, string> RealCases() => new()
    {
        { "ETH/BTC", EthBtcSpec, "resistance" },
        { "ETH/BTC", EthBtcSpec, "support" },
        { "RUT", "markets/rut_daily.csv", "resistance" },
        { "RUT", "markets/rut_daily.csv", "support" },
    };

    [Theory]
    [MemberData(nameof(RealCases))]
    public void Lines_match_the_pandas_reference_at_every_month_end_of_2025(string id, string spec, string side)
    {
        var series = id == "ETH/BTC" ? EthBtc : Load(id);
        var dates = MonthEnds2025().Append(new DateOnly(2025, 12, 15)).ToList();
        var reference = Reference("structure_trendline.py", spec, side, string.Join(",", dates.Select(d => d.ToString("yyyy-MM-dd"))));
        foreach (var asOf in dates)
        {
            var actual = TrendlineFinder.AsOf(series, asOf, side == "resistance" ? TrendlineSide.Resistance : TrendlineSide.Support, new());
            var expected = reference.GetProperty(asOf.ToString("yyyy-MM-dd"));
            var lines = expected.GetProperty("lines").EnumerateArray().ToList();
            Assert.Equal(lines.Count, actual.Lines.Count);
            for (int k = 0; k < lines.Count; k++) AssertSame(lines[k], actual.Lines[k]);
            if (expected.GetProperty("dominant").ValueKind == JsonValueKind.Null) Assert.Null(actual.Dominant);
            else AssertSame(expected.GetProperty("dominant"), actual.Dominant!);
        }
    }

    private static void AssertSame(JsonElement e, Trendline a)
    {
        Assert.Equal((Date(e.GetProperty("first_anchor").GetProperty("date")), Date(e.GetProperty("last_anchor").GetProperty("date")), Date(e.GetProperty("end"))),
                     (a.FirstAnchor.Date, a.LastAnchor.Date, a.End));
        Assert.Equal(e.GetProperty("touches").EnumerateArray().Select(Date), a.Touches.Select(t => t.Date));
        Assert.Equal(e.GetProperty("slope_pct_per_month").GetDouble(), a.SlopePctPerMonth, 1e-9);
        Assert.Equal(e.GetProperty("duration_months").GetDouble(), a.DurationMonths, 1e-12);
        Assert.Equal(1.0, e.GetProperty("value_at_as_of").GetDouble() / a.ValueAtAsOf, 1e-12);
        var b = e.GetProperty("break");
        if (b.ValueKind == JsonValueKind.Null) { Assert.Null(a.Break); return; }
        Assert.Equal(Date(b.GetProperty("date")), a.Break!.Date);
        Assert.Equal(1.0, b.GetProperty("line_value").GetDouble() / a.Break.LineValue, 1e-12);
    }

    internal static IEnumerable<DateOnly> MonthEnds2025() =>
        Enumerable.Range(1, 12).Select(m => new DateOnly(2025, m, 1).AddMonths(1).AddDays(-1));
}
