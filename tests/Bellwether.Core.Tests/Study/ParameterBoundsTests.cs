using Bellwether.Core.Backtest.Grid;
using Bellwether.Core.Study.EventStudy;
using Xunit;

namespace Bellwether.Core.Tests.Study;

/// <summary>Upper bounds that keep a run within the machine's memory: resamples and grid points.</summary>
public sealed class ParameterBoundsTests
{
    [Fact]
    public void Resamples_above_the_bound_are_refused()
    {
        var atBound = EventStudyParameters.Default with { Resamples = EventStudyParameters.MaxResamples };
        Assert.Equal(EventStudyParameters.MaxResamples, atBound.Resamples);
        // Refused when built, and when copied with a changed value.
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            EventStudyParameters.Default with { Resamples = EventStudyParameters.MaxResamples + 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EventStudyParameters([30], EventStudyParameters.MaxResamples + 1));
    }

    [Fact]
    public void A_grid_above_the_bound_is_refused_even_when_its_size_overflows_an_int()
    {
        GridAxis Axis(string id, int values) => new([id], "p", Enumerable.Range(0, values).Select(v => $"{v}").ToList());
        var thresholds = Enumerable.Range(0, 100).Select(t => (double)t).ToList();
        Assert.Equal(10_000, new GridParameters(thresholds, [Axis("a", 100)]).Count); // the bound itself
        Assert.Throws<ArgumentOutOfRangeException>(() => new GridParameters(thresholds, [Axis("a", 101)]));
        var huge = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new GridParameters(thresholds, [Axis("a", 50_000), Axis("b", 50_000), Axis("c", 50_000)]));
        Assert.Contains("more than 10,000 grid points", huge.Message);
    }
}
