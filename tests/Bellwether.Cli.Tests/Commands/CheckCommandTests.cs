using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class CheckCommandTests
{
    private static string ArticleClaims => Path.Combine(Reference.RepoRoot, "claims", "article-2025-12-15.yaml");

    private static readonly Lazy<(JsonElement Cli, JsonElement Reference)> Article = new(() =>
    {
        // The reference cuts rows by date: the comparison reads them the same way (release lags: ClaimData, ReleaseLagTests).
        var r = CliRun.OnRealData("check", ArticleClaims, "--json", "--ignore-release-lags");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var reference = JsonDocument.Parse(Reference.Run("claims_reference.py", RealData.Folder, ArticleClaims)).RootElement;
        return (r.Json, reference);
    });

    [Fact]
    public void Every_claim_of_the_article_gets_the_verdict_and_figures_pandas_recomputes()
    {
        var (json, reference) = Article.Value;
        var claims = json.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(reference.EnumerateObject().Select(p => p.Name), claims.Select(c => c.GetProperty("id").GetString()));
        foreach (var claim in claims)
        {
            var id = claim.GetProperty("id").GetString()!;
            var expected = reference.GetProperty(id);
            Assert.True(expected.GetProperty("verdict").GetString() == claim.GetProperty("verdict").GetString(), $"{id}: verdict");
            var readings = claim.GetProperty("readings").EnumerateArray().ToList();
            Assert.True(expected.GetProperty("counted").GetInt32() == readings.Count(r => r.GetProperty("counts").GetBoolean()), $"{id}: readings counted");
            Assert.Equal(expected.GetProperty("readings").EnumerateObject().Select(p => p.Name), readings.Select(r => r.GetProperty("label").GetString()));
            foreach (var reading in readings)
            {
                string what = $"{id} / {reading.GetProperty("label").GetString()}";
                var want = expected.GetProperty("readings").GetProperty(reading.GetProperty("label").GetString()!);
                Assert.True(want.GetProperty("measurable").GetBoolean() == reading.GetProperty("measurable").GetBoolean(), $"{what}: measurable");
                if (!want.GetProperty("measurable").GetBoolean())
                {
                    Assert.Equal(JsonValueKind.Null, reading.GetProperty("within").ValueKind);
                    continue;
                }
                Close(Number(want.GetProperty("value")), Number(reading.GetProperty("value")), $"{what}: value");
                Assert.True(want.GetProperty("state").GetString() == reading.GetProperty("state").GetString(), $"{what}: state");
                Assert.True(want.GetProperty("within").GetBoolean() == reading.GetProperty("within").GetBoolean(), $"{what}: within");
                foreach (var f in want.GetProperty("figures").EnumerateObject())
                    Close(Number(f.Value), Number(reading.GetProperty("figures").GetProperty(f.Name)), $"{what}: figure {f.Name}");
                var dates = reading.GetProperty("dates").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
                foreach (var d in want.GetProperty("dates").EnumerateObject())
                    Assert.True(dates.GetValueOrDefault(d.Name) == d.Value.GetString(), $"{what}: date {d.Name}: {dates.GetValueOrDefault(d.Name)} vs {d.Value.GetString()}");
            }
        }
    }

    [Fact]
    public void Every_reading_states_its_target_tolerance_and_provenance()
    {
        var json = Article.Value.Cli;
        foreach (var claim in json.GetProperty("claims").EnumerateArray())
        {
            Assert.Equal("2025-12-15", claim.GetProperty("date").GetString());
            Assert.NotEmpty(claim.GetProperty("text").GetString()!);
            var readings = claim.GetProperty("readings").EnumerateArray().ToList();
            Assert.NotEmpty(readings);
            foreach (var r in readings)
            {
                Assert.False(string.IsNullOrEmpty(r.GetProperty("definition").GetString()));
                Assert.NotEqual(JsonValueKind.Undefined, r.GetProperty("claimed").ValueKind);
                var provenance = r.GetProperty("provenance");
                bool pointInTime = provenance.GetProperty("point_in_time").GetBoolean();
                Assert.Equal(pointInTime, string.CompareOrdinal(provenance.GetProperty("data_through").GetString(), "2025-12-15") <= 0);
                if (!r.GetProperty("measurable").GetBoolean()) continue;
                Assert.NotEqual(JsonValueKind.Null, r.GetProperty("tolerance").ValueKind);
                Assert.NotEmpty(provenance.GetProperty("instruments").EnumerateArray());
                Assert.NotEmpty(provenance.GetProperty("sources").EnumerateArray());
                if (provenance.GetProperty("to").GetString() is { } to && pointInTime) Assert.True(string.CompareOrdinal(to, "2025-12-15") <= 0, to);
            }
        }
        // The December close needs data after the claim date, and says so.
        var record = json.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "rut_record_monthly_close");
        Assert.Contains(record.GetProperty("readings").EnumerateArray(), r => !r.GetProperty("provenance").GetProperty("point_in_time").GetBoolean()
            && r.GetProperty("provenance").GetProperty("data_through").GetString() == "2025-12-31");
        var counts = json.GetProperty("verdicts");
        Assert.Equal(json.GetProperty("claims").GetArrayLength(), counts.EnumerateObject().Sum(p => p.Value.GetInt32()));
    }

    [Fact]
    public void Terminal_output_shows_each_claim_with_its_verdict_and_a_sentence()
    {
        var r = CliRun.OnRealData("check", ArticleClaims);
        Assert.Equal(0, r.ExitCode);
        foreach (var id in Article.Value.Reference.EnumerateObject().Select(p => p.Name)) Assert.Contains(id, r.Stdout);
        Assert.Contains("not checkable", r.Stdout);
        Assert.Contains("claims from", r.Stdout);
    }

    [Fact]
    public void Check_reads_top_down_counts_a_repeated_finding_once_and_rates_a_claim_on_data_published_by_its_date()
    {
        var r = CliRun.OnRealData("check", ArticleClaims, "--ignore-release-lags");
        Assert.Equal(0, r.ExitCode);
        // Per claim: the claim and its date, then its quote, then its readings, then its verdict.
        var lines = r.Stdout.Split('\n');
        int head = Array.FindIndex(lines, l => l.StartsWith("rut_btc_2020_surge, claimed 2025-12-15:", StringComparison.Ordinal));
        Assert.True(head > 0, r.Stdout);
        Assert.StartsWith("  “The Russell 2000's breakout in late 2020", lines[head + 1]);
        int table = Array.FindIndex(lines, head, l => l.TrimStart().StartsWith("reading ", StringComparison.Ordinal));
        Assert.True(table > head + 1 && string.Concat(lines[(head + 1)..table]).Contains("price”", StringComparison.Ordinal));
        int verdict = Array.FindIndex(lines, head, l => l.TrimStart().StartsWith("verdict:", StringComparison.Ordinal));
        Assert.True(verdict > table && lines[(head + 1)..verdict].All(l => !l.Contains(", claimed 2025-12-15:", StringComparison.Ordinal)));

        var json = CliRun.OnRealData("check", ArticleClaims, "--json", "--ignore-release-lags").Json;
        var claims = json.GetProperty("claims").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        // The 3- and 5-year lookbacks find the one 2020-11-16 breakout: 14 readings, 5 findings.
        var surge = claims["rut_btc_2020_surge"];
        Assert.Equal(14, surge.GetProperty("readings").GetArrayLength());
        Assert.Equal(5, surge.GetProperty("readings").EnumerateArray().Count(x => x.GetProperty("counts").GetBoolean()));
        Assert.StartsWith("0 of 5 readings agree (9 repeat another's finding: not counted)", surge.GetProperty("summary").GetString());
        // Dated 2025-12-15: the month's final close (data to 2025-12-31) is shown as hindsight and not rated.
        var record = claims["rut_record_monthly_close"];
        Assert.Equal("supported", record.GetProperty("verdict").GetString());
        Assert.All(record.GetProperty("readings").EnumerateArray().Where(x => x.GetProperty("counts").GetBoolean()),
            x => Assert.True(x.GetProperty("provenance").GetProperty("point_in_time").GetBoolean()));
        Assert.Contains("2 use data after the claim date: not counted", record.GetProperty("summary").GetString());
    }

    [Fact]
    public void A_bad_claims_file_is_an_error_naming_file_line_and_problem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"claims-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "date: 2025-12-15\nclaims:\n  - id: a\n    text: t\n    kind: drawdown\n    params: { instrument: BTC, basis: [close, open] }\n    claimed: -27%\n    tolerance: 3%\n");
        try
        {
            var r = CliRun.OnRealData("check", path, "--json");
            Assert.Equal(1, r.ExitCode);
            Assert.Equal("", r.Stdout);
            Assert.Contains($"{path}:3:", r.Stderr);
            Assert.Contains("'open' is not one of close, high", r.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
        var missing = CliRun.OnRealData("check", "/nonexistent/claims.yaml");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("claims.yaml", missing.Stderr);
    }

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();

    private static void Close(double expected, double actual, string what)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual)) return;
        // 1e-9 relative; an absolute 1e-12 only for values that are zero on one side.
        double diff = Math.Abs(expected - actual);
        Assert.True(diff <= 1e-9 * Math.Max(Math.Abs(expected), Math.Abs(actual)) || diff <= 1e-12, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
