using System.Text.RegularExpressions;
using Bellwether.Core.Text;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// The report's summary answers in its first lines: where the thesis stands (readiness with its support), what has
/// and has not happened (trigger against outcome), whether history gives it an edge (out of sample, the event study's
/// strongest adjusted finding) and what would change the picture (the signals nearest to turning); a concept counts once.
/// </summary>
public sealed class ReportSummaryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-summary-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_default_reports_summary_answers_in_its_first_lines()
    {
        var r = CliRun.OnRealData("report", "--as-of", "2025-12-15", "-o", Path.Combine(_dir, "r.html"), "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Json.GetProperty("summary").EnumerateArray().Select(l => l.GetString()!).ToList();

        var readiness = Regex.Match(lines[0], @"^As of 2025-12-15, readiness is (\d+)/100, from the (\d+) ?% of the thesis's weight that could be " +
                                              @"measured \(it needs 50 ?%\): (\d+) of the concepts it measures support it, (\d+) contradict it and (\d+) are neutral");
        Assert.True(readiness.Success, lines[0]);
        Assert.Equal(r.Json.GetProperty("readiness").GetDouble().ToString("0"), readiness.Groups[1].Value);
        Assert.Equal((100 * r.Json.GetProperty("counted").GetDouble()).ToString("0"), readiness.Groups[2].Value);

        // The trigger fired on 2025-11-26 (RUT above its 2021 high); the altcoin basket fell after it: not yet.
        Assert.Matches(@"^The trigger \(RUT breakout above its prior 5-year high .*\) last happened on 2025-11-26; since then the altcoin basket " +
                       @"has moved −\d+% to 2025-12-15, 19 of the 90 days the thesis gives it: the outcome it expects \(a rise\) has not come yet\.$", lines[1]);

        var strategies = r.Json.GetProperty("study").GetProperty("strategies").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        double Cagr(string id) => strategies[id].GetProperty("cagr_out_of_sample").GetDouble();
        Assert.Matches(@"^Out of sample \(\d{4}-\d\d-\d\d to 2025-12-15\) the thesis's trade made ", lines[2]);
        Assert.Contains($"made {ValueText.Of(Cagr("rotation"), ValueKind.Return)} a year", lines[2]);
        Assert.Contains($"against {ValueText.Of(Cagr("btc"), ValueKind.Return)} (Sharpe", lines[2]);
        Assert.EndsWith("for holding Bitcoin: it did not beat holding Bitcoin.", lines[2]);

        var smallest = r.Json.GetProperty("study").GetProperty("summary").EnumerateArray().MinBy(s => s.GetProperty("p_holm").GetDouble());
        Assert.StartsWith("The event study's strongest finding after Holm's correction, ", lines[3]);
        Assert.Contains($"over {smallest.GetProperty("horizon").GetInt32()} days", lines[3]);
        Assert.Contains($"Holm-adjusted p = {smallest.GetProperty("p_holm").GetDouble():0.000}", lines[3]);

        Assert.StartsWith("Nearest to turning: ", lines[4]);
        Assert.Contains("Bitcoin drawdown from its peak close: −30.7% against ≤ −20.0% (would stop contradicting)", lines[4]);

        // A concept counts once: the index's four readings are one item of "Against:", with their four values.
        var against = lines.Single(l => l.StartsWith("Against: ", StringComparison.Ordinal));
        Assert.Matches(@"Altcoin Season Index \(4 readings: \d+ points, \d+ points, \d+ points, \d+ points\)", against);
        Assert.Single(Regex.Matches(string.Join(" ", lines), "Altcoin Season Index"));
        Assert.Equal(int.Parse(readiness.Groups[4].Value), against["Against: ".Length..].TrimEnd('.').Split("; ").Length);
        var support = lines.Single(l => l.StartsWith("For: ", StringComparison.Ordinal));
        Assert.Equal(int.Parse(readiness.Groups[3].Value), support["For: ".Length..].TrimEnd('.').Split("; ").Length);
    }
}
