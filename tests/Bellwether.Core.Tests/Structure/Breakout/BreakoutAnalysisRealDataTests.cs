using System.Text.Json;
using Bellwether.Core.Structure.Breakout;
using Xunit;
using static Bellwether.Core.Tests.Structure.StructureData;

namespace Bellwether.Core.Tests.Structure.Breakout;

/// <summary>Real histories against <c>tests/reference/structure_breakout.py</c> (pandas, month ends from the data).</summary>
public class BreakoutAnalysisRealDataTests(ITestOutputHelper output)
{
    private const double Relative = 1e-12;

    [Theory]
    [InlineData("RUT", "markets/rut_daily.csv", "2025-12-31")]
    [InlineData("RUT", "markets/rut_daily.csv", "2025-12-15")]
    [InlineData("RUT", "markets/rut_daily.csv", "2025-10-10")]
    [InlineData("RUT", "markets/rut_daily.csv", "2021-06-30")]
    [InlineData("RUT", "markets/rut_daily.csv", "2020-11-30")]
    [InlineData("SPY", "markets/spy_daily.csv", "2025-12-31")]
    [InlineData("QQQ", "markets/qqq_daily.csv", "2025-12-31")]
    [InlineData("QQQ", "markets/qqq_daily.csv", "2024-11-14")]
    [InlineData("BTC", "crypto/daily/BTC.csv", "2024-12-31")]
    public void Levels_and_events_match_the_pandas_reference(string id, string file, string asOf)
    {
        var report = BreakoutAnalysis.AsOf(Load(id), DateOnly.Parse(asOf), BreakoutAnalysisParameters.Default);
        var reference = Reference("structure_breakout.py", file, asOf);
        Assert.Equal(Date(reference.GetProperty("as_of")), report.AsOf);

        var expected = reference.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(expected.Count, report.Events.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            var (e, a) = (expected[k], report.Events[k]);
            Assert.Equal((Date(e.GetProperty("date")), e.GetProperty("type").GetString(), e.GetProperty("kind").GetString(), Date(e.GetProperty("level_date"))),
                         (a.Date, Snake(a.Type), Snake(a.Kind), a.LevelDate));
            Assert.Equal(e.GetProperty("level").GetDouble(), a.Level, Relative);
            Assert.Equal(e.GetProperty("close").GetDouble(), a.Close, Relative);
        }

        var levels = reference.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(levels.Count, report.Levels.Count);
        for (int k = 0; k < levels.Count; k++)
        {
            var (e, a) = (levels[k], report.Levels[k]);
            Assert.Equal((e.GetProperty("kind").GetString(), e.GetProperty("touches").GetInt32(), e.GetProperty("state").GetString(), Date(e.GetProperty("since")),
                          Date(e.GetProperty("first_touch")), Date(e.GetProperty("last_touch"))),
                         (Snake(a.Kind), a.Touches, Snake(a.State), a.Since, a.FirstTouch, a.LastTouch));
            Assert.Equal(e.GetProperty("price").GetDouble(), a.Price, Relative);
        }
    }

    [Fact]
    public void Both_breakouts_above_a_prior_multi_year_high()
    {
        var rut = Rut;
        var track = BreakoutAnalysis.AsOf(rut, new DateOnly(2025, 12, 31), BreakoutAnalysisParameters.Default)
            .Events.Where(e => e.Kind == LevelKind.MultiYearHigh).ToList();

        // 2020: the level is 2018's highest close, computed here from the data.
        var in2018 = Enumerable.Range(0, rut.Count).Where(i => rut.Dates[i].Year == 2018).MaxBy(i => rut.Close[i]);
        var episode2020 = Episode(track, 2020);
        Assert.Equal(rut.Dates[in2018], episode2020[0].LevelDate);
        Assert.Equal(rut.Close[in2018], episode2020[0].Level);

        // 2025: the level is the 2021 peak close, 2442.74 on 2021-11-08 (the data's README states it).
        var episode2025 = Episode(track, 2025);
        Assert.Equal(new DateOnly(2021, 11, 8), episode2025[0].LevelDate);
        Assert.Equal(2442.74, Math.Round(episode2025[0].Level, 2));

        foreach (var e in episode2020.Concat(episode2025))
            output.WriteLine($"{e.Date:yyyy-MM-dd} {e.Type,-9} level {e.Level:0.00} ({e.LevelDate:yyyy-MM-dd}) close {e.Close:0.00}");
    }

    /// <summary>The multi-year-high events of a year: it must start with a breakout that gets confirmed.</summary>
    private static List<BreakoutEvent> Episode(List<BreakoutEvent> track, int year)
    {
        var events = track.Where(e => e.Date.Year == year).ToList();
        Assert.NotEmpty(events);
        Assert.Equal(BreakoutEventType.Breakout, events[0].Type);
        Assert.Contains(events, e => e.Type == BreakoutEventType.Confirmed && e.LevelDate == events[0].LevelDate);
        return events;
    }
}
