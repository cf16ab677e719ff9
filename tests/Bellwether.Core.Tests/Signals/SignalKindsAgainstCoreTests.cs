using Bellwether.Core.Board;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Correlation;
using Bellwether.Core.Statistics.Divergence;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.Core.Statistics.EtfFlows;
using Bellwether.Core.Statistics.FedPolicy;
using Bellwether.Core.Statistics.Liquidity;
using Bellwether.Core.Statistics.Rolling;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.RecordCloses;
using Bellwether.Core.Structure.Trendlines;
using Xunit;
using static Bellwether.Core.Tests.Signals.BoardData;

namespace Bellwether.Core.Tests.Signals;

/// <summary>
/// Each signal of the default thesis on the real data against the core statistic it adapts, called directly on the
/// whole history, over many dates. The kinds read shorter windows or shared whole-history results for speed; these
/// tests show the readings are the core's.
/// </summary>
public class SignalKindsAgainstCoreTests
{
    private static DailySeries S(string id) => Market.Series(id)!;

    [Theory]
    [MemberData(nameof(EveryThirtySeventhDay), MemberType = typeof(BoardData))]
    public void Breakout_is_the_multi_year_high_of_the_whole_history_analysis(string date)
    {
        var d = DateOnly.Parse(date);
        var reading = Read("rut_resistance", d);
        var report = BreakoutAnalysis.AsOf(S("RUT"), d, BreakoutAnalysisParameters.Default);
        var level = report.Levels.SingleOrDefault(l => l.Kind == LevelKind.MultiYearHigh);
        if (level is null)
        {
            // Data shorter than the lookback (the excerpt's two years against five): no level, so no reading.
            Assert.False(reading.Measurable, reading.Explanation);
            return;
        }
        double close = S("RUT").Close[S("RUT").IndexOnOrBefore(d)];
        Assert.Equal((close / level.Price - 1) * 100, reading.Value, 12);
        Assert.Equal((Snake(level.State), level.Since), (reading.Label, reading.Since));
        Assert.Equal(level.Price, reading.Fields["level"]);
        var events = report.Events.Where(e => e.Kind == LevelKind.MultiYearHigh && e.LevelDate == level.FirstTouch).ToList();
        Assert.Equal(events.Count(e => e.Type == BreakoutEventType.Breakout), reading.Fields["breakouts"]);
    }

    [Theory]
    [MemberData(nameof(EveryThirtySeventhDay), MemberType = typeof(BoardData))]
    public void Fed_path_is_the_whole_history_reading(string date)
    {
        var d = DateOnly.Parse(date);
        var reading = Read("fed_path", d);
        var core = FedFundsPath.AsOf(S("DFF"), d)!;
        Assert.Equal(Snake(core.Regime), reading.Label);
        Assert.Equal(core.NetChange12M * 100, reading.Value, 9);
        Assert.Equal((core.Rate, (double)core.Cuts6M, (double)core.Hikes6M, (double)core.Cuts12M, (double)core.Hikes12M),
            (reading.Fields["rate"], reading.Fields["cuts_6m"], reading.Fields["hikes_6m"], reading.Fields["cuts_12m"], reading.Fields["hikes_12m"]));
        Assert.Equal(core.LastChange!.Size * 100, reading.Fields["last_change_bp"], 9);
        Assert.Equal((double)core.DaysSinceLastChange!, reading.Fields["days_since_last_change"]);
        Assert.Equal(core.Pending is not null ? 1 : 0, reading.Fields["pending"]);
    }

    [Theory]
    [MemberData(nameof(EveryThirtySeventhDay), MemberType = typeof(BoardData))]
    public void Net_liquidity_is_the_latest_week_of_the_as_of_computation(string date)
    {
        var d = DateOnly.Parse(date);
        var reading = Read("net_liquidity", d);
        var latest = NetLiquidity.Compute(S("WALCL"), S("WTREGEN"), S("RRPONTSYD"), d).Latest!;
        Assert.Equal((latest.Change13W, latest.Value, latest.Change4W, Snake(latest.Trend), latest.Date),
            (reading.Value, reading.Fields["level"], reading.Fields["change_4w"], reading.Label, reading.To!.Value));
    }

    [Theory]
    [MemberData(nameof(EveryThirtySeventhDay), MemberType = typeof(BoardData))]
    public void Divergence_is_the_latest_day_of_the_as_of_computation(string date)
    {
        var d = DateOnly.Parse(date);
        var reading = Read("rut_btc_divergence", d);
        var core = RiskOnDivergence.Compute(S("RUT"), S("BTC"), d);
        var day = core.Latest!;
        Assert.Equal((day.IndexDrawdown - day.CryptoDrawdown) * 100, reading.Value, 12);
        Assert.Equal((day.Active ? "diverging" : "not_diverging", day.Date, (double)core.Episodes.Count), (reading.Label, reading.To!.Value, reading.Fields["episodes"]));
        if (day.Active)
        {
            Assert.Equal(core.Episodes[^1].Start, reading.Since);
            Assert.Equal(core.Episodes[^1].Days, reading.Fields["episode_days"]);
        }
        else if (core.Episodes.Count > 0)
            Assert.Equal(core.Days.First(x => x.Date > core.Episodes[^1].End).Date, reading.Since);
    }

    [Theory]
    [MemberData(nameof(EveryThirtySeventhDay), MemberType = typeof(BoardData))]
    public void Record_close_trendline_and_drawdown_are_the_core_readings(string date)
    {
        var d = DateOnly.Parse(date);
        var closes = PeriodCloses.AsOf(S("RUT"), d, new RecordCloseParameters()).Closes;
        var record = Read("rut_record_month", d);
        Assert.Equal((closes[^1].Close / closes[^1].PriorRecord - 1) * 100, record.Value, 12);
        Assert.Equal(closes[^1].Close, record.Fields["close"]);
        Assert.Equal(closes[^1].IsRecord ? (closes[^1].Provisional ? "provisional_record" : "record") : "below_record", record.Label);

        var ethBtc = RatioSeries.Of(S("ETH"), S("BTC"));
        var line = TrendlineFinder.AsOf(ethBtc, d, TrendlineSide.Resistance, new TrendlineParameters()).Dominant;
        var trend = Read("eth_btc_trendline", d);
        if (line is null) Assert.Equal("no_line", trend.Label);
        else
        {
            Assert.Equal((ethBtc.Close[ethBtc.IndexOnOrBefore(d)] / line.ValueAtAsOf - 1) * 100, trend.Value, 12);
            Assert.Equal((line.Break is null ? "holding" : "broken", line.Break?.Date ?? line.FirstAnchor.Date), (trend.Label, trend.Since));
            Assert.Equal((line.DurationMonths, line.SlopePctPerMonth, (double)line.Touches.Count),
                (trend.Fields["duration_months"], trend.Fields["slope_pct_per_month"], trend.Fields["touches"]));
        }

        var drawdown = Drawdowns.AsOf(S("BTC"), d)!;
        var dd = Read("btc_drawdown", d);
        Assert.Equal((drawdown.Latest.Drawdown, drawdown.Latest.PeakDate, drawdown.Latest.Peak, drawdown.MaxDrawdown),
            (dd.Value, dd.Since, dd.Fields["peak"], dd.Fields["max_drawdown"]));
    }

    [Theory]
    [MemberData(nameof(EveryThirtySeventhDay), MemberType = typeof(BoardData))]
    public void Etf_flows_and_rotation_are_the_core_readings(string date)
    {
        var d = DateOnly.Parse(date);
        var (eth, btc) = (Market.Flows("ETH_SPOT_ETF_FLOWS")!, Market.Flows("BTC_SPOT_ETF_FLOWS")!);
        var (ethHistory, btcHistory) = (EtfFlowStatistics.Build(eth, d), EtfFlowStatistics.Build(btc, d));
        var flows = Read("eth_etf_flows", d);
        var core = EtfFlowStatistics.Read(ethHistory, 20);
        if (core is null || double.IsNaN(core.WindowSum)) Assert.False(flows.Measurable);
        else
        {
            Assert.Equal(core.WindowSum, flows.Value, 9);
            Assert.Equal((core.Latest.Total, core.Latest.Cumulative, (double)core.Latest.Streak), (flows.Fields["latest"], flows.Fields["cumulative"], flows.Fields["streak"]));
        }
        var rotation = Read("eth_vs_btc_etf_flows", d);
        var r = FlowRotation.Compute(ethHistory, btcHistory, 20);
        if (r is null) Assert.False(rotation.Measurable);
        else
        {
            Assert.Equal((r.Window.IntoSum - r.Window.OutOfSum, Snake(r.Window.Kind), r.Window.From, r.Window.To),
                (rotation.Value, rotation.Label, rotation.From!.Value, rotation.To!.Value));
            Assert.Equal((r.Window.IntoSum, r.Window.OutOfSum, (double)r.RotationDays), (rotation.Fields["into_sum"], rotation.Fields["out_of_sum"], rotation.Fields["rotation_days"]));
        }
    }

    [Theory]
    [MemberData(nameof(EveryThirtySeventhDay), MemberType = typeof(BoardData))]
    public void Correlations_are_the_core_statistics_and_the_trend_reads_the_whole_history_rolling_value(string date)
    {
        var d = DateOnly.Parse(date);
        foreach (var (id, coin) in new[] { ("rut_eth_corr", "ETH"), ("rut_btc_corr", "BTC") })
        {
            var rows = ReturnAlignment.Align(S("RUT"), S(coin), new AlignmentOptions(d.AddDays(-364), d));
            var core = Correlations.Compute(rows.Columns[0], rows.Columns[1]);
            var reading = Read(id, d);
            Assert.Equal((core.Pearson, core.Ci95Low, core.Ci95High, (double)core.N, core.PValue),
                (reading.Value, reading.Fields["ci95_low"], reading.Fields["ci95_high"], reading.Fields["n"], reading.Fields["p_value"]));
        }
        // The trend reads two years of returns; its latest rolling value is the one of the whole history's alignment.
        var all = ReturnAlignment.Align(S("RUT"), S("ETH"), new AlignmentOptions(Until: d));
        var rolling = new double[all.Count];
        RollingStatistics.Pearson(all.Columns[0], all.Columns[1], RollingWindow.OfObservations(90), rolling, all.Dates);
        var trend = Read("rut_eth_corr_trend", d);
        Assert.Equal(rolling[^1], trend.Fields["current"], 12);
        int back = Array.FindLastIndex(all.Dates, x => x <= all.Dates[^1].AddDays(-90));
        Assert.Equal(rolling[back], trend.Fields["previous"], 12);
        Assert.Equal(rolling[^1] - rolling[back], trend.Value, 12);
    }

    /// <summary>The index the kind builds from closes only equals the index built from the full stored series.</summary>
    [Fact]
    public void Altseason_variants_are_the_index_of_the_full_series()
    {
        var index = new AltcoinSeasonIndex(Store.LoadSeriesOfClass(AssetClass.Crypto), Store.LoadRankings(), Store.LoadClassifications());
        foreach (var date in Dates())
        {
            var reading = Read("altseason_90d_k50", date);
            foreach (var (n, k) in new[] { (30, 50), (90, 50), (365, 50), (30, 100), (90, 100), (365, 100) })
            {
                double expected = index.At(date, new AltcoinSeasonParameters(n, k)).Index;
                double actual = n == 90 && k == 50 && reading.Measurable ? reading.Value : reading.Fields.GetValueOrDefault($"d{n}_k{k}", double.NaN);
                // Not measurable: undefined, or a reading of status partial or stale_ranking.
                if (!reading.Measurable && n == 90 && k == 50)
                    Assert.True(index.At(date, new AltcoinSeasonParameters(n, k)).Status != IndexStatus.Ok, $"{date}: {reading.Explanation}");
                else if (reading.Measurable) Assert.Equal(expected, actual);
            }
            if (reading.Measurable)
            {
                var at = index.At(date, new AltcoinSeasonParameters());
                Assert.Equal((Snake(at.Season), (double)at.EligibleCount), (reading.Label, reading.Fields["eligible"]));
                Assert.Equal(at.Index - index.At(date.AddDays(-30), new AltcoinSeasonParameters()).Index, reading.Fields["change_30d"]);
            }
        }
    }

    private static string Snake<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
