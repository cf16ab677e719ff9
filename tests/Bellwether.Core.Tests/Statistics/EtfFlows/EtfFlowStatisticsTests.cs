using System.Text.Json;
using Bellwether.Core.Calendars;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Statistics.EtfFlows;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.EtfFlows;

public class EtfFlowStatisticsTests
{
    private static FlowTable Table(string id, string[] funds, params (string Date, double[] Values, double Total)[] rows) =>
        new(new Instrument(id, AssetClass.EtfFlows, "USD millions", 1, CalendarKind.UsEquity), funds,
            rows.Select(r => DateOnly.Parse(r.Date)).ToArray(),
            funds.Select((_, f) => rows.Select(r => r.Values[f]).ToArray()).ToArray(), rows.Select(r => r.Total).ToArray(), "test");

    private const double NaN = double.NaN;

    // Fund B launches on 2025-01-16; 2025-01-20 (Martin Luther King Day) is an all-zero holiday row; 2025-01-22 has
    // no value at all; on 2025-01-23 launched fund B has no value (partial); 2025-01-24's total column disagrees.
    private static readonly FlowTable Sample = Table("X_FLOWS", ["A", "B"],
        ("2025-01-14", [10, 0], 10), ("2025-01-15", [-5, 0], -5), ("2025-01-16", [3, 4], 7), ("2025-01-17", [0, 0], 0),
        ("2025-01-20", [0, 0], 0), ("2025-01-21", [-2, -1], -3), ("2025-01-22", [NaN, NaN], NaN), ("2025-01-23", [6, NaN], 6),
        ("2025-01-24", [1, 1], 5));

    [Fact]
    public void Flow_days_totals_and_what_was_left_out()
    {
        var h = EtfFlowStatistics.Build(Sample, parameters: new FlowParameters(2, 3));
        Assert.Equal(["2025-01-14", "2025-01-15", "2025-01-16", "2025-01-17", "2025-01-21", "2025-01-23", "2025-01-24"],
            h.Days.Select(d => d.Date.ToString("yyyy-MM-dd")));
        Assert.Equal([10.0, -5, 7, 0, -3, 6, 2], h.Days.Select(d => d.Total));
        Assert.Equal([1, 1, 2, 2, 2, 1, 2], h.Days.Select(d => d.FundsReporting)); // B's zeros before launch are not flows
        Assert.Equal([new DateOnly(2025, 1, 23)], h.PartialDays);
        Assert.Equal([new DateOnly(2025, 1, 20), new DateOnly(2025, 1, 22)], h.Excluded.Select(e => e.Date));
        Assert.Equal(new TotalMismatch(new DateOnly(2025, 1, 24), 2, 5), Assert.Single(h.Mismatches));
        Assert.Equal([NaN, 5, 2, 7, -3, 3, 8], h.Days.Select(d => d.ShortSum));
        Assert.Equal([NaN, NaN, 12, 2, 4, 3, 5], h.Days.Select(d => d.LongSum));
        Assert.Equal([10.0, 5, 12, 12, 9, 15, 17], h.Days.Select(d => d.Cumulative));
        Assert.Equal([1, -1, 1, 0, -1, 1, 2], h.Days.Select(d => d.Streak));
        Assert.Equal(new FundSummary("B", new DateOnly(2025, 1, 16), 4, 1), h.Funds[1]);
    }

    [Fact]
    public void Reading_gives_the_window_sum_and_the_streaks()
    {
        var h = EtfFlowStatistics.Build(Sample);
        var r = EtfFlowStatistics.Read(h, 4)!;
        Assert.Equal(5, r.WindowSum);
        Assert.Equal(new FlowStreak(FlowDirection.Inflow, 2, new DateOnly(2025, 1, 23), new DateOnly(2025, 1, 24), 8), r.CurrentStreak);
        Assert.Equal(r.CurrentStreak, r.LongestInflow);
        Assert.Equal(1, r.LongestOutflow!.Days);
        Assert.Equal(new DateOnly(2025, 1, 21), r.LongestOutflow.Start); // the latest on a tie
        Assert.True(double.IsNaN(EtfFlowStatistics.Read(h, 8)!.WindowSum));
    }

    [Fact]
    public void A_fund_not_launched_by_the_as_of_date_is_not_launched()
    {
        var h = EtfFlowStatistics.Build(Sample, new DateOnly(2025, 1, 15));
        Assert.Null(h.Funds[1].Launched);
        Assert.Equal(2, h.Days.Count);
    }

    [Fact]
    public void Rotation_reads_the_shared_days()
    {
        var into = EtfFlowStatistics.Build(Table("ETH_FLOWS", ["E"], ("2025-01-13", [5], 5), ("2025-01-14", [4], 4), ("2025-01-15", [-1], -1), ("2025-01-21", [3], 3)));
        var outOf = EtfFlowStatistics.Build(Table("BTC_FLOWS", ["B"], ("2025-01-14", [-10], -10), ("2025-01-15", [-2], -2), ("2025-01-17", [6], 6), ("2025-01-21", [-1], -1)));
        var r = FlowRotation.Compute(into, outOf, 10)!;
        Assert.Equal(new RotationSpan(new DateOnly(2025, 1, 14), new DateOnly(2025, 1, 21), 3, 6, -13, RotationKind.Rotation, 6), r.Window);
        Assert.Equal((2, 7.0, -11.0), (r.RotationDays, r.IntoOnRotationDays, r.OutOfOnRotationDays));
        Assert.Equal([RotationKind.Rotation, RotationKind.Rotation], r.Weeks.Select(w => w.Kind));
        var reverse = FlowRotation.Compute(outOf, into, 2)!;
        Assert.Equal(RotationKind.Reverse, reverse.Window.Kind);
        Assert.Equal(-2, reverse.Window.Rotated); // BTC lost 3 while ETH took 2: at most 2 went the other way
    }

    [Fact]
    public void Btc_and_eth_flows_and_rotation_match_pandas()
    {
        using var store = RealData.OpenStore();
        foreach (var asOf in new[] { "2025-12-15", "2025-12-31", "2025-03-03", "2024-10-01" })
        {
            var d = DateOnly.Parse(asOf);
            var eth = EtfFlowStatistics.Build(store.LoadFlows("ETH_SPOT_ETF_FLOWS"), d);
            var btc = EtfFlowStatistics.Build(store.LoadFlows("BTC_SPOT_ETF_FLOWS"), d);
            var reference = JsonDocument.Parse(Reference.Run("etf_flows.py", RealData.File("flows", "eth_spot_etf_flows_daily.csv"),
                RealData.File("flows", "btc_spot_etf_flows_daily.csv"), asOf, "20")).RootElement;
            AssertHistory(reference.GetProperty("into"), eth);
            AssertHistory(reference.GetProperty("out_of"), btc);
            var rotation = FlowRotation.Compute(eth, btc, 20)!;
            var r = reference.GetProperty("rotation");
            Assert.Equal(RelativeAssert.Date(r.GetProperty("from")), rotation.Window.From);
            Assert.Equal(RelativeAssert.Date(r.GetProperty("to")), rotation.Window.To);
            Assert.Equal(r.GetProperty("days").GetInt32(), rotation.Window.Days);
            RelativeAssert.Equal(r.GetProperty("into_sum").GetDouble(), rotation.Window.IntoSum, "rotation into");
            RelativeAssert.Equal(r.GetProperty("out_sum").GetDouble(), rotation.Window.OutOfSum, "rotation out of");
            Assert.Equal(r.GetProperty("rotation_days").GetInt32(), rotation.RotationDays);
            RelativeAssert.Equal(r.GetProperty("into_on_rotation_days").GetDouble(), rotation.IntoOnRotationDays, "into on rotation days");
            RelativeAssert.Equal(r.GetProperty("out_on_rotation_days").GetDouble(), rotation.OutOfOnRotationDays, "out of on rotation days");
            var weeks = r.GetProperty("weeks").EnumerateArray().ToList();
            Assert.Equal(weeks.Count, rotation.Weeks.Count);
            for (int i = 0; i < weeks.Count; i++)
            {
                Assert.Equal(RelativeAssert.Date(weeks[i].GetProperty("from")), rotation.Weeks[i].From);
                RelativeAssert.Equal(weeks[i].GetProperty("into").GetDouble(), rotation.Weeks[i].IntoSum, "week into");
                RelativeAssert.Equal(weeks[i].GetProperty("out").GetDouble(), rotation.Weeks[i].OutOfSum, "week out of");
            }
        }
    }

    private static void AssertHistory(JsonElement expected, EtfFlowHistory h)
    {
        var dates = RelativeAssert.Dates(expected.GetProperty("dates"));
        Assert.Equal(dates, h.Days.Select(d => d.Date));
        string[] fields = ["total", "sum5", "sum20", "cum"];
        var values = fields.Select(f => RelativeAssert.Numbers(expected.GetProperty(f))).ToArray();
        var streaks = expected.GetProperty("streak").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        for (int i = 0; i < dates.Length; i++)
        {
            var day = h.Days[i];
            double[] actual = [day.Total, day.ShortSum, day.LongSum, day.Cumulative];
            for (int k = 0; k < fields.Length; k++) RelativeAssert.Equal(values[k][i], actual[k], $"{h.Id} {fields[k]} {dates[i]}");
            Assert.Equal(streaks[i], day.Streak);
        }
        // The importer already drops holiday rows of zeros (counted skips), so the statistics see none of the
        // rows pandas excludes from the raw file: together they exclude exactly what pandas does.
        var excluded = RelativeAssert.Dates(expected.GetProperty("excluded"));
        Assert.NotEmpty(excluded);
        Assert.Empty(h.Excluded);
        Assert.DoesNotContain(h.Days, d => excluded.Contains(d.Date));
        var funds = expected.GetProperty("funds").EnumerateArray().ToList();
        Assert.Equal(funds.Count, h.Funds.Count);
        for (int f = 0; f < funds.Count; f++)
        {
            Assert.Equal(funds[f].GetProperty("fund").GetString(), h.Funds[f].Fund);
            var launched = funds[f].GetProperty("launched");
            Assert.Equal(launched.ValueKind == JsonValueKind.Null ? null : RelativeAssert.Date(launched), h.Funds[f].Launched);
            RelativeAssert.Equal(funds[f].GetProperty("cumulative").GetDouble(), h.Funds[f].Cumulative, $"{h.Funds[f].Fund} cumulative");
        }
        // The table's total column agrees with the fund sum on every day (the reference's largest gap is rounding).
        Assert.True(expected.GetProperty("max_total_mismatch").GetDouble() <= h.Parameters.TotalTolerance);
        Assert.Empty(h.Mismatches);
    }

    [Fact]
    public void History_as_of_a_date_equals_the_history_on_data_cut_at_that_date()
    {
        using var store = RealData.OpenStore();
        var table = store.LoadFlows("BTC_SPOT_ETF_FLOWS");
        for (var d = new DateOnly(2024, 1, 10); d <= new DateOnly(2026, 1, 5); d = d.AddDays(19))
        {
            int n = table.Dates.Count(x => x <= d);
            var cut = table with { Dates = table.Dates[..n], Values = table.Values.Select(v => v[..n]).ToArray(), Total = table.Total[..n] };
            var full = EtfFlowStatistics.Build(table, d);
            var truncated = EtfFlowStatistics.Build(cut);
            Assert.Equal(truncated.Days, full.Days);
            Assert.Equal(truncated.Funds, full.Funds);
            Assert.Equal(truncated.Excluded, full.Excluded);
            Assert.Equal(EtfFlowStatistics.Read(truncated, 20), EtfFlowStatistics.Read(full, 20));
        }
    }
}
