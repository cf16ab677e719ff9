using System.Globalization;
using System.Text.Json;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Multiplicity;
using Bellwether.Core.Tests.Statistics;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Study;

/// <summary>
/// The event study on the real data against tests/reference/study.py, which rebuilds the breakout events, the
/// basket, the index and every forward value from the raw CSV files with pandas, and replays the bootstrap.
/// </summary>
public class EventStudyRealDataTests
{
    private const int Resamples = 2000;
    private static readonly string[] Replayed = ["BTC/90", "ALT_BASKET/30", "ALTSEASON/180"];

    private static readonly Lazy<EventStudyResult> Result = new(() =>
        EventStudy.Run(new BreakoutEventSource("rut_breakout", StudyData.Real.Rut, BreakoutAnalysisParameters.Default), StudyData.Assets.All,
            StudyData.Real.End, EventStudyParameters.Default with { Resamples = Resamples }));

    private static readonly Lazy<JsonElement> Reference = new(() => JsonDocument.Parse(TestSupport.Reference.Run("study.py",
        [RealData.Folder, "markets/rut_daily.csv", $"{StudyData.Real.End:yyyy-MM-dd}", "--resamples", $"{Resamples}",
         .. Replayed.SelectMany(k => new[] { "--bootstrap", k })])).RootElement);

    [Fact]
    public void Every_event_and_forward_value_matches_pandas()
    {
        var expected = Reference.Value.GetProperty("events").EnumerateArray().ToList();
        var actual = Result.Value.Events;
        Assert.True(actual.Count >= 5, "the real RUT history has several breakouts");
        Assert.Equal(expected.Select(e => e.GetProperty("date").GetString()), actual.Select(e => e.Event.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        int compared = 0, defined = 0;
        foreach (var (e, a) in expected.Zip(actual))
            foreach (var f in a.Forward)
            {
                double v = RelativeAssert.Number(e.GetProperty("forward").GetProperty(f.Asset).GetProperty($"{f.Days}"));
                RelativeAssert.Equal(v, f.Value, $"{a.Event.Date} {f.Asset} {f.Days}d");
                Assert.Equal(double.IsNaN(f.Value), f.Note is not null);
                compared++;
                if (!double.IsNaN(v)) defined++;
            }
        foreach (var (e, a) in expected.Zip(actual))
            foreach (var p in a.Paths)
            {
                var moves = e.GetProperty("path").GetProperty(p.Asset).EnumerateArray().Select(RelativeAssert.Number).ToList();
                Assert.Equal(moves.Count, p.Moves.Count);
                for (int k = 0; k < moves.Count; k++) RelativeAssert.Equal(moves[k], p.Moves[k], $"{a.Event.Date} {p.Asset} path {k}");
            }
        Assert.Equal(actual.Count * 5 * 4, compared);
        Assert.True(defined > 50);
    }

    [Fact]
    public void Summaries_match_pandas()
    {
        var expected = Reference.Value.GetProperty("summary");
        foreach (var s in Result.Value.Summaries)
        {
            string key = $"{s.Asset}/{s.Days}";
            var e = expected.GetProperty(key);
            Assert.Equal(e.GetProperty("events").GetInt32(), s.Events);
            Assert.Equal(e.GetProperty("independent_events").GetInt32(), s.IndependentEvents);
            Assert.Equal(e.GetProperty("baseline_days").GetInt32(), s.BaselineDays);
            Assert.Equal(e.GetProperty("baseline_from").GetString(), s.BaselineFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(e.GetProperty("baseline_to").GetString(), s.BaselineTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            RelativeAssert.Equal(RelativeAssert.Number(e.GetProperty("mean")), s.Mean, key + " mean");
            RelativeAssert.Equal(e.GetProperty("baseline_mean").GetDouble(), s.BaselineMean, key + " baseline mean");
            RelativeAssert.Equal(RelativeAssert.Number(e.GetProperty("hit_rate")), s.HitRate, key + " hit rate");
            RelativeAssert.Equal(e.GetProperty("baseline_hit_rate").GetDouble(), s.BaselineHitRate, key + " baseline hit rate");
            RelativeAssert.Equal(RelativeAssert.Number(e.GetProperty("median")), s.Median, key + " median");
            RelativeAssert.Equal(RelativeAssert.Number(e.GetProperty("q25")), s.LowerQuartile, key + " lower quartile");
            RelativeAssert.Equal(RelativeAssert.Number(e.GetProperty("q75")), s.UpperQuartile, key + " upper quartile");
            RelativeAssert.Equal(e.GetProperty("baseline_median").GetDouble(), s.BaselineMedian, key + " baseline median");
            Assert.Equal(s.IndependentEvents < EventStudyParameters.Default.MinIndependentEvents && s.Events > 0,
                s.Warnings.Any(w => w.Contains("non-overlapping", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Bootstrap_intervals_and_p_values_replay_in_pandas()
    {
        foreach (var key in Replayed)
        {
            var e = Reference.Value.GetProperty("bootstrap").GetProperty(key);
            var s = Result.Value.Summaries.Single(x => $"{x.Asset}/{x.Days}" == key);
            Assert.Equal(e.GetProperty("usable").GetInt32(), s.Resamples);
            RelativeAssert.Equal(e.GetProperty("estimate").GetDouble(), s.Difference, key + " difference");
            RelativeAssert.Equal(e.GetProperty("low").GetDouble(), s.CiLow, key + " ci low", 1e-7);
            RelativeAssert.Equal(e.GetProperty("high").GetDouble(), s.CiHigh, key + " ci high", 1e-7);
            RelativeAssert.Equal(e.GetProperty("p_value").GetDouble(), s.PValue, key + " p");
            Assert.InRange(s.Difference, s.CiLow - Math.Abs(s.CiHigh - s.CiLow), s.CiHigh + Math.Abs(s.CiHigh - s.CiLow));
        }
    }

    [Fact]
    public void Holm_adjustment_matches_statsmodels()
    {
        var p = Result.Value.Summaries.Select(s => s.PValue).ToList();
        var text = string.Join(',', p.Select(x => double.IsNaN(x) ? "nan" : x.ToString("R", CultureInfo.InvariantCulture)));
        var expected = JsonDocument.Parse(TestSupport.Reference.Run("multitest.py", text)).RootElement.EnumerateArray().Select(RelativeAssert.Number).ToArray();
        var actual = Result.Value.Summaries.Select(s => s.PHolm).ToArray();
        for (int i = 0; i < p.Count; i++) RelativeAssert.Equal(expected[i], actual[i], $"holm {i}");
        Assert.Equal(expected, Holm.Adjust(p).Select(x => x), new RelativeComparer());
    }

    [Fact]
    public void The_basket_matches_pandas_every_day()
    {
        var expected = Reference.Value.GetProperty("basket");
        var level = StudyData.Assets.Basket.Level;
        Assert.Equal(expected.GetProperty("first").GetString(), level.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var values = RelativeAssert.Numbers(expected.GetProperty("level"));
        Assert.Equal(values.Length, level.Count);
        for (int i = 0; i < values.Length; i++) RelativeAssert.Equal(values[i], level.Values[i], $"basket {level.First.AddDays(i)}", 1e-9 * 100);
        Assert.Equal(0, StudyData.Assets.Basket.UnpricedDays);
    }

    private sealed class RelativeComparer : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= 1e-12;
        public int GetHashCode(double obj) => 0;
    }
}
