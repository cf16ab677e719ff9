using System.Text.Json;
using System.Text.Json.Serialization;
using Bellwether.Core.Series;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Pivots;
using Bellwether.Core.Structure.RecordCloses;
using Bellwether.Core.Structure.Resistance;
using Bellwether.Core.Structure.Trendlines;
using Xunit;
using static Bellwether.Core.Tests.Structure.StructureData;

namespace Bellwether.Core.Tests.Structure;

/// <summary>
/// Every detector evaluated as of date d on the full history gives the same result as on the history cut at d,
/// over many dates (calendar days, so weekends and holidays are among them).
/// </summary>
public class PointInTimeTests
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static string Text(object? value) => JsonSerializer.Serialize(value, Json);

    /// <summary>Every 23rd calendar day from <paramref name="from"/> to the series' end, plus the day after the end.</summary>
    private static List<DateOnly> Dates(DailySeries s, DateOnly from)
    {
        var dates = new List<DateOnly>();
        for (var d = from; d <= s.Dates[^1]; d = d.AddDays(23)) dates.Add(d);
        dates.Add(s.Dates[^1].AddDays(1));
        return dates;
    }

    private static void AssertSameOnTruncated(DailySeries full, DateOnly from, Func<DailySeries, DateOnly, object?> detector)
    {
        var dates = Dates(full, from);
        Assert.True(dates.Count > 100);
        foreach (var d in dates) Assert.Equal(Text(detector(full.AsOf(d), d)), Text(detector(full, d)));
    }

    [Fact]
    public void Pivots() => AssertSameOnTruncated(Rut, new DateOnly(2015, 1, 1), (s, d) =>
        SwingPivots.Find(s, PivotKind.High, new PivotParameters(), s.IndexOnOrBefore(d)).Concat(SwingPivots.Find(s, PivotKind.Low, new PivotParameters(10, 10), s.IndexOnOrBefore(d))));

    [Fact]
    public void Multi_year_high() => AssertSameOnTruncated(Rut, new DateOnly(1995, 1, 1), (s, d) => MultiYearHighs.AsOf(s, d, new MultiYearHighParameters(), 0.01));

    [Fact]
    public void Zones() => AssertSameOnTruncated(Rut, new DateOnly(2010, 1, 1), (s, d) => ResistanceZones.AsOf(s, d, new ZoneParameters()));

    [Fact]
    public void Breakout_levels_and_events() => AssertSameOnTruncated(Rut, new DateOnly(2017, 1, 1), (s, d) => BreakoutAnalysis.AsOf(s, d, BreakoutAnalysisParameters.Default));

    [Fact]
    public void Record_closes() => AssertSameOnTruncated(Rut, new DateOnly(2015, 1, 1), (s, d) =>
        new object[] { PeriodCloses.AsOf(s, d, new()), PeriodCloses.AsOf(s, d, new(ClosePeriod.Week, 3)) });

    [Fact]
    public void Trendlines_on_an_index() => AssertSameOnTruncated(Rut, new DateOnly(2015, 1, 1), (s, d) =>
        new[] { TrendlineFinder.AsOf(s, d, TrendlineSide.Resistance, new()), TrendlineFinder.AsOf(s, d, TrendlineSide.Support, new()) });

    [Fact]
    public void Trendlines_on_a_ratio() => AssertSameOnTruncated(EthBtc, new DateOnly(2019, 1, 1), (s, d) =>
        new[] { TrendlineFinder.AsOf(s, d, TrendlineSide.Resistance, new()), TrendlineFinder.AsOf(s, d, TrendlineSide.Support, new(LookbackMonths: 12)) });
}
