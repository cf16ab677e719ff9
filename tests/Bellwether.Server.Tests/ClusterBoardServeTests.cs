using System.Globalization;
using System.Text.Json;
using Bellwether.Cluster;
using Bellwether.Core.Board;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary>
/// <c>serve --cluster</c>: the thesis's documents answered by its grain on a silo of the Redis-clustered shape (in
/// this process) — the board and its CSV, comparisons (with a date and with the last run), what-if and the readiness
/// history and its CSV — equal the single-process server's byte for byte; a grain another client is feeding is a 503
/// that is not kept.
/// </summary>
public class ClusterBoardServeTests
{
    [Fact]
    public Task The_thesis_documents_served_from_the_cluster_equal_the_single_process_ones_byte_for_byte() =>
        OnOneSilo(async (grains, ct) =>
    {
        // A store of its own: the last run's board (of --compare last) is kept beside it.
        var store = TestStores.Import(TestSupport.Excerpt.Folder, "cluster");
        Assert.Equal(0, TestStores.Run("board", "--compare", "last", "--store", store).ExitCode);
        var asOf = DateOnly.Parse(JsonDocument.Parse(TestStores.Run("board", "--json", "--store", store).Stdout)
            .RootElement.GetProperty("as_of").GetString()!, CultureInfo.InvariantCulture);
        string Day(int days) => asOf.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] paths =
        [
            "/api/board", "/api/board.csv", $"/api/board/compare?since={Day(-200)}", "/api/board/compare?since=last",
            "/api/board/what-if?weight.rut_btc_corr=4&threshold.rut_eth_corr.supports.ci95_low=0.5",
            // Weekly from 2018 (on the excerpt before any input's first row), and over the last year.
            "/api/board/history", $"/api/board/history.csv?from={Day(-365)}",
        ];
        var single = await With(new ServeSettings { StorePath = store, Urls = ["http://127.0.0.1:0"] },
            async http => await Task.WhenAll(paths.Select(p => Get(http, p, ct))), ct);
        var boards = new Counted(new ThesisGrainBoards(grains, ThesisFile.Shipped(ThesisFile.DefaultName),
            $"theses/{ThesisFile.DefaultName} (built in)"));
        var clustered = await With(new ServeSettings
        {
            StorePath = store, Urls = ["http://127.0.0.1:0"], Boards = boards,
        }, async http =>
        {
            var documents = new List<string>();
            foreach (var path in paths)
            {
                int before = boards.Calls;
                documents.Add(await Get(http, path, ct));
                Assert.True(boards.Calls > before, $"{path} was not answered by the grain");
            }
            return documents;
        }, ct);
        for (int i = 0; i < paths.Length; i++)
        {
            Assert.StartsWith("200 ", single[i], StringComparison.Ordinal);
            Assert.True(single[i] == clustered[i], $"{paths[i]} differs");
        }
    });

    [Fact]
    public Task A_grain_fed_by_another_client_is_a_503_saying_so_and_not_kept() => OnOneSilo(async (grains, ct) =>
    {
        var text = ThesisFile.Shipped(ThesisFile.DefaultName);
        var grain = grains.GetGrain<IThesisGrain>(
            ThesisReplay.KeyOf(ThesisFile.LoadDefault(Core.Measurements.Concepts.Signals), text));
        // Another client's feed holds the grain.
        var other = Guid.NewGuid();
        Assert.False((await grain.Append(new ThesisDays(0, [], other))).Busy);
        var store = TestStores.ExcerptStore;
        var expected = await With(new ServeSettings { StorePath = store, Urls = ["http://127.0.0.1:0"] },
            http => Get(http, "/api/board", ct), ct);
        await With(new ServeSettings
        {
            StorePath = store, Urls = ["http://127.0.0.1:0"],
            Boards = new ThesisGrainBoards(grains, text, $"theses/{ThesisFile.DefaultName} (built in)"),
        }, async http =>
        {
            var refused = await Get(http, "/api/board", ct);
            Assert.StartsWith("503 ", refused, StringComparison.Ordinal);
            Assert.Contains("is being fed by another client", refused, StringComparison.Ordinal);
            // Once it lets go the grain answers: the refusal was not kept as the document.
            await grain.Release(other);
            Assert.Equal(expected, await Get(http, "/api/board", ct));
            return 0;
        }, ct);
    });

    /// <summary>Runs <paramref name="test"/> on the grains of a silo of the Redis-clustered shape (Redis, silo and
    /// client in this process).</summary>
    private static async Task OnOneSilo(Func<IGrainFactory, CancellationToken, Task> test)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.Start();
        using var silo = await InProcessSilo.Start(redis, ct);
        using (var client = await ClusterHosting.Connect(redis.ConnectionString))
            await test((IGrainFactory)client.Services.GetService(typeof(IClusterClient))!, ct);
        await silo.StopAsync(ct);
    }

    /// <summary>What <paramref name="use"/> gets from a server of <paramref name="settings"/>.</summary>
    private static async Task<T> With<T>(ServeSettings settings, Func<HttpClient, Task<T>> use, CancellationToken ct)
    {
        var app = ServerApp.Create([], settings);
        await app.StartAsync(ct);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            return await use(http);
        }
        finally
        {
            await app.StopAsync(ct);
            await app.DisposeAsync();
        }
    }

    /// <summary>The status and body of <paramref name="path"/>.</summary>
    private static async Task<string> Get(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";
    }

    /// <summary>The grain's boards, counting the calls that reach them.</summary>
    private sealed class Counted(IBoardEvaluator inner) : IBoardEvaluator
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public BoardResult Board(IMarketData data, ThesisDefinition thesis, DateOnly date)
        {
            Interlocked.Increment(ref _calls);
            return inner.Board(data, thesis, date);
        }

        public (BoardResult Before, BoardResult Now) Compare(IMarketData data, ThesisDefinition thesis,
            DateOnly before, DateOnly date)
        {
            Interlocked.Increment(ref _calls);
            return inner.Compare(data, thesis, before, date);
        }

        public IReadOnlyList<ReadinessPoint> History(IMarketData data, ThesisDefinition thesis, DateOnly from,
            DateOnly to, Frequency every)
        {
            Interlocked.Increment(ref _calls);
            return inner.History(data, thesis, from, to, every);
        }
    }
}
