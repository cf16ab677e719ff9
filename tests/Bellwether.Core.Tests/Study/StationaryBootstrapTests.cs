using Bellwether.Core.Study.Bootstrap;
using Bellwether.Core.Study.Multiplicity;
using Xunit;

namespace Bellwether.Core.Tests.Study;

public class StationaryBootstrapTests
{
    private static readonly double[] Values = [1, 2, 3, 4, double.NaN, 6, 7, 8, 9, 10];
    private static readonly bool[] Events = [false, true, false, false, true, false, false, true, false, false];

    [Fact]
    public void The_estimate_is_the_event_mean_minus_the_mean_of_all_days_with_a_value()
    {
        // Events with a value: 2 and 8 (the NaN day counts nowhere); all values: 50 / 9.
        var r = StationaryBootstrap.EventMeanDifference(Values, Events, 500, 3, SplitMix64.Stream(1, "t"));
        Assert.Equal(5 - 50.0 / 9, r.Estimate, 12);
        Assert.True(r.Usable is > 0 and <= 500);
        Assert.True(r.Low <= r.High);
        Assert.InRange(r.PValue, 1.0 / 501, 1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result_and_another_seed_another()
    {
        var a = StationaryBootstrap.EventMeanDifference(Values, Events, 300, 2, SplitMix64.Stream(7, "x"));
        var b = StationaryBootstrap.EventMeanDifference(Values, Events, 300, 2, SplitMix64.Stream(7, "x"));
        var c = StationaryBootstrap.EventMeanDifference(Values, Events, 300, 2, SplitMix64.Stream(8, "x"));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Without_events_or_values_nothing_is_estimated()
    {
        var none = StationaryBootstrap.EventMeanDifference(Values, new bool[Values.Length], 100, 2, new SplitMix64(1));
        Assert.True(double.IsNaN(none.Estimate) && double.IsNaN(none.PValue) && none.Usable == 0);
        var empty = StationaryBootstrap.EventMeanDifference([], [], 100, 2, new SplitMix64(1));
        Assert.True(double.IsNaN(empty.Estimate));
    }

    [Fact]
    public void A_constant_series_has_a_zero_difference_and_p_value_one()
    {
        var r = StationaryBootstrap.EventMeanDifference(Enumerable.Repeat(3.0, 50).ToArray(), Enumerable.Range(0, 50).Select(i => i % 7 == 0).ToArray(), 200, 5, new SplitMix64(3));
        Assert.Equal((0.0, 0.0, 0.0, 1.0), (r.Estimate, r.Low, r.High, r.PValue));
    }

    [Fact]
    public void Quantile_interpolates_like_numpy()
    {
        double[] sorted = [1, 2, 4, 8];
        Assert.Equal(1, StationaryBootstrap.Quantile(sorted, 0));
        Assert.Equal(8, StationaryBootstrap.Quantile(sorted, 1));
        Assert.Equal(3, StationaryBootstrap.Quantile(sorted, 0.5)); // h = 1.5
        Assert.Equal(1.075, StationaryBootstrap.Quantile(sorted, 0.025), 12); // h = 0.075
    }

    [Fact]
    public void SplitMix64_gives_the_published_first_outputs()
    {
        // Seed 1234567: the reference sequence of Vigna's splitmix64.c.
        var rng = new SplitMix64(1234567);
        Assert.Equal(6457827717110365317UL, rng.Next());
        Assert.Equal(3203168211198807973UL, rng.Next());
    }

    [Fact]
    public void Holm_multiplies_by_the_remaining_count_and_keeps_order()
    {
        // Sorted 0.01, 0.02, 0.04 (m = 3): 0.03, max(0.03, 0.04) = 0.04, max(0.04, 0.04) = 0.04; NaN stays out.
        var adjusted = Holm.Adjust([0.04, 0.01, double.NaN, 0.02]);
        Assert.Equal(0.04, adjusted[0], 15);
        Assert.Equal(0.03, adjusted[1], 15);
        Assert.True(double.IsNaN(adjusted[2]));
        Assert.Equal(0.04, adjusted[3], 15);
        Assert.Equal([1.0, 1.0], Holm.Adjust([0.6, 0.9]));
    }
}
