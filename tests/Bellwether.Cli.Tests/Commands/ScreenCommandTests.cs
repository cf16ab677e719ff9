using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// Two stores built from seeded random walks: in <see cref="Store"/> RUT ends on <see cref="RutEnd"/> while the other
/// series run to <see cref="StoreEnd"/>; <see cref="CutStore"/> holds the same rows with every series cut at
/// <see cref="RutEnd"/>. IWM follows RUT closely, SPY loosely, BTC not at all.
/// </summary>
public sealed class ScreenStores : IDisposable
{
    public static readonly DateOnly RutEnd = new(2025, 10, 15), StoreEnd = new(2025, 12, 31);
    private static readonly DateOnly Start = new(2024, 1, 1);

    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-screen-").FullName;

    public ScreenStores()
    {
        var rut = Walk(new Random(11), weekdays: true, driver: null, follow: 0);
        var series = new Dictionary<string, SortedDictionary<DateOnly, double>>
        {
            ["markets/rut_daily.csv"] = rut,
            ["markets/iwm_daily.csv"] = Walk(new Random(12), weekdays: true, driver: rut, follow: 0.95),
            ["markets/spy_daily.csv"] = Walk(new Random(13), weekdays: true, driver: rut, follow: 0.5),
            ["crypto/daily/BTC.csv"] = Walk(new Random(14), weekdays: false, driver: null, follow: 0),
        };
        Store = Build("store", series,
            file => file.StartsWith("markets/rut", StringComparison.Ordinal) ? RutEnd : StoreEnd);
        CutStore = Build("cut", series, _ => RutEnd);
    }

    public string Store { get; }
    public string CutStore { get; }

    /// <summary>A geometric random walk from <see cref="Start"/> to <see cref="StoreEnd"/>; with a driver, each
    /// return is <paramref name="follow"/> of the driver's over the same span plus noise.</summary>
    private static SortedDictionary<DateOnly, double> Walk(Random random, bool weekdays,
        SortedDictionary<DateOnly, double>? driver, double follow)
    {
        var closes = new SortedDictionary<DateOnly, double>();
        double level = 100;
        DateOnly? previous = null;
        for (var d = Start; d <= StoreEnd; d = d.AddDays(1))
        {
            if (weekdays && d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            double noise = 0.01 * (random.NextDouble() - 0.5);
            double driven = driver is not null && previous is { } p ? Math.Log(driver[d] / driver[p]) : 0;
            level *= Math.Exp(follow * driven + (1 - follow) * noise * 2);
            closes[d] = level;
            previous = d;
        }
        return closes;
    }

    private string Build(string name, Dictionary<string, SortedDictionary<DateOnly, double>> series,
        Func<string, DateOnly> end)
    {
        var folder = Path.Combine(_dir, name);
        foreach (var (file, closes) in series)
        {
            var path = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllLines(path, closes.Where(c => c.Key <= end(file))
                .Select(c => string.Create(CultureInfo.InvariantCulture,
                    $"{c.Key:yyyy-MM-dd},{c.Value},{c.Value},{c.Value},{c.Value},1000,test"))
                .Prepend("date,open,high,low,close,volume,source"));
        }
        var store = Path.Combine(_dir, name + ".duckdb");
        var imported = CliRun.Invoke(store, "import", folder);
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        return store;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

public sealed class ScreenCommandTests(ScreenStores stores) : IClassFixture<ScreenStores>
{
    [Fact]
    public void An_instrument_that_ends_before_the_store_is_screened_to_its_last_bar_and_says_so()
    {
        var r = CliRun.Invoke(stores.Store, "screen", "RUT", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = r.Json;
        Assert.Equal("2025-10-15", json.GetProperty("as_of").GetString());
        Assert.StartsWith(
            "INDEX:RUT's last bar is 2025-10-15, before the store's last date (2025-12-31): the window ends",
            json.GetProperty("end_reason").GetString());
        var top = json.GetProperty("screen").GetProperty("co_movers")[0];
        Assert.Contains("IWM", top.GetProperty("other").GetString());
        Assert.True(top.GetProperty("correlation").GetDouble() > 0.9, top.ToString());

        // The same as a store whose every series ends with RUT: the later rows play no part.
        var cut = CliRun.Invoke(stores.CutStore, "screen", "RUT", "--json").Json;
        Assert.Equal(JsonValueKind.Null, cut.GetProperty("end_reason").ValueKind);
        Assert.Equal(cut.GetProperty("screen").ToString(), json.GetProperty("screen").ToString());

        var text = CliRun.Invoke(stores.Store, "screen", "RUT");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("window 90 steps to 2025-10-15", text.Stdout);
        Assert.Contains("INDEX:RUT's last bar is 2025-10-15, before the store's last date (2025-12-31)", text.Stdout);
        Assert.Contains("Co-movers (same step)", text.Stdout);
    }

    [Fact]
    public void An_instrument_that_runs_to_the_store_end_says_nothing_of_an_end()
    {
        var r = CliRun.Invoke(stores.Store, "screen", "SPY", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("2025-12-31", r.Json.GetProperty("as_of").GetString());
        Assert.Equal(JsonValueKind.Null, r.Json.GetProperty("end_reason").ValueKind);
    }

    [Fact]
    public void A_since_after_the_instruments_last_bar_is_a_usage_error()
    {
        var r = CliRun.Invoke(stores.Store, "screen", "RUT", "--since", "2025-11-01");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--since 2025-11-01 is after INDEX:RUT's last bar (2025-10-15)", r.Stderr);
    }

    [Theory]
    [InlineData("screen", "RUT")]
    [InlineData("cluster-check", "--synthetic", "10")]
    [InlineData("silo")]
    public void An_unreachable_redis_is_a_plain_error_naming_it_without_its_password(params string[] command)
    {
        int port = ClosedPort();
        var r = CliRun.Invoke(stores.Store, [.. command, "--cluster", $"127.0.0.1:{port},password=hunter2"]);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"error: cannot reach the cluster's Redis at 127.0.0.1:{port},password=***** (--cluster): " +
                          "nothing answers there", r.Stderr);
        Assert.DoesNotContain("hunter2", r.Stderr);
        Assert.DoesNotContain("internal error", r.Stderr);
    }

    [Fact]
    public void A_redis_uri_with_a_password_is_shown_without_it()
    {
        var r = CliRun.Invoke(stores.Store, "screen", "RUT", "--cluster",
            $"redis://me:hunter2@127.0.0.1:{ClosedPort()}");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error: cannot reach the cluster's Redis at ***@127.0.0.1:", r.Stderr);
        Assert.DoesNotContain("hunter2", r.Stderr);
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
