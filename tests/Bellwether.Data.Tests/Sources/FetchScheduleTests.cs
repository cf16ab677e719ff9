using Bellwether.Data.Sources;
using Xunit;

namespace Bellwether.Data.Tests.Sources;

/// <summary>The fetch configuration's <c>schedule</c>: cron times per source, errors with file and line.</summary>
public sealed class FetchScheduleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-schedule-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir, "config.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Each_source_takes_its_own_cron_else_the_star_s_else_half_past_midnight()
    {
        var path = Write("""
            {
              // UTC, five fields
              "schedule": { "fred": "0 22 * * 1-5", "*": "15 1 * * *" }
            }
            """);
        var config = FetchConfiguration.Load(path, _ => null);
        Assert.Equal("0 22 * * 1-5", config.CronOf("fred"));
        Assert.Equal("15 1 * * *", config.CronOf("binance"));
        Assert.Equal("30 0 * * *", FetchConfiguration.Load(Write("{ \"schedule\": {} }"), _ => null).CronOf("fred"));
        Assert.Equal(FetchConfiguration.DefaultCron, FetchConfiguration.Load(null, _ => null).CronOf("farside"));
    }

    [Theory]
    [InlineData("{\n  \"sources\": {},\n  \"schedule\": {\n    \"fred\": \"0 22 * * 1-5\",\n"
        + "    \"fedd\": \"0 1 * * *\"\n  }\n}",
        5, "schedule: unknown source 'fedd' (known: ")]
    [InlineData("{\n  \"schedule\": {\n    \"*\": \"30 0 * *\"\n  }\n}",
        3, "schedule.*: '30 0 * *' is not a cron expression (minute hour day month weekday): ")]
    [InlineData("{\n  \"schedule\": {\n    \"fred\": \"0 25 * * *\"\n  }\n}",
        3, "schedule.fred: '0 25 * * *' is not a cron expression")]
    [InlineData("{\n  \"schedule\": {\n    \"fred\": 22\n  }\n}", 3, "schedule.fred: '' is not a cron expression")]
    [InlineData("{\n\n  \"schedule\": [\"0 1 * * *\"]\n}", 3, "schedule: expected an object")]
    public void A_mistake_names_the_file_and_the_line(string json, int line, string problem)
    {
        var path = Write(json);
        var e = Assert.Throws<FormatException>(() => FetchConfiguration.Load(path, _ => null));
        Assert.StartsWith($"{path}:{line}: {problem}", e.Message, StringComparison.Ordinal);
    }
}
