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

        // Every summary sentence is on the page (its text, without the spans that keep dates and numbers whole), and
        // its readiness is the JSON's.
        var page = Regex.Replace(File.ReadAllText(html), "<span class=\"whole\">(.*?)</span>", "$1");
        foreach (var line in r.Json.GetProperty("summary").EnumerateArray())
            Assert.Contains(System.Net.WebUtility.HtmlEncode(line.GetString()!), page);
        Assert.Contains($"readiness is {r.Json.GetProperty("readiness").GetDouble():0}/100", page);
        Assert.True(File.Exists(Path.ChangeExtension(html, ".md")));

        // "Did it ever work?": its paragraph is on the page and in the Markdown, its two charts are among those rendered.
        var study = r.Json.GetProperty("study");
        Assert.Contains("Did it ever work?", page);
        var markdown = File.ReadAllText(Path.ChangeExtension(html, ".md"));
        foreach (var line in study.GetProperty("paragraph").EnumerateArray())
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(line.GetString()!), page);
            Assert.Contains(line.GetString()!, markdown);
        }
        var ids = r.Json.GetProperty("charts").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains("chart-equity", ids);
        Assert.Contains("chart-study-90", ids);

        HeadlessChromium.Screenshot(html, Path.Combine(Artifacts, "report-2025-12-15.png"), height: 6000);
    }

    /// <summary>
    /// The report's study section as of a past date equals the study and backtest commands run on data up to that date
    /// with the report's settings (2,000 resamples; readiness daily, as the commands evaluate it): same events, summaries
    /// and strategy metrics.
    /// </summary>
    [Fact]
    public void The_study_section_as_of_a_past_date_equals_the_commands_cut_at_it()
    {
        const string asOf = "2021-06-30";
        var r = CliRun.OnRealData("report", "--as-of", asOf, "-o", Path.Combine(_dir, "past.html"), "--claims", "none", "--json");
        Assert.Equal(0, r.ExitCode);
        var section = r.Json.GetProperty("study");
        Assert.Equal(asOf, section.GetProperty("to").GetString());
        Assert.StartsWith($"Up to {asOf} the trigger", section.GetProperty("paragraph")[0].GetString());

        var study = CliRun.OnRealData("study", "--as-of", asOf, "--resamples", "2000", "--json").Json;
        Assert.Equal(study.GetProperty("events").GetArrayLength(), section.GetProperty("events").GetInt32());
        var expected = study.GetProperty("summary").EnumerateArray().ToList();
        var actual = section.GetProperty("summary").EnumerateArray().ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            foreach (var field in new[] { "asset", "horizon", "events", "independent_events", "mean", "baseline_mean", "ci95_low", "ci95_high", "p_holm", "hit_rate" })
                Assert.Equal(expected[i].GetProperty(field).ToString(), actual[i].GetProperty(field).ToString());

        var backtest = CliRun.OnRealData("backtest", "--to", asOf, "--json").Json;
        var strategies = section.GetProperty("strategies").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        foreach (var s in backtest.GetProperty("strategies").EnumerateArray())
        {
            var mine = strategies[s.GetProperty("id").GetString()!];
            Assert.Equal(s.GetProperty("in_sample").GetProperty("sharpe").ToString(), mine.GetProperty("sharpe_in_sample").ToString());
            Assert.Equal(s.GetProperty("out_of_sample").GetProperty("sharpe").ToString(), mine.GetProperty("sharpe_out_of_sample").ToString());
            Assert.Equal(s.GetProperty("full").GetProperty("total_return").ToString(), mine.GetProperty("total_return").ToString());
            Assert.Equal(s.GetProperty("in_sample").GetProperty("cagr").ToString(), mine.GetProperty("cagr_in_sample").ToString());
        }
        Assert.Equal(1, section.GetProperty("readiness_every_days").GetInt32());
    }

    /// <summary>Measures the laid-out page in the browser: how far the page and each chart reach past the screen,
    /// whether every table sits in a box that scrolls, and whether any chart title is wider than its chart.</summary>
    private const string Measure = """
        <script>window.addEventListener('load', () => setTimeout(() => {
          const w = document.documentElement.clientWidth, out = [];
          if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth);
          for (const c of document.querySelectorAll('.chart')) {
            const svg = c.querySelector('.main-svg');
            if (!svg || svg.getBoundingClientRect().right > w + 0.5) out.push('chart ' + c.id);
            const title = c.querySelector('.gtitle');
            if (title && (title.getBoundingClientRect().left < c.getBoundingClientRect().left - 0.5
                || title.getBoundingClientRect().right > c.getBoundingClientRect().right + 0.5)) out.push('title ' + c.id);
          }
          for (const t of document.querySelectorAll('table'))
            if (!t.parentElement.classList.contains('scroll') || getComputedStyle(t.parentElement).overflowX !== 'auto') out.push('table');
          parent.postMessage(out.join(';') || 'none', '*');
        }, 3000));</script>
        """;

    /// <summary>A page holding the report in a 390 px frame (headless Chromium's window is at least 500 px wide, so the
    /// frame is the phone's screen), recording what the report measured.</summary>
    private static string Phone(string report) => $$"""
        <!DOCTYPE html><html><body style="margin:0;background:#999">
        <iframe src="{{new Uri(report).AbsoluteUri}}" style="width:390px;height:9000px;border:0;display:block;background:#fff"></iframe>
        <script>window.addEventListener('message', e => document.body.setAttribute('data-overflow', e.data));</script>
        </body></html>
        """;

    [Fact]
    public void The_report_reflows_on_a_390_px_screen()
    {
        var html = Path.Combine(_dir, "phone.html");
        var r = CliRun.OnRealData("report", "--as-of", "2025-12-15", "-o", html, "--json");
        Assert.Equal(0, r.ExitCode);
        var measured = Path.Combine(_dir, "measured.html");
        File.WriteAllText(measured, File.ReadAllText(html).Replace("</body>", Measure + "</body>", StringComparison.Ordinal));
        var phone = Path.Combine(_dir, "phone-frame.html");
        File.WriteAllText(phone, Phone(measured));
        HeadlessChromium.Screenshot(phone, Path.Combine(Artifacts, "report-390px.png"), width: 500, height: 9000, virtualTimeMs: 15000);
        var load = HeadlessChromium.Load(phone, virtualTimeMs: 15000, width: 500);
        Assert.Empty(load.ConsoleErrors);
        Assert.Equal("none", Regex.Match(load.Dom, "data-overflow=\"([^\"]*)\"").Groups[1].Value);
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
