using Bellwether.Core.Study.SignalValue;
using Xunit;
using static Bellwether.Core.Tests.Study.Synthetic;

namespace Bellwether.Core.Tests.Study;

public class SignalValueTests
{
    [Fact]
    public void Entries_hits_recall_and_lead_by_hand()
    {
        // 40 days. Readiness crosses 60 on days 5 and 25 (and falls back between).
        // The index reaches 75 on day 9 (from below; lead 4 after day 5) and again on day 36 (11 after day 25).
        var readiness = Levels("R", [.. Enumerable.Range(0, 40).Select(d => d is >= 5 and < 10 || d is >= 25 and < 30 ? 70.0 : 40)]);
        var index = Levels("I", [.. Enumerable.Range(0, 40).Select(d => d is 9 or 10 or 36 ? 80.0 : 50)]);
        var r = SignalValueAnalysis.Run(readiness, index, new SignalValueParameters(60, WithinDays: 5, RandomTrials: 200));
        Assert.Equal([Day0.AddDays(5), Day0.AddDays(25)], r.Entries.Select(e => e.Date));
        Assert.Equal(Day0.AddDays(9), r.Entries[0].SeasonDate);
        Assert.Null(r.Entries[1].SeasonDate);           // day 36 is 11 days later: beyond N = 5
        Assert.Equal(0.5, r.Precision);
        Assert.Equal([Day0.AddDays(9), Day0.AddDays(36)], r.Seasons.Select(s => s.Date));
        Assert.Equal(Day0.AddDays(5), r.Seasons[0].EntryDate);
        Assert.Equal(0.5, r.Recall);
        Assert.Equal(4, r.MedianLeadDays);
        Assert.InRange(r.RandomPrecision, 0, 1);
        Assert.InRange(r.PrecisionPValue, 1.0 / 201, 1);
        Assert.Contains(r.Warnings, w => w.StartsWith("only 2 evaluable entries"));
    }

    [Fact]
    public void An_entry_too_close_to_the_end_is_not_evaluable()
    {
        var readiness = Levels("R", [.. Enumerable.Range(0, 10).Select(d => d >= 8 ? 70.0 : 40)]);
        var index = Levels("I", [.. Enumerable.Repeat(50.0, 10)]);
        var r = SignalValueAnalysis.Run(readiness, index, new SignalValueParameters(60, WithinDays: 5, RandomTrials: 10));
        Assert.False(Assert.Single(r.Entries).Evaluable);
        Assert.True(double.IsNaN(r.Precision));
        Assert.True(double.IsNaN(r.PrecisionPValue));
    }
}
