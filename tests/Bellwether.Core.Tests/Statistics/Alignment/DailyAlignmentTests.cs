using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.Alignment;

/// <summary>A window cut from the whole join equals the alignment of that window on its own, row for row.</summary>
public class DailyAlignmentTests
{
    public static TheoryData<string, string, ReturnKind> Pairs => new()
    {
        { "RUT", "ETH", ReturnKind.LogReturns },
        { "RUT", "BTC", ReturnKind.SimpleReturns },
        { "SPY", "BTC", ReturnKind.Levels },
        { "DFF", "BTC", ReturnKind.LogReturns },
    };

    [Theory, MemberData(nameof(Pairs))]
    public void Every_window_equals_the_alignment_of_that_window(string a, string b, ReturnKind kind)
    {
        _ = RealData.Folder;
        using var store = RealData.OpenStore();
        var (x, y) = (store.LoadSeries(a), store.LoadSeries(b));
        var whole = DailyAlignment.Of([x, y], kind);
        int rows = 0;
        for (var until = new DateOnly(2017, 6, 1); until <= new DateOnly(2026, 1, 10); until = until.AddDays(3))
            foreach (int days in new[] { 1, 2, 30, 90, 365, 730 })
            {
                var options = new AlignmentOptions(until.AddDays(1 - days), until, Frequency.Daily, kind);
                var expected = ReturnAlignment.Align(x, y, options);
                var actual = whole.Window(options);
                AssertSame(expected, actual);
                rows += actual.Count;
            }
        AssertSame(ReturnAlignment.Align(x, y, new AlignmentOptions(null, null, Frequency.Daily, kind)), whole.Window(new AlignmentOptions(null, null, Frequency.Daily, kind)));
        AssertSame(ReturnAlignment.Align(x, y, new AlignmentOptions(new DateOnly(2020, 3, 1), null, Frequency.Daily, kind)),
            whole.Window(new AlignmentOptions(new DateOnly(2020, 3, 1), null, Frequency.Daily, kind)));
        Assert.True(rows > 100_000);
    }

    [Fact]
    public void Another_frequency_or_kind_is_refused()
    {
        var s = Synthetic.Series("X", "USD", ("2025-01-01", 100), ("2025-01-02", 101));
        var whole = DailyAlignment.Of([s, s], ReturnKind.LogReturns);
        Assert.Throws<ArgumentException>(() => whole.Window(new AlignmentOptions(null, null, Frequency.Weekly, ReturnKind.LogReturns)));
        Assert.Throws<ArgumentException>(() => whole.Window(new AlignmentOptions(null, null, Frequency.Daily, ReturnKind.Levels)));
        Assert.Throws<ArgumentException>(() => whole.Window(new AlignmentOptions(new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 1))));
    }

    private static void AssertSame(AlignedReturns expected, AlignedReturns actual)
    {
        Assert.Equal(expected.Ids, actual.Ids);
        Assert.Equal(expected.Dates, actual.Dates);
        Assert.Equal(expected.Columns.Length, actual.Columns.Length);
        for (int k = 0; k < expected.Columns.Length; k++) Assert.Equal(expected.Columns[k], actual.Columns[k]);
        Assert.Equal((expected.Start, expected.Options, expected.PartialLastPeriod, expected.DroppedRows),
            (actual.Start, actual.Options, actual.PartialLastPeriod, actual.DroppedRows));
    }
}
