using Bellwether.Api;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Streaming;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit;

namespace Bellwether.Cluster.Tests;

/// <summary>
/// The thesis grain on Orleans' in-process test cluster (3 silos, grain state in a real redis-server): the board it
/// answers, printed as <c>board --json</c> prints it, equals the single-process board byte for byte on the same data
/// and date, also when the silo holding the grain is killed while it is fed, and after a cluster started again resumes
/// it from its snapshot. On the excerpt without BELLWETHER_DATA, on all data with it.
/// </summary>
public class ClusterBoardTests
{
    private static readonly Lazy<(BellwetherStore Store, StoreMarketData Data)> Opened = new(() =>
    {
        var store = TestData.OpenStore();
        return (store, new StoreMarketData(store));
    });

    public static TheoryData<string> Theses() => [ThesisFile.DefaultName, "sp500-breakout-bitcoin.yaml"];

    [Theory]
    [MemberData(nameof(Theses))]
    public async Task The_thesis_grain_answers_the_single_process_board_byte_for_byte(string name)
    {
        await using var redis = await RedisServer.Start();
        await using var cluster = await ClusterScreenTests.Cluster(redis, "board");
        var (expected, replay) = Expected(name);
        Assert.Equal(expected, await Printed(cluster, replay, name));
        Assert.Equal(0, replay.Reopened);
    }

    [Fact]
    public async Task A_silo_killed_while_the_thesis_grain_is_fed_still_gives_the_equal_board()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.Start();
        await using var cluster = await ClusterScreenTests.Cluster(redis, "board-kill");
        var (text, silo) = await PlacedOffTheFirstSilo(cluster, ThesisFile.DefaultName, ct);
        var (expected, replay) = Expected(ThesisFile.DefaultName, text, batchDays: 8);
        var running = Printed(cluster, replay, ThesisFile.DefaultName);
        // Past a checkpoint or two, so the grain comes back from its snapshot behind the days it had closed.
        while (replay.Progress < 0.5 && !running.IsCompleted) await Task.Delay(10, ct);
        Assert.False(running.IsCompleted, "the replay ended before the kill");
        await cluster.KillSiloAsync(silo, ct);
        Assert.Equal(expected, await running);
        Assert.True(replay.Reopened > 0, $"the grain was not opened again ({replay.Retries} calls retried)");
    }

    [Fact]
    public async Task The_thesis_grain_ignores_days_it_has_and_refuses_a_batch_after_a_missing_day()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.Start();
        await using var cluster = await ClusterScreenTests.Cluster(redis, "board-days");
        var (expected, replay) = Expected(ThesisFile.DefaultName, batchDays: 16);
        // Every batch after the first repeats three days the grain has closed (an at-least-once feed).
        var repeating = new ThesisReplay(Opened.Value.Data, ThesisFile.LoadDefault(Concepts.Signals),
            ThesisFile.Shipped(ThesisFile.DefaultName), File, DateOnly.Parse(
                System.Text.Json.JsonDocument.Parse(expected).RootElement.GetProperty("as_of").GetString()!,
                System.Globalization.CultureInfo.InvariantCulture))
        { BatchDays = 16, Overlap = 3 };
        Assert.Equal(expected, await Printed(cluster, repeating, ThesisFile.DefaultName));
        Assert.True(repeating.Ignored > 0, "no repeated day was ignored");
        var grain = cluster.Client.GetGrain<IThesisGrain>(repeating.Key);
        var before = await grain.Position();
        var prober = Guid.NewGuid();
        var gap = await grain.Append(new ThesisDays(before.LastDay + 2, ["[]"u8.ToArray()], prober));
        await grain.Release(prober);
        Assert.Equal((true, before.LastDay, 0), (gap.Gap, gap.LastDay, gap.Applied));
        // The board is still the one of its last day.
        Assert.Equal(expected, await Printed(cluster, replay, ThesisFile.DefaultName));
        // The client fed its feed to the grain's last day to check its hash, and recorded no day.
        Assert.Equal((0, 0, 0), (replay.Applied, replay.Reopened, replay.DaysRecorded));
        Assert.True(replay.DaysFed > 0);
    }

    [Fact]
    public async Task A_second_feeder_is_refused_while_another_holds_the_thesis_grain()
    {
        await using var redis = await RedisServer.Start();
        await using var cluster = await ClusterScreenTests.Cluster(redis, "board-feeders");
        var (expected, replay) = Expected(ThesisFile.DefaultName);
        var grain = cluster.Client.GetGrain<IThesisGrain>(replay.Key);
        // Another client's feed has begun (its first call holds the grain) and has not ended.
        var other = Guid.NewGuid();
        Assert.False((await grain.Append(new ThesisDays(0, [], other))).Busy);
        var refused = await Assert.ThrowsAsync<BoardsUnavailableException>(
            () => Printed(cluster, replay, ThesisFile.DefaultName));
        Assert.Contains("is being fed by another client", refused.Message);
        Assert.Equal((-1, false), ((await grain.Position()).LastDay, (await grain.Position()).Open));
        // Released, the grain takes this feed; when it ends, it lets go in turn.
        await grain.Release(other);
        Assert.Equal(expected, await Printed(cluster, replay, ThesisFile.DefaultName));
        Assert.False((await grain.Append(new ThesisDays(0, [], other))).Busy);
    }

    [Fact]
    public async Task A_hold_runs_out_after_60_s_without_a_release_and_the_first_feeders_late_call_is_refused()
    {
        await using var redis = await RedisServer.Start();
        var clock = new FakeTimeProvider();
        await using var cluster = await ClusterScreenTests.Cluster(redis, "board-hold", clock);
        var grain = cluster.Client.GetGrain<IThesisGrain>("hold/0");
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        async Task<bool> Refused(Guid feeder) => (await grain.Append(new ThesisDays(0, [], feeder))).Busy;
        Assert.False(await Refused(first));
        // A refused call does not hold the grain: the hold runs from the first feeder's last call.
        clock.Advance(ThesisGrain.LeaseFor - TimeSpan.FromTicks(1));
        Assert.True(await Refused(second));
        Assert.True((await grain.Open(new ThesisOpening("", "", [], [], -1, second))).Busy);
        // The first never released it: its hold ran out, and the second takes the grain.
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(await Refused(second));
        // The first feeder's late call is refused while the second holds the grain, and taken once that hold runs out.
        clock.Advance(ThesisGrain.LeaseFor - TimeSpan.FromTicks(1));
        Assert.True(await Refused(first));
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(await Refused(first));
        Assert.Equal((-1, false), ((await grain.Position()).LastDay, (await grain.Position()).Open));
    }

    [Fact]
    public async Task A_changed_past_is_found_by_hash_and_the_thesis_grain_starts_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.Start();
        await using var cluster = await ClusterScreenTests.Cluster(redis, "board-revised");
        var (store, data) = Opened.Value;
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var text = ThesisFile.Shipped(ThesisFile.DefaultName);
        var last = ThesisDates.Latest(store, data, thesis, Concepts.Signals).Date;
        var first = new ThesisReplay(data, thesis, text, File, last);
        await first.Board(cluster.Client, ct);
        // One close of the Russell 2000 a year before, 1% higher: a revision of the past, as a new import would make.
        var revised = new RevisedMarketData(data, "RUT", last.AddDays(-365));
        var again = new ThesisReplay(revised, thesis, text, File, last);
        var board = await again.Board(cluster.Client, ct);
        Assert.Equal(first.Applied, again.Applied);
        Assert.Equal(BoardDocument.Text(BoardDocument.Of(store, revised, thesis, File, last, Concepts.Signals)),
            BoardDocument.Text(BoardJson.Of(board, BoardDocument.ThesisInfo(thesis, File), null)));
    }

    [Fact]
    public async Task A_cluster_started_again_resumes_the_thesis_from_its_snapshot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.Start();
        var (store, data) = Opened.Value;
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var last = ThesisDates.Latest(store, data, thesis, Concepts.Signals).Date;
        var earlier = new ThesisReplay(data, thesis, ThesisFile.Shipped(ThesisFile.DefaultName), File,
            last.AddDays(-100));
        await using (var first = await ClusterScreenTests.Cluster(redis, "board-restart"))
            await earlier.Board(first.Client, ct);
        await redis.Restart();
        await using var second = await ClusterScreenTests.Cluster(redis, "board-restart");
        var (expected, replay) = Expected(ThesisFile.DefaultName);
        Assert.Equal(expected, await Printed(second, replay, ThesisFile.DefaultName));
        // Opened from the snapshot and fed the 100 days since, not replayed from the first day.
        Assert.Equal((1, 100), (replay.Reopened, replay.Applied));
        // The readiness of every day, those before the snapshot (persisted with it) and those since, is the stream's.
        var from = last.AddDays(-400);
        Assert.Equal(Text(StreamedHistory.Readiness(thesis, data, from, last, Concepts.Signals, Frequency.Daily)),
            Text(await replay.History(second.Client, from, Frequency.Daily, ct)));
        Assert.Equal((1, 100), (replay.Reopened, replay.Applied));
    }

    /// <summary>Every field of every point, doubles by their bits.</summary>
    private static string Text(IReadOnlyList<ReadinessPoint> points) => string.Join("\n", points.Select(p =>
        $"{p.Date:yyyy-MM-dd} {BitConverter.DoubleToInt64Bits(p.Readiness)} {BitConverter.DoubleToInt64Bits(p.Counted)} " +
        $"{string.Join(",", p.States)} {string.Join(",", p.Stale)}"));

    private const string File = "theses/russell-breakout-altseason.yaml (built in)";

    /// <summary><c>board --json</c> of the shipped thesis <paramref name="name"/> on its latest date, and a replay of
    /// the same data to that date.</summary>
    private static (string Expected, ThesisReplay Replay) Expected(string name, string? text = null,
        int? batchDays = null)
    {
        var (store, data) = Opened.Value;
        var thesis = ThesisFile.Read(ThesisFile.Shipped(name), name, Concepts.Signals);
        var expected = BoardDocument.Text(BoardDocument.Of(store, data, thesis, name, null, Concepts.Signals));
        var date = ThesisDates.Latest(store, data, thesis, Concepts.Signals).Date;
        var replay = new ThesisReplay(data, thesis, text ?? ThesisFile.Shipped(name), name, date)
        {
            BatchDays = batchDays ?? 32,
        };
        return (expected, replay);
    }

    /// <summary>The cluster's board printed as <c>board --json</c> prints it.</summary>
    private static async Task<string> Printed(InProcessTestCluster cluster, ThesisReplay replay, string name)
    {
        var (store, data) = Opened.Value;
        var thesis = ThesisFile.Read(ThesisFile.Shipped(name), name, Concepts.Signals);
        var chosen = ThesisDates.Latest(store, data, thesis, Concepts.Signals).Why;
        var board = await replay.Board(cluster.Client, TestContext.Current.CancellationToken);
        return BoardDocument.Text(BoardJson.Of(board, BoardDocument.ThesisInfo(thesis, name), chosen));
    }

    /// <summary>
    /// The shipped thesis <paramref name="name"/>'s text with a comment that puts its grain on a silo other than the
    /// first (killing the test cluster's first silo takes its membership with it), and that silo. The grain is
    /// activated here and stays there until fed.
    /// </summary>
    /// <param name="rules">The alert rules' text the grain evaluates (part of its key), or null.</param>
    internal static async Task<(string Text, InProcessSiloHandle Silo)> PlacedOffTheFirstSilo(
        InProcessTestCluster cluster, string name, CancellationToken ct, string? rules = null)
    {
        var thesis = ThesisFile.Read(ThesisFile.Shipped(name), name, Concepts.Signals);
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        for (int attempt = 0; attempt < 100; attempt++)
        {
            var text = ThesisFile.Shipped(name) + $"\n# placement {attempt}\n";
            var grain = cluster.Client.GetGrain<IThesisGrain>(ThesisReplay.KeyOf(thesis, text, rules));
            await grain.Position();
            var address = await management.GetActivationAddress(grain, ct);
            var silo = cluster.Silos.Skip(1).FirstOrDefault(s => s.SiloAddress.Equals(address));
            if (silo is not null) return (text, silo);
        }
        throw new InvalidOperationException("100 thesis grains were all placed on the first silo");
    }
}
