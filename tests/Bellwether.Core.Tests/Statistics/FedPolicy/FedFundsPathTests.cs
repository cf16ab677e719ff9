using System.Globalization;
using System.Text.Json;
using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.FedPolicy;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.FedPolicy;

public class FedFundsPathTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);

    private static double[] Flat(double level, int days) => Enumerable.Repeat(level, days).ToArray();

    [Fact]
    public void A_sustained_step_is_a_move_and_a_short_spike_is_not()
    {
        // 12 days at 4.33, a 3-day quarter-end spike to 4.60, back to 4.33, then a cut to 4.08 from day 20.
        double[] values = [.. Flat(4.33, 12), .. Flat(4.60, 3), .. Flat(4.33, 5), .. Flat(4.08, 8)];
        var dff = Synthetic.Daily("DFF", "percent", "2025-01-01", values);
        var move = Assert.Single(FedFundsPath.Changes(dff));
        Assert.Equal(Start.AddDays(20), move.Date);
        Assert.Equal(-0.25, move.Size, 12);
        Assert.True(move.IsCut);
        Assert.Equal(Start.AddDays(24), move.ConfirmedOn);
    }

    [Fact]
    public void A_move_is_pending_until_confirmed()
    {
        double[] values = [.. Flat(5.33, 15), .. Flat(4.83, 7)];
        var dff = Synthetic.Daily("DFF", "percent", "2025-01-01", values);
        var early = FedFundsPath.AsOf(dff, Start.AddDays(17))!; // three days at the new level
        Assert.Null(early.LastChange);
        Assert.Equal(FedRegime.OnHold, early.Regime);
        Assert.Equal(new PendingRateChange(Start.AddDays(15), 3, 5.33, 4.83), early.Pending);
        var later = FedFundsPath.AsOf(dff, Start.AddDays(19))!;
        Assert.Null(later.Pending);
        Assert.Equal(-0.5, later.LastChange!.Size, 12);
        Assert.Equal(FedRegime.Easing, later.Regime);
        Assert.Equal((1, 0, 1, 0), (later.Cuts6M, later.Hikes6M, later.Cuts12M, later.Hikes12M));
        Assert.Equal(4, later.DaysSinceLastChange);
    }

    [Fact]
    public void Regime_follows_the_latest_move_within_six_months()
    {
        double[] values = [.. Flat(1.0, 15), .. Flat(1.25, 30), .. Flat(1.0, 30)];
        var dff = Synthetic.Daily("DFF", "percent", "2025-01-01", values);
        Assert.Equal(FedRegime.Easing, FedFundsPath.AsOf(dff, Start.AddDays(74))!.Regime);
        Assert.Equal(FedRegime.Tightening, FedFundsPath.AsOf(dff, Start.AddDays(44))!.Regime);
        Assert.Equal(FedRegime.OnHold, FedFundsPath.AsOf(dff, Start.AddDays(74).AddMonths(7))!.Regime);
    }

    [Fact]
    public void A_rate_not_in_percent_is_refused()
    {
        var dff = Synthetic.Daily("DFF", "unknown", "2025-01-01", Flat(1, 20));
        Assert.Throws<NotMeasurableException>(() => FedFundsPath.Changes(dff));
    }

    private static readonly string[] AsOfDates =
        ["2025-12-15", "2025-12-14", "2025-12-11", "2025-09-20", "2024-09-30", "2023-08-01", "2022-06-20", "2020-03-20", "2019-01-01", "2016-06-01", "2007-09-30"];

    [Fact]
    public void Moves_and_readings_match_pandas()
    {
        using var store = RealData.OpenStore();
        var dff = store.LoadSeries("DFF");
        var p = FedPathParameters.Default;
        var reference = JsonDocument.Parse(Reference.Run("fed_path.py", [RealData.File("macro", "DFF.csv"),
            p.Threshold.ToString(CultureInfo.InvariantCulture), p.ConfirmObservations.ToString(CultureInfo.InvariantCulture),
            p.BaselineObservations.ToString(CultureInfo.InvariantCulture), .. AsOfDates])).RootElement;
        var expected = reference.GetProperty("moves").EnumerateArray().ToList();
        var moves = FedFundsPath.Changes(dff);
        Assert.Equal(expected.Count, moves.Count);
        for (int i = 0; i < moves.Count; i++) AssertMove(expected[i], moves[i]);
        foreach (var r in reference.GetProperty("readings").EnumerateArray())
        {
            var reading = FedFundsPath.AsOf(dff, RelativeAssert.Date(r.GetProperty("as_of")))!;
            AssertMove(r.GetProperty("last"), reading.LastChange!);
            Assert.Equal(r.GetProperty("cuts6").GetInt32(), reading.Cuts6M);
            Assert.Equal(r.GetProperty("hikes6").GetInt32(), reading.Hikes6M);
            Assert.Equal(r.GetProperty("cuts12").GetInt32(), reading.Cuts12M);
            Assert.Equal(r.GetProperty("hikes12").GetInt32(), reading.Hikes12M);
            Assert.Equal(r.GetProperty("regime").GetString(), reading.Regime switch
            {
                FedRegime.Easing => "easing",
                FedRegime.Tightening => "tightening",
                _ => "on_hold",
            });
        }
    }

    private static void AssertMove(JsonElement expected, RateChange actual)
    {
        Assert.Equal(RelativeAssert.Date(expected.GetProperty("date")), actual.Date);
        Assert.Equal(RelativeAssert.Date(expected.GetProperty("confirmed_on")), actual.ConfirmedOn);
        RelativeAssert.Equal(expected.GetProperty("before").GetDouble(), actual.Before, $"before {actual.Date}");
        RelativeAssert.Equal(expected.GetProperty("after").GetDouble(), actual.After, $"after {actual.Date}");
    }

    [Fact]
    public void Since_the_2008_target_range_no_move_is_smaller_than_a_policy_step()
    {
        using var store = RealData.OpenStore();
        var moves = FedFundsPath.Changes(store.LoadSeries("DFF")).Where(m => m.Date >= new DateOnly(2008, 12, 17)).ToList();
        Assert.All(moves, m => Assert.True(Math.Abs(m.Size) >= 0.19, $"{m.Date}: {m.Size}"));
    }

    [Fact]
    public void Reading_as_of_a_date_equals_the_reading_on_data_cut_at_that_date()
    {
        using var store = RealData.OpenStore();
        var dff = store.LoadSeries("DFF");
        for (var d = new DateOnly(2015, 1, 3); d <= new DateOnly(2026, 1, 3); d = d.AddDays(23))
        {
            var full = FedFundsPath.AsOf(dff, d)!;
            var cut = FedFundsPath.AsOf(dff.AsOf(d), d)!;
            Assert.Equal(cut with { Changes12M = [] }, full with { Changes12M = [] });
            Assert.Equal(cut.Changes12M, full.Changes12M);
        }
    }
}
