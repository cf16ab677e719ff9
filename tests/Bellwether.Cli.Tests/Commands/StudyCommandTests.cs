using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class StudyCommandTests
{
    [Fact]
    public void Json_events_and_forward_returns_match_pandas()
    {
        var r = CliRun.OnRealData("study", "--horizons", "90,180", "--resamples", "200", "--json");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        var asOf = j.GetProperty("as_of").GetString()!;
        var expected = JsonDocument.Parse(Reference.Run("study.py", RealData.Folder, "markets/rut_daily.csv", asOf, "--horizons", "90,180")).RootElement;
        var events = j.GetProperty("events").EnumerateArray().ToList();
        var want = expected.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(want.Select(e => e.GetProperty("date").GetString()), events.Select(e => e.GetProperty("date").GetString()));
        foreach (var (e, w) in events.Zip(want))
            foreach (var asset in new[] { "BTC", "ETH", "ALT_BASKET", "ETH/BTC", "ALTSEASON" })
                foreach (var h in new[] { "90", "180" })
                {
                    var a = e.GetProperty("forward").GetProperty(asset).GetProperty(h);
                    var x = w.GetProperty("forward").GetProperty(asset).GetProperty(h);
                    Assert.Equal(x.ValueKind, a.ValueKind);
                    if (x.ValueKind == JsonValueKind.Number) Assert.Equal(x.GetDouble(), a.GetDouble(), 1e-9);
                }
        var summary = j.GetProperty("summary").EnumerateArray().ToList();
        Assert.Equal(10, summary.Count);
        foreach (var s in summary)
        {
            var key = $"{s.GetProperty("asset").GetString()}/{s.GetProperty("horizon").GetInt32()}";
            var x = expected.GetProperty("summary").GetProperty(key);
            Assert.Equal(x.GetProperty("baseline_mean").GetDouble(), s.GetProperty("baseline_mean").GetDouble(), 1e-9);
            Assert.Equal(x.GetProperty("independent_events").GetInt32(), s.GetProperty("independent_events").GetInt32());
            foreach (var field in new[] { "mean", "ci95_low", "ci95_high", "p_value", "p_holm", "hit_rate", "warnings" })
                Assert.True(s.TryGetProperty(field, out _), field);
            Assert.True(s.GetProperty("p_holm").GetDouble() >= s.GetProperty("p_value").GetDouble());
        }
        Assert.Contains(j.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Holm"));
    }

    [Fact]
    public void Terminal_output_has_the_analog_table_and_a_verdict()
    {
        var r = CliRun.OnRealData("study", "--event", "confirmed:rut_resistance", "--horizons", "180", "--resamples", "100");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("confirmed", r.Stdout);
        Assert.Contains("Altcoin basket", r.Stdout); // a name, not the id ALT_BASKET
        Assert.Contains("Holm", r.Stdout);
    }

    [Fact]
    public void Board_event_sources_name_their_events()
    {
        var signal = CliRun.OnRealData("study", "--event", "signal:btc_drawdown", "--every", "7", "--horizons", "90", "--resamples", "100", "--json");
        Assert.Equal(0, signal.ExitCode);
        Assert.Equal("signal:btc_drawdown", signal.Json.GetProperty("source").GetString());
        Assert.All(signal.Json.GetProperty("events").EnumerateArray(), e => Assert.Contains("turned supportive", e.GetProperty("description").GetString()));
        var readiness = CliRun.OnRealData("study", "--event", "readiness:60", "--every", "14", "--horizons", "90", "--resamples", "100", "--json");
        Assert.Equal(0, readiness.ExitCode);
        Assert.Equal("readiness:60", readiness.Json.GetProperty("source").GetString());
        Assert.True(readiness.Json.GetProperty("events").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("--event", "signal:nope")]
    [InlineData("--event", "readiness:120")]
    [InlineData("--event", "nope")]
    [InlineData("--horizons", "30,zero")]
    [InlineData("--horizons", "0")]
    [InlineData("--resamples", "0")]
    [InlineData("--as-of", "2025-13-01")]
    public void Usage_errors_exit_2(string option, string value)
    {
        var r = CliRun.OnRealData("study", option, value, "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
    }
}
