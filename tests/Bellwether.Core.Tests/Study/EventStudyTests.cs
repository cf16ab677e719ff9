using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.EventStudy;
using Xunit;
using static Bellwether.Core.Tests.Study.Synthetic;

namespace Bellwether.Core.Tests.Study;

public class EventStudyTests
{
    private sealed class FixedEvents(params int[] days) : IEventSource
    {
        public string Id => "fixed";
        public string Description => "fixed days";
        public IReadOnlyList<StudyEvent> Events(DateOnly asOf) =>
            days.Select(d => new StudyEvent(Id, Day0.AddDays(d), $"day {d}")).Where(e => e.Date <= asOf).ToList();
    }

    // 20 days: price doubles from day 10 to 12; before day 3 the asset does not exist.
    private static readonly double[] Closes = [.. Enumerable.Range(0, 20).Select(i => i < 3 ? double.NaN : i < 11 ? 100 : i == 11 ? 150 : 200)];

    [Fact]
    public void Forward_values_baseline_hit_rate_and_independent_events()
    {
        var asset = Prices("A", Closes);
        var r = EventStudy.Run(new FixedEvents(1, 9, 10, 12, 18), [asset], Day0.AddDays(19), new EventStudyParameters([2], Resamples: 200, MinIndependentEvents: 3));
        var f = r.Events.Select(e => e.Forward.Single()).ToList();
        Assert.Equal("A has no value before 2024-01-04", f[0].Note);                 // day 1: the asset did not exist yet
        Assert.Equal(0.5, f[1].Value, 12);                                           // day 9 → 11: 100 → 150
        Assert.Equal(1.0, f[2].Value, 12);                                           // day 10 → 12
        Assert.Equal(0, f[3].Value);                                                 // day 12 → 14
        Assert.StartsWith("the window ends 2024-01-21", f[4].Note);                  // day 18 + 2 is after the data
        var s = r.Summaries.Single();
        // Baseline: days 3..17 (15 days); moves 0 except day 9 (+0.5), 10 (+1), 11 (+1/3).
        Assert.Equal(15, s.BaselineDays);
        Assert.Equal((0.5 + 1 + 1 / 3.0) / 15, s.BaselineMean, 12);
        Assert.Equal(1.5 / 3, s.Mean, 12);
        Assert.Equal(2.0 / 3, s.HitRate, 12);
        Assert.Equal(3.0 / 15, s.BaselineHitRate, 12);
        Assert.Equal(3, s.Events);
        Assert.Equal(2, s.IndependentEvents);   // 9 and 12 (10 starts within 2 days of 9)
        Assert.Contains(s.Warnings, w => w.Contains("only 2 non-overlapping"));
        Assert.Contains(r.Warnings, w => w.StartsWith("1 of 5 events come before A's first value"));
        Assert.Equal(s.PValue, s.PHolm); // one test: Holm changes nothing
        // Event moves 0, 0.5, 1 (sorted); quartiles interpolate between order statistics (numpy's default).
        Assert.Equal(0.5, s.Median, 12);
        Assert.Equal(0.25, s.LowerQuartile, 12);
        Assert.Equal(0.75, s.UpperQuartile, 12);
        Assert.Equal(0, s.BaselineMedian);        // twelve of the fifteen daily moves are 0
        // Each event's path every 7 days up to the longest horizon (2 days: the event day alone).
        Assert.Equal([0.0], r.Events[1].Paths.Single().Moves);
        Assert.True(double.IsNaN(r.Events[0].Paths.Single().Moves[0]), "no value before the asset existed");
    }

    [Fact]
    public void Each_event_has_its_path_every_seven_days_up_to_the_longest_horizon()
    {
        var r = EventStudy.Run(new FixedEvents(3), [Prices("A", Closes)], Day0.AddDays(19), new EventStudyParameters([2, 14], Resamples: 50));
        // Day 3 → 3, 10, 17: 100, 100, 200.
        Assert.Equal([0.0, 0.0, 1.0], r.Events.Single().Paths.Single().Moves);
    }

    [Fact]
    public void An_asset_shorter_than_the_horizon_is_said_to_be()
    {
        var r = EventStudy.Run(new FixedEvents(1), [Prices("A", 1, 2, 3)], Day0.AddDays(2), new EventStudyParameters([5], Resamples: 10));
        var s = r.Summaries.Single();
        Assert.Equal(0, s.Events);
        Assert.True(double.IsNaN(s.PValue));
        Assert.Contains(s.Warnings, w => w.Contains("fewer than 5 days"));
    }

    [Fact]
    public void Nothing_after_the_as_of_date_is_read()
    {
        var asset = Prices("A", Closes);
        var full = EventStudy.Run(new FixedEvents(9, 10, 12), [asset], Day0.AddDays(13), new EventStudyParameters([2], Resamples: 50));
        var changed = Prices("A", [.. Closes.Select((c, i) => i > 13 ? c * 7 : c)]);
        var other = EventStudy.Run(new FixedEvents(9, 10, 12), [changed], Day0.AddDays(13), new EventStudyParameters([2], Resamples: 50));
        Assert.Equal(Text(full), Text(other));
    }

    private static string Text(EventStudyResult r) => System.Text.Json.JsonSerializer.Serialize(r,
        new System.Text.Json.JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
}
