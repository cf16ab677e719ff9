using System.Text.Json;
using Bellwether.TestSupport.Sources;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public sealed class FetchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-cli-fetch-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);
    private string Store => Path.Combine(_dir, "store.duckdb");

    /// <summary>The fetch's clock: retry delays and timeouts wait on it, so no test waits in real time.</summary>
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero));

    /// <summary>A configuration file pointing each named source at an address, with test timeouts.</summary>
    private string Config(IEnumerable<(string Source, Uri Address, string Instruments, string? Key)> sources)
    {
        var entries = sources.Select(s =>
            $"\"{s.Source}\": {{ \"base_address\": \"{s.Address}\", \"api_base_address\": \"{s.Address}\", \"instruments\": {s.Instruments}, " +
            $"\"attempt_timeout_seconds\": 30, \"connect_timeout_seconds\": 30, \"max_retries\": 1, \"retry_base_delay_seconds\": 0.02, " +
            $"\"requests_per_minute\": 100000, \"api_key_env\": \"BW_TEST_UNSET_{Guid.NewGuid():N}\"" +
            (s.Key is null ? "" : $", \"api_key\": \"{s.Key}\"") + " }");
        var path = Path.Combine(_dir, $"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"sources\": { " + string.Join(", ", entries) + " } }");
        return path;
    }

    [Fact]
    public void With_no_network_fetch_exits_1_naming_each_source()
    {
        var dead = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/");
        var config = Config(new[] { "yahoo", "binance", "fred", "coingecko", "farside" }.Select(s => (s, dead, "{}", (string?)null))
            .Select(x => x.Item1 switch
            {
                "yahoo" => (x.Item1, x.dead, "{\"RUT\": \"^RUT\", \"IWM\": \"IWM\"}", x.Item4),
                "binance" => (x.Item1, x.dead, "{\"BTC\": \"BTCUSDT\"}", x.Item4),
                "fred" => (x.Item1, x.dead, "[\"DFF\"]", x.Item4),
                "coingecko" => (x.Item1, x.dead, "{\"CG:BTC\": \"bitcoin\"}", x.Item4),
                _ => (x.Item1, x.dead, "{\"BTC_SPOT_ETF_FLOWS\": \"bitcoin-etf-flow-all-data\"}", x.Item4),
            }));
        // Retry delays and timeouts wait on the fake clock, so the run takes no real time waiting; it ends with a
        // clear message, not a hang.
        var r = CliRun.Invoke(Store, _clock, "fetch", "--config", config, "--json");
        Assert.Equal(1, r.ExitCode);
        foreach (var source in new[] { "yahoo", "binance", "fred", "coingecko", "farside" })
            Assert.Contains($"{source}: unreachable", r.Stderr);
        Assert.Contains("bellwether import", r.Stderr);
        Assert.Equal(5, r.Json.GetProperty("failed").GetInt32());
    }

    [Fact]
    public void Fetch_then_sources_report_updates_failures_and_never_a_key()
    {
        using var binance = new BinanceFake { Now = _clock.GetUtcNow() };
        using var stooq = new StooqFake(Fakes.Key) { Now = binance.Now };
        using var fred = new FredFake(key: Fakes.Key) { Now = binance.Now };
        using var farside = new FarsideFake { Now = binance.Now };
        foreach (var server in new[] { binance.Server, stooq.Server, fred.Server, farside.Server }) server.Clock = _clock;
        farside.Server.Inject((_, _) => FarsideFake.Cloudflare());
        var wrongKey = "wrong-" + Fakes.Key;
        var config = Config([
            ("binance", binance.Server.BaseAddress, "{\"BTC\": \"BTCUSDT\"}", null),
            ("stooq", stooq.Server.BaseAddress, "{\"SPY\": \"spy.us\"}", Fakes.Key),
            ("fred", fred.Server.BaseAddress, "[\"DGS10\"]", wrongKey),
            ("farside", farside.Server.BaseAddress, "{\"BTC_SPOT_ETF_FLOWS\": \"bitcoin-etf-flow-all-data\"}", null),
        ]);
        var r = CliRun.Invoke(Store, _clock, "fetch", "--config", config, "--source", "binance", "stooq", "fred",
            "farside", "--since", "2025-06-02", "--now", "2025-12-31T15:00:00Z", "--json");
        Assert.Equal(1, r.ExitCode);
        var outcomes = r.Json.GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.GetProperty("source").GetString()!);
        Assert.Equal("updated", outcomes["binance"].GetProperty("status").GetString());
        Assert.Equal("updated", outcomes["stooq"].GetProperty("status").GetString());
        Assert.Equal("2025-12-30", outcomes["binance"].GetProperty("last_date").GetString());
        Assert.Equal("2025-06-02", outcomes["binance"].GetProperty("from").GetString());
        Assert.Equal("key_invalid", outcomes["fred"].GetProperty("failure").GetString());
        Assert.Equal("blocked", outcomes["farside"].GetProperty("failure").GetString());
        Assert.Contains("farside", r.Stderr);

        var sources = CliRun.Invoke(Store, "sources", "--config", config, "--json");
        Assert.Equal(0, sources.ExitCode);
        var list = sources.Json.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.True(list["stooq"].GetProperty("key_configured").GetBoolean());
        var btc = list["binance"].GetProperty("instruments")[0];
        Assert.Equal("2025-12-30", btc.GetProperty("last_date").GetString());
        Assert.Equal(JsonValueKind.Null, btc.GetProperty("last_error").ValueKind);
        Assert.Contains("Cloudflare", list["farside"].GetProperty("instruments")[0].GetProperty("last_error").GetString());

        var table = CliRun.Invoke(Store, "sources", "--config", config);
        var text = CliRun.Invoke(Store, _clock, "fetch", "--config", config, "--source", "fred", "stooq");
        foreach (var output in new[] { r.Stdout, r.Stderr, sources.Stdout, sources.Stderr, table.Stdout, text.Stdout, text.Stderr })
        {
            Assert.DoesNotContain(Fakes.Key, output);
            Assert.DoesNotContain(wrongKey, output);
        }
        Assert.Contains("updated", text.Stdout);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, CliRun.Invoke(Store, "fetch", "--source", "kraken").ExitCode);
        Assert.Equal(2, CliRun.Invoke(Store, "fetch", "--since", "yesterday").ExitCode);
        Assert.Equal(2, CliRun.Invoke(Store, "fetch", "--now", "soon").ExitCode);
    }

    [Fact]
    public void A_bad_configuration_file_is_a_runtime_error_naming_the_setting()
    {
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, "{ \"sources\": { \"fred\": { \"timeout\": 3 } } }");
        var r = CliRun.Invoke(Store, "sources", "--config", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("unknown setting 'timeout'", r.Stderr);
    }
}
