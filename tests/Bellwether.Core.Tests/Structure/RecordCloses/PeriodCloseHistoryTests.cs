using Bellwether.Core.Structure.RecordCloses;
using Xunit;
using static Bellwether.Core.Tests.Structure.StructureData;

namespace Bellwether.Core.Tests.Structure.RecordCloses;

/// <summary>The history built once reads, on every day, exactly what <see cref="PeriodCloses.AsOf"/> computes that day.</summary>
public class PeriodCloseHistoryTests
{
    public static TheoryData<string, ClosePeriod, int?> Cases => new()
    {
        { "RUT", ClosePeriod.Month, null },
        { "RUT", ClosePeriod.Week, null },
        { "RUT", ClosePeriod.Month, 5 },
        { "BTC", ClosePeriod.Month, null },
        { "DFF", ClosePeriod.Week, 2 },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Every_day_equals_the_computation_as_of_that_day(string id, ClosePeriod period, int? years)
    {
        var series = Load(id);
        var parameters = new RecordCloseParameters(period, years);
        var history = new PeriodCloseHistory(series, parameters);
        var first = series.Dates[0].AddDays(-3);
        var start = new DateOnly(2016, 1, 1) > first ? new DateOnly(2016, 1, 1) : first;
        int checkedDays = 0;
        for (var d = start; d <= series.Dates[^1].AddDays(10); d = d.AddDays(1), checkedDays++)
            Assert.Equal(PeriodCloses.AsOf(series, d, parameters).Closes, history.AsOf(d).Closes);
        // And before the first row: no closes at all.
        Assert.Empty(history.AsOf(series.Dates[0].AddDays(-1)).Closes);
        Assert.True(checkedDays > 1000);
    }

    [Fact]
    public void Missing_closes_at_a_month_end_leave_the_month_on_its_last_finite_close()
    {
        // January ends on two NaN closes; February's first days too.
        var s = Closes(new DateOnly(2025, 1, 27), 100, 104, 103, double.NaN, double.NaN, double.NaN, 105, 99, double.NaN);
        var p = new RecordCloseParameters();
        var history = new PeriodCloseHistory(s, p);
        for (var d = s.Dates[0].AddDays(-1); d <= s.Dates[^1].AddDays(40); d = d.AddDays(1))
            Assert.Equal(PeriodCloses.AsOf(s, d, p).Closes, history.AsOf(d).Closes);
        var feb1 = history.AsOf(new DateOnly(2025, 2, 1)).Closes;
        Assert.Equal((new DateOnly(2025, 1, 29), 103.0, false), (feb1[^1].Date, feb1[^1].Close, feb1[^1].Provisional)); // no February close yet
    }
}
