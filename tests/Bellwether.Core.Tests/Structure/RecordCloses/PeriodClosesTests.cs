using System.Text.Json;
using Bellwether.Core.Structure.RecordCloses;
using Xunit;
using static Bellwether.Core.Tests.Structure.StructureData;

namespace Bellwether.Core.Tests.Structure.RecordCloses;

public class PeriodClosesTests(ITestOutputHelper output)
{
    [Fact]
    public void An_unfinished_month_is_provisional_and_the_first_month_is_never_a_record()
    {
        // Every-day rows from 2025-01-30 to 2025-02-10: January ends at 101, February so far at 103.
        var s = Closes(new DateOnly(2025, 1, 30), 100, 101, 99, 98, 97, 96, 95, 94, 93, 92, 102, 103);
        var closes = PeriodCloses.AsOf(s, new DateOnly(2025, 2, 10), new()).Closes;
        Assert.Equal(2, closes.Count);
        Assert.Equal((new DateOnly(2025, 1, 31), 101.0, false, false), (closes[0].Date, closes[0].Close, closes[0].Provisional, closes[0].IsRecord));
        Assert.True(double.IsNaN(closes[0].PriorRecord));
        Assert.Equal((new DateOnly(2025, 2, 10), 103.0, true, true, 101.0), (closes[1].Date, closes[1].Close, closes[1].Provisional, closes[1].IsRecord, closes[1].PriorRecord));
        // On the 28th the month has ended, even with no row that day: the close is the last one there is.
        var ended = PeriodCloses.AsOf(s, new DateOnly(2025, 2, 28), new()).Closes[^1];
        Assert.False(ended.Provisional);
        Assert.Equal(new DateOnly(2025, 2, 28), ended.LastSession);
    }

    [Fact]
    public void The_equity_calendar_decides_when_a_month_ends()
    {
        // 2025-11-28, the Friday after Thanksgiving, is November's last NYSE session; the 27th is a holiday.
        Assert.False(PeriodCloses.AsOf(Rut, new DateOnly(2025, 11, 28), new()).Closes[^1].Provisional);
        var beforeEnd = PeriodCloses.AsOf(Rut, new DateOnly(2025, 11, 27), new()).Closes[^1];
        Assert.True(beforeEnd.Provisional);
        Assert.Equal(new DateOnly(2025, 11, 26), beforeEnd.Date);
    }

    [Theory]
    [InlineData("markets/rut_daily.csv", "RUT", "2025-12-31", "month", null)]
    [InlineData("markets/rut_daily.csv", "RUT", "2025-12-15", "month", null)]
    [InlineData("markets/rut_daily.csv", "RUT", "2025-12-15", "month", 3)]
    [InlineData("markets/rut_daily.csv", "RUT", "2025-12-24", "week", null)]
    [InlineData("crypto/daily/BTC.csv", "BTC", "2025-10-07", "month", null)]
    [InlineData("crypto/daily/BTC.csv", "BTC", "2025-12-24", "week", 2)]
    public void Closes_and_records_match_the_pandas_reference(string file, string id, string asOf, string period, int? years)
    {
        var parameters = new RecordCloseParameters(period == "month" ? ClosePeriod.Month : ClosePeriod.Week, years);
        var actual = PeriodCloses.AsOf(Load(id), DateOnly.Parse(asOf), parameters).Closes;
        string[] args = years is { } y ? [file, asOf, period, y.ToString()] : [file, asOf, period];
        var expected = Reference("structure_record_closes.py", args).GetProperty("closes").EnumerateArray().ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            var (e, a) = (expected[k], actual[k]);
            Assert.Equal((Date(e.GetProperty("period_start")), Date(e.GetProperty("date")), e.GetProperty("provisional").GetBoolean(), e.GetProperty("is_record").GetBoolean()),
                         (a.PeriodStart, a.Date, a.Provisional, a.IsRecord));
            Assert.Equal(e.GetProperty("close").GetDouble(), a.Close);
            if (e.GetProperty("prior_record").ValueKind == JsonValueKind.Null) Assert.True(double.IsNaN(a.PriorRecord));
            else Assert.Equal((e.GetProperty("prior_record").GetDouble(), Date(e.GetProperty("prior_record_date"))), (a.PriorRecord, a.PriorRecordDate!.Value));
        }
    }

    [Fact]
    public void Record_month_end_closes_of_2025()
    {
        var final = PeriodCloses.AsOf(Rut, new DateOnly(2025, 12, 31), new()).Closes;
        var records = final.Where(c => c.Date.Year == 2025 && c.IsRecord).ToList();
        var expected = Reference("structure_record_closes.py", "markets/rut_daily.csv", "2025-12-31", "month").GetProperty("closes").EnumerateArray()
            .Where(c => c.GetProperty("is_record").GetBoolean() && Date(c.GetProperty("date")).Year == 2025)
            .Select(c => Date(c.GetProperty("date"))).ToList();
        Assert.Equal(expected, records.Select(r => r.Date).ToList());
        Assert.NotEmpty(records);
        foreach (var r in records) output.WriteLine($"record month-end close {r.Date:yyyy-MM-dd} {r.Close:0.00} (prior record {r.PriorRecord:0.00} on {r.PriorRecordDate:yyyy-MM-dd})");
        var december = PeriodCloses.AsOf(Rut, new DateOnly(2025, 12, 15), new()).Closes[^1];
        output.WriteLine($"as of 2025-12-15: December so far {december.Close:0.00}, provisional={december.Provisional}, record={december.IsRecord}");
        Assert.True(december.Provisional);
    }
}
