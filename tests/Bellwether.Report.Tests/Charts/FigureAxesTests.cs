using System.Text.Json;
using Xunit;

namespace Bellwether.Report.Tests.Charts;

/// <summary>The axis helpers behind the chart fixes of issue 14: one zero line on two axes, readable log labels,
/// room for every axis's labels.</summary>
public sealed class FigureAxesTests
{
    private static double ZeroShare(double[] range) => -range[0] / (range[1] - range[0]);

    [Fact]
    public void Two_axes_put_zero_at_one_height_and_keep_every_value()
    {
        // Returns from −50% to +959% on the left, index moves from −100 to +50 points on the right.
        var (left, right) = Figure.ZeroAlignedRanges([-50, 959, 120], [-100, 50, -30]);
        Assert.Equal(ZeroShare(left), ZeroShare(right), 12);
        Assert.True(left[0] <= -50 && left[1] >= 959, string.Join(", ", left));
        Assert.True(right[0] <= -100 && right[1] >= 50, string.Join(", ", right));
        // The left axis stretches (to about 2.9 times its span) rather than the right (about 7 times).
        Assert.True(left[1] - left[0] > 2.5 * 1009 && right[1] - right[0] < 1.1 * 165, $"{left[1] - left[0]}, {right[1] - right[0]}");

        // All positive on one side, all negative on the other: still one zero line, nothing cut.
        var (up, down) = Figure.ZeroAlignedRanges([10, 20], [-5, -1]);
        Assert.Equal(ZeroShare(up), ZeroShare(down), 12);
        Assert.True(up[1] >= 20 && down[0] <= -5);
    }

    [Fact]
    public void A_log_axis_is_labelled_in_full_numbers_at_1_2_and_5()
    {
        var axis = JsonSerializer.SerializeToElement(Figure.LogAxis([0.8, 3, 640], "equity"));
        Assert.Equal("log", axis.GetProperty("type").GetString());
        var labels = axis.GetProperty("ticktext").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal(["1", "2", "5", "10", "20", "50", "100", "200", "500"], labels);
        // Within a decade (ETH/BTC from 0.018 to 0.045) every step is labelled.
        var ratio = JsonSerializer.SerializeToElement(Figure.LogAxis([0.018, 0.045], "ratio"));
        Assert.Equal(["0.02", "0.03", "0.04", "0.05", "0.06"], ratio.GetProperty("ticktext").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Every_axis_makes_room_for_its_labels()
    {
        var figure = new Figure("f", "t").Line("a", [new DateOnly(2025, 1, 1)], [1]);
        figure.Layout["yaxis2"] = new { overlaying = "y", side = "right" };
        var layout = JsonDocument.Parse(figure.ToJson()).RootElement.GetProperty("layout");
        foreach (var axis in new[] { "xaxis", "yaxis", "yaxis2" })
            Assert.True(layout.GetProperty(axis).GetProperty("automargin").GetBoolean(), axis);
        Assert.Equal("right", layout.GetProperty("yaxis2").GetProperty("side").GetString());
    }
}
