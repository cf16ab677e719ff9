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
/// history and its CSV — equal the single-process server's byte for byte.
/// </summary>
public class ClusterBoardServeTests
{
    [Fact]
    public async Task The_thesis_documents_served_from_the_cluster_equal_the_single_process_ones_byte_for_byte()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.Start();
        using var silo = await InProcessSilo.Start(redis, ct);
        using var client = await ClusterHosting.Connect(redis.ConnectionString);
        var grains = (IGrainFactory)client.Services.GetService(typeof(IClusterClient))!;
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
        var single = await Served(new ServeSettings { StorePath = store, Urls = ["http://127.0.0.1:0"] }, paths, ct);
        var boards = new Counted(new ThesisGrainBoards(grains, ThesisFile.Shipped(ThesisFile.DefaultName),
            $"theses/{ThesisFile.DefaultName} (built in)"));
        var clustered = await Served(new ServeSettings
        {
            StorePath = store, Urls = ["http://127.0.0.1:0"], Boards = boards,
        }, paths, ct, boards);
        for (int i = 0; i < paths.Length; i++)
        {
            Assert.StartsWith("200 ", single[i], StringComparison.Ordinal);
            Assert.True(single[i] == clustered[i], $"{paths[i]} differs");
        }
        await silo.StopAsync(ct);
    }

    /// <summary>Each path's status and body from a server of <paramref name="settings"/>; with
    /// <paramref name="boards"/>, each must have been answered by it.</summary>
    private static async Task<List<string>> Served(ServeSettings settings, string[] paths, CancellationToken ct,
        Counted? boards = null)
    {
        var app = ServerApp.Create([], settings);
        await app.StartAsync(ct);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            var documents = new List<string>();
            foreach (var path in paths)
            {
                int before = boards?.Calls ?? 0;
                using var response = await http.GetAsync(path, ct);
                documents.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                if (boards is not null) Assert.True(boards.Calls > before, $"{path} was not answered by the grain");
            }
            return documents;
        }
        finally
        {
            await app.StopAsync(ct);
            await app.DisposeAsync();
        }
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
