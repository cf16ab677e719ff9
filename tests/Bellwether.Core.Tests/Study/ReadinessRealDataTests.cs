using Bellwether.Core.Backtest.Grid;
using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Core.Study.Readiness;
using Bellwether.Core.Study.SignalValue;
using Bellwether.Core.Tests.Backtest;
using Bellwether.Core.Tests.Statistics;
using Bellwether.Data.Market;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Study;

/// <summary>
/// The readiness history of the default thesis on the real data: equal to the board's own readiness on every day
/// checked, point in time (every value after a cut changed, nothing up to it moves), and the rotation on it against
/// the pandas backtest reference.
/// </summary>
public class ReadinessRealDataTests
{
    private static readonly SignalKinds Kinds = Concepts.Signals;
    private static readonly Lazy<ThesisDefinition> Thesis = new(() => ThesisFile.LoadDefault(Kinds));

    private static readonly Lazy<StoreMarketData> Data = new(() => new StoreMarketData(RealData.OpenStore()));

    /// <summary>Readiness over the basket's whole span: built once per test process.</summary>
    private static readonly Lazy<ReadinessComponents> Full = new(() =>
    {
        var basket = StudyData.Assets.Basket.Level;
        return ReadinessHistory.Build(Thesis.Value, Data.Value, Kinds, basket.First, StudyData.Real.End);
    });

    /// <summary>Days at fractions of the data's span, weekends and month ends among them by construction.</summary>
    private static IEnumerable<DateOnly> Sample(ReadinessComponents c, int count) =>
        Enumerable.Range(0, count).Select(i => c.First.AddDays((int)((long)(c.Days - 1) * i / (count - 1))));

    [Fact]
    public void Combined_scores_equal_the_board_on_every_sampled_day()
    {
        _ = RealData.Folder;
        var c = Full.Value;
        var readiness = c.Readiness();
        foreach (var day in Sample(c, 41))
        {
            var board = ThesisBoard.Evaluate(Thesis.Value, Data.Value, day, Kinds);
            Assert.Equal(board.Readiness, readiness.At(day), 12);
            for (int k = 0; k < c.Signals.Count; k++)
                Assert.Equal(board.Signals[k].State, c.Signals[k].States[day.DayNumber - c.First.DayNumber]);
        }
    }

    /// <summary>
    /// The fast path: signals read whole-history structures built once from the full data (record closes, drawdowns,
    /// return alignments, fed path baselines, altseason years). On sampled days every signal and every grid variant
    /// equals the board on the data cut at that day, where each structure is built from the cut data as a per-day
    /// evaluation would: the same state and score in the history, and the same reading (value, label, since,
    /// explanation, window, inputs, fields) from the board on full data.
    /// </summary>
    [Fact]
    public void Every_signal_and_grid_variant_equals_the_board_on_data_cut_at_sampled_days()
    {
        _ = RealData.Folder;
        var thesis = Thesis.Value;
        var variants = GridParameters.Default(thesis, Concepts.Signals).Axes.SelectMany(a => a.Variants).ToList();
        var c = ReadinessHistory.Build(thesis, Data.Value, Kinds, Full.Value.First, Full.Value.Last, variants);
        var all = c.Signals.Concat(c.Variants).ToList();
        Assert.Equal(thesis.Signals.Count + variants.Count, all.Count);
        foreach (var day in Sample(c, 30))
        {
            var cut = new AsOfMarketData(Data.Value, day);
            int i = day.DayNumber - c.First.DayNumber;
            foreach (var s in all)
            {
                var spec = thesis.Signals.First(x => x.Id == s.SignalId);
                if (s.Variant.Split('=') is [var parameter, var value])
                    spec = spec with { Parameters = new Dictionary<string, string>(spec.Parameters) { [parameter] = value } };
                var single = thesis with { Signals = [spec] };
                var expected = ThesisBoard.Evaluate(single, cut, day, Kinds);
                Assert.Equal((s.SignalId, s.Variant, expected.Signals[0].State, expected.Breakdown[0].Score), (s.SignalId, s.Variant, s.States[i], s.Scores[i]));
                var (e, a) = (expected.Signals[0], ThesisBoard.Evaluate(single, Data.Value, day, Kinds).Signals[0]);
                Assert.Equal((e.Value, e.Label, e.Since, e.Explanation, e.From, e.To, e.Stale), (a.Value, a.Label, a.Since, a.Explanation, a.From, a.To, a.Stale));
                Assert.Equal(e.Inputs, a.Inputs);
                Assert.Equal(e.Fields.OrderBy(f => f.Key), a.Fields.OrderBy(f => f.Key));
            }
        }
    }

    [Fact]
    public void A_variant_changes_only_its_signal_and_equals_a_thesis_with_that_parameter()
    {
        _ = RealData.Folder;
        var thesis = Thesis.Value;
        var breakout = thesis.Signals.First(s => s.Kind == "breakout");
        var start = Full.Value.First.AddDays(Full.Value.Days / 2);
        var c = ReadinessHistory.Build(thesis, Data.Value, Kinds, start, start.AddDays(20),
            [new SignalVariant(breakout.Id, "buffer_pct", "3"), new SignalVariant(breakout.Id, "buffer_pct", "1")]);
        Assert.Same(c.Signals.First(s => s.SignalId == breakout.Id).Scores, c.Variants.Single(v => v.Variant == "buffer_pct=1").Scores); // the thesis's own value is reused
        var changed = thesis with { Signals = [.. thesis.Signals.Select(s => s.Id == breakout.Id ? s with { Parameters = new Dictionary<string, string>(s.Parameters) { ["buffer_pct"] = "3" } } : s)] };
        var readiness = c.Readiness(new Dictionary<string, string> { [breakout.Id] = "buffer_pct=3" });
        foreach (var day in new[] { start, start.AddDays(7), start.AddDays(20) })
            Assert.Equal(ThesisBoard.Evaluate(changed, Data.Value, day, Kinds).Readiness, readiness.At(day), 12);
    }

    public static TheoryData<double> Cuts => new() { 0.4, 0.8 };

    [Theory, MemberData(nameof(Cuts))]
    public void Nothing_after_the_cut_changes_readiness_up_to_it(double fraction)
    {
        _ = RealData.Folder;
        var full = Full.Value;
        var cut = full.First.AddDays((int)(full.Days * fraction));
        var from = cut.AddDays(-45);
        var perturbed = new PerturbedMarketData(Data.Value, cut);
        var original = ReadinessHistory.Build(Thesis.Value, Data.Value, Kinds, from, cut.AddDays(30));
        var changed = ReadinessHistory.Build(Thesis.Value, perturbed, Kinds, from, cut.AddDays(30));
        int upTo = cut.DayNumber - from.DayNumber;
        for (int k = 0; k < original.Signals.Count; k++)
        {
            Assert.Equal(original.Signals[k].States[..(upTo + 1)], changed.Signals[k].States[..(upTo + 1)]);
            Assert.Equal(original.Signals[k].Scores[..(upTo + 1)], changed.Signals[k].Scores[..(upTo + 1)]);
        }
        Assert.Equal(original.Readiness().Values[..(upTo + 1)], changed.Readiness().Values[..(upTo + 1)]);
        // The perturbation reached the signals: some state after the cut differs.
        Assert.Contains(Enumerable.Range(0, original.Signals.Count), k => !original.Signals[k].States[(upTo + 1)..].SequenceEqual(changed.Signals[k].States[(upTo + 1)..]));
    }

    [Fact]
    public void Signal_value_matches_pandas()
    {
        _ = RealData.Folder;
        var readiness = Full.Value.Readiness();
        var parameters = new SignalValueParameters(60, 90, RandomTrials: 300);
        var r = SignalValueAnalysis.Run(readiness, StudyData.Assets.AltSeason, parameters);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, Enumerable.Range(0, readiness.Count).Select(i =>
                $"{readiness.First.AddDays(i):yyyy-MM-dd},{(double.IsNaN(readiness.Values[i]) ? "" : readiness.Values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture))}"));
            var e = System.Text.Json.JsonDocument.Parse(Reference.Run("signal_value.py", RealData.Folder, file, "--threshold", "60", "--within", "90", "--trials", "300")).RootElement;
            Assert.Equal(e.GetProperty("entries").EnumerateArray().Select(x => (x.GetProperty("date").GetString()!, x.GetProperty("season").GetString(), x.GetProperty("evaluable").GetBoolean())),
                r.Entries.Select(x => (Day(x.Date), x.SeasonDate is { } d ? Day(d) : null, x.Evaluable)));
            Assert.Equal(e.GetProperty("seasons").EnumerateArray().Select(x => (x.GetProperty("date").GetString()!, x.GetProperty("entry").GetString())),
                r.Seasons.Select(x => (Day(x.Date), x.EntryDate is { } d ? Day(d) : null)));
            Assert.True(r.Entries.Count > 0 && r.Seasons.Count > 0);
            foreach (var (field, value) in new[] { ("precision", r.Precision), ("recall", r.Recall), ("median_lead", r.MedianLeadDays), ("random_precision", r.RandomPrecision),
                                                   ("random_recall", r.RandomRecall), ("precision_p", r.PrecisionPValue), ("recall_p", r.RecallPValue) })
                RelativeAssert.Equal(RelativeAssert.Number(e.GetProperty(field)), value, field);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_rotation_on_board_readiness_matches_pandas() =>
        BacktestRealDataTests.AssertMatchesReference(Full.Value.Readiness(), BacktestParameters.Default);
}
