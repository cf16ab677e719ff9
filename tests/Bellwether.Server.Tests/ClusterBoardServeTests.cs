using Bellwether.Api;
using Bellwether.Cluster;
using Bellwether.Core.Measurements;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary>
/// <c>serve --cluster</c>: the board documents answered by the thesis's grain on a silo of the Redis-clustered shape
/// (in this process) equal the single-process board byte for byte.
/// </summary>
public class ClusterBoardServeTests
{
    [Fact]
    public async Task The_board_served_from_the_cluster_equals_the_single_process_board_byte_for_byte()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.Start();
        using var silo = await InProcessSilo.Start(redis, ct);
        using var client = await ClusterHosting.Connect(redis.ConnectionString);
        var grains = client.Services.GetService(typeof(IClusterClient)) as IGrainFactory;
        var store = TestStores.ExcerptStore;
        string expected;
        using (var opened = BellwetherStore.Open(store, readOnly: true))
            expected = BoardDocument.Text(BoardDocument.Of(opened, new StoreMarketData(opened),
                ThesisFile.LoadDefault(Concepts.Signals), null, null, Concepts.Signals));
        var app = ServerApp.Create([], new ServeSettings
        {
            StorePath = store, Urls = ["http://127.0.0.1:0"],
            Board = ThesisReplay.Evaluator(grains!, ThesisFile.Shipped(ThesisFile.DefaultName),
                $"theses/{ThesisFile.DefaultName} (built in)"),
        });
        await app.StartAsync(ct);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            Assert.Equal(expected, await http.GetStringAsync("/api/board", ct));
        }
        finally
        {
            await app.StopAsync(ct);
            await app.DisposeAsync();
        }
    }
}
