using Bellwether.Core.Statistics.FedPolicy;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.FedPolicy;

/// <summary>
/// A span read from the history prepared once (baselines from the whole series) equals the path of that span alone
/// (baselines from the span's own observations), on every day: the readings the board takes over 14 months.
/// </summary>
public class FedRateHistoryTests
{
    [Theory]
    [InlineData(14)]
    [InlineData(3)]
    public void Every_day_equals_the_path_of_its_span_alone(int months)
    {
        _ = RealData.Folder;
        using var store = RealData.OpenStore();
        var dff = store.LoadSeries("DFF");
        var history = FedFundsPath.History(dff);
        int moves = 0;
        for (var d = new DateOnly(2007, 1, 1); d <= dff.Dates[^1].AddDays(5); d = d.AddDays(1))
        {
            var from = d.AddMonths(-months);
            var expected = FedFundsPath.AsOf(dff.Between(from, d), d);
            var actual = history.AsOf(from, d);
            Assert.Equal(expected is null, actual is null);
            if (expected is null) continue;
            Assert.Equal(expected with { Changes12M = [] }, actual! with { Changes12M = [] });
            Assert.Equal(expected.Changes12M, actual.Changes12M);
            moves += actual.Changes12M.Count;
        }
        Assert.True(moves > 100);
    }
}
