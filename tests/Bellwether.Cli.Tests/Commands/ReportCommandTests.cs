using System.Text.RegularExpressions;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>The report on the real data, opened in a real headless Chromium from file://.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-report-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Where screenshots are kept for a person to look at (ignored by git).</summary>
    private static string Artifacts => Directory.CreateDirectory(Path.Combine(Reference.RepoRoot, "artifacts", "report")).FullName;

    [Fact]
    public void The_report_renders_offline_with_every_chart_and_no_errors()
    {
        var html = Path.Combine(_dir, "report.html");
        var r = CliRun.OnRealData("report", "--as-of", "2025-12-15", "-o", html, "--markdown", "--json");
        Assert.Equal(0, r.ExitCode);
        int charts = r.Json.GetProperty("charts").GetArrayLength();
        Assert.True(charts >= 8, $"{charts} charts");

        var load = HeadlessChromium.Load(html);
        Assert.Empty(load.ConsoleErrors);
        Assert.Empty(load.NetworkUrls);
        Assert.Equal(charts, Regex.Count(load.Dom, "data-rendered=\"true\""));
        Assert.True(Regex.Count(load.Dom, "class=\"main-svg\"") >= charts);

        // Every summary sentence is on the page, and its readiness is the JSON's.
        var page = File.ReadAllText(html);
        foreach (var line in r.Json.GetProperty("summary").EnumerateArray())
            Assert.Contains(System.Net.WebUtility.HtmlEncode(line.GetString()!), page);
        Assert.Contains($"scores {r.Json.GetProperty("readiness").GetDouble():0} out of 100", page);
        Assert.True(File.Exists(Path.ChangeExtension(html, ".md")));

        HeadlessChromium.Screenshot(html, Path.Combine(Artifacts, "report-2025-12-15.png"), height: 6000);
    }

    [Fact]
    public void Png_export_writes_one_image_per_chart()
    {
        var html = Path.Combine(_dir, "report.html");
        var pngs = Path.Combine(_dir, "png");
        var r = CliRun.OnRealData("report", "--as-of", "2025-06-30", "-o", html, "--png-dir", pngs, "--claims", "none", "--json");
        Assert.Equal(0, r.ExitCode);
        foreach (var chart in r.Json.GetProperty("charts").EnumerateArray())
        {
            var png = new FileInfo(Path.Combine(pngs, chart.GetProperty("id").GetString() + ".png"));
            Assert.True(png.Exists && png.Length > 10_000, $"{png.Name} missing or empty");
        }
    }

    [Fact]
    public void A_bad_thesis_file_names_file_and_line()
    {
        var thesis = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(thesis, "name: x\nsignals:\n  - id: a\n    kind: no_such_kind\n");
        var r = CliRun.OnRealData("report", "--thesis", thesis, "-o", Path.Combine(_dir, "x.html"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{thesis}:3", r.Stderr);
        Assert.Contains("no_such_kind", r.Stderr);
    }
}
