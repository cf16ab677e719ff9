using System.Globalization;
using System.Text.Json;
using Bellwether.Core.Screening;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Screening;

public class CoMovementTests
{
    private static readonly ScreenOptions Options = new(window: 30, maxLag: 2);

    /// <summary>
    /// A small seeded universe with the traps: instruments 3 and 7 trade on weekdays only (their Monday return spans
    /// three days), 11 misses one bar in seven.
    /// </summary>
    private static ScreenUniverse Universe()
    {
        var synthetic = ScreenUniverse.Synthetic(12, 160, seed: 17);
        var closes = new double[12 * 160];
        for (int t = 0; t < 160; t++)
            for (int i = 0; i < 12; i++)
            {
                bool weekend = synthetic.Calendar[t].DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                closes[t * 12 + i] = (i is 3 or 7 && weekend) || (i == 11 && t % 7 == 2) ? double.NaN : synthetic.Close(t, i);
            }
        return new ScreenUniverse(synthetic.Ids, synthetic.Calendar, closes);
    }

    [Fact]
    public void Every_lane_equals_the_pandas_reference_at_steps_inside_and_at_the_end_of_windows()
    {
        var universe = Universe();
        int[] steps = [1, 10, 29, 45, 89, 130, 159];
        var csv = Path.Combine(Path.GetTempPath(), $"comovement-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(csv, [
            "date," + string.Join(',', universe.Ids),
            .. Enumerable.Range(0, universe.Steps).Select(t => $"{universe.Calendar[t]:yyyy-MM-dd}," + string.Join(',',
                Enumerable.Range(0, 12).Select(i => universe.Close(t, i) is var c && double.IsNaN(c) ? "" : c.ToString("R", CultureInfo.InvariantCulture))))]);
        try
        {
            var reference = JsonDocument.Parse(Reference.Run("comovement_reference.py",
                [csv, "30", "2", .. steps.Select(s => s.ToString(CultureInfo.InvariantCulture))])).RootElement;
            var engine = new CoMovementEngine(new ScreenLayout(12, 4), Options);
            int compared = 0;
            foreach (int step in steps)
            {
                engine.Feed(universe, step + 1);
                var ours = engine.Blocks.SelectMany(b => b.Readings()).ToDictionary(r => (r.A, r.B, r.Lag));
                foreach (var e in reference.EnumerateArray().Where(e => e.GetProperty("step").GetInt32() == step))
                {
                    var key = (e.GetProperty("a").GetInt32(), e.GetProperty("b").GetInt32(), e.GetProperty("lag").GetInt32());
                    Assert.Equal(e.GetProperty("n").GetInt32(), ours[key].Count);
                    Agreement.Close(e.GetProperty("r").Number(), ours[key].Correlation, Agreement.Coefficient, $"step {step} {key}");
                    compared++;
                }
            }
            Assert.Equal(steps.Length * 66 * 5, compared);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Theory]
    [InlineData(12, 4)]
    [InlineData(13, 4)]
    [InlineData(2000, 64)]
    public void The_layout_holds_every_pair_once_in_blocks_of_about_the_same_size(int instruments, int group)
    {
        var layout = new ScreenLayout(instruments, group);
        var seen = new HashSet<(int, int)>();
        var sizes = new List<int>();
        for (int b = 0; b < layout.BlockCount; b++)
        {
            var members = layout.Members(b);
            var pairs = layout.Pairs(b);
            sizes.Add(pairs.Length);
            foreach (var (a, c) in pairs)
            {
                Assert.True(members[a] < members[c]);
                Assert.True(seen.Add((members[a], members[c])), $"pair {members[a]}-{members[c]} twice");
            }
        }
        Assert.Equal(layout.PairCount, seen.Count);
        // Full blocks hold G(G − 1) or G² pairs: at most G apart.
        Assert.True(sizes.Max() - sizes.Where(s => s >= group * (group - 1)).Min() <= group);
        // g − 1 tiles with the other groups and one block of triangles.
        Assert.All(Enumerable.Range(0, instruments), i => Assert.Equal(layout.Groups, layout.BlocksOf(i).Count()));
    }

    [Fact]
    public void Any_layout_gives_the_same_values_to_the_last_bit()
    {
        var universe = Universe();
        var three = new CoMovementEngine(new ScreenLayout(12, 3), Options);
        var five = new CoMovementEngine(new ScreenLayout(12, 5), Options);
        three.Feed(universe, 100);
        five.Feed(universe, 100);
        Assert.Equal(Bits(three), Bits(five));
    }

    [Fact]
    public void The_star_of_one_instrument_gives_the_layout_values_to_the_last_bit()
    {
        var universe = Universe();
        var engine = new CoMovementEngine(new ScreenLayout(12, 4), Options);
        engine.Feed(universe, 120);
        var star = PairBlock.Star(12, 7, Options);
        star.Feed(universe, 120);
        Assert.Equal(Bits(engine.ReadingsOf(7)), Bits(star.Readings()));
    }

    [Fact]
    public void A_block_resumed_from_its_snapshot_continues_bit_for_bit()
    {
        var universe = Universe();
        var layout = new ScreenLayout(12, 4);
        for (int b = 0; b < layout.BlockCount; b++)
        {
            var straight = PairBlock.Of(layout, b, Options);
            var interrupted = PairBlock.Of(layout, b, Options);
            straight.Feed(universe, 160);
            interrupted.Feed(universe, 71);
            var resumed = PairBlock.Of(layout, b, Options);
            resumed.Resume(interrupted.Snapshot());
            Assert.Equal(70, resumed.LastStep);
            resumed.Feed(universe, 160);
            Assert.Equal(straight.Snapshot(), resumed.Snapshot());
        }
    }

    [Fact]
    public void A_snapshot_of_another_window_or_block_is_refused()
    {
        var layout = new ScreenLayout(12, 4);
        var snapshot = PairBlock.Of(layout, 0, Options).Snapshot();
        Assert.Throws<InvalidDataException>(() => PairBlock.Of(layout, 0, new ScreenOptions(31, 2)).Resume(snapshot));
        Assert.Throws<InvalidDataException>(() => PairBlock.Of(layout, 1, Options).Resume(snapshot));
    }

    [Fact]
    public void A_step_out_of_order_or_a_bad_close_is_an_error()
    {
        var block = PairBlock.Of(new ScreenLayout(4, 2), 0, Options);
        Assert.Throws<ArgumentException>(() => block.Step(1, [1.0, 1, 1, 1]));
        Assert.Throws<ArgumentException>(() => block.Step(0, [1.0, 1, 1]));
        Assert.Throws<ArgumentException>(() => block.Step(0, [1.0, 0, 1, 1]));
    }

    [Fact]
    public void The_track_counts_bars_and_the_drawdown_by_hand()
    {
        var day = new DateOnly(2025, 1, 1);
        var track = new InstrumentTrack().Step(0, day, 100).Step(1, day.AddDays(1), double.NaN)
            .Step(2, day.AddDays(2), 120).Step(3, day.AddDays(3), 90).Step(4, day.AddDays(4), 108);
        Assert.Equal((4, 4, 120.0, day.AddDays(4)), (track.LastStep, track.Bars, track.Peak, track.LastDate!.Value));
        Assert.Equal(108 / 120.0 - 1, track.Drawdown);
        Assert.Equal(90 / 120.0 - 1, track.DeepestDrawdown);
    }

    [Fact]
    public void The_screen_finds_the_synthetic_leaders_one_step_ahead()
    {
        // Instrument 9 follows factor 1 one step late; instruments 1 and 17 (same factor, no lag) lead it.
        var universe = ScreenUniverse.Synthetic(24, 200, seed: 5);
        var engine = new CoMovementEngine(new ScreenLayout(24, 8), new ScreenOptions(60, 1));
        engine.Feed(universe, 200);
        var screen = CoMovementScreen.Rank(universe, 9, engine.ReadingsOf(9), top: 2, minimumPairs: 20);
        Assert.Equal(["SYN00001", "SYN00017"], screen.Leaders.Select(r => r.Other).Order());
        Assert.All(screen.Leaders, r => Assert.True(r.Lag == 1 && r.Correlation > 0.5 && r.Low < r.Correlation && r.Correlation < r.High));
        Assert.Equal(23, screen.Pairs);
    }

    private static List<(int, int, int, long, int)> Bits(CoMovementEngine engine) => Bits(engine.Blocks.SelectMany(b => b.Readings()));

    private static List<(int, int, int, long, int)> Bits(IEnumerable<PairReading> readings) =>
        [.. readings.Select(r => (r.A, r.B, r.Lag, BitConverter.DoubleToInt64Bits(r.Correlation), r.Count)).Order()];
}
