using System.Text.RegularExpressions;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// Every chart of the default report, alone on the page, screenshot in headless Chromium on a 1,400 px screen and in
/// a 390 px phone frame, kept under <c>artifacts/charts/</c> (ignored by git) for a person to look at
/// (docs/report.md, "Looking at the charts"); each must render without errors and stay inside its screen, with its
/// title and axis labels inside the chart.
/// </summary>
public sealed class ChartScreenshotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-charts-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Artifacts => Directory.CreateDirectory(Path.Combine(Reference.RepoRoot, "artifacts", "charts")).FullName;

    /// <summary>Only one chart shows; the script measures it once drawn and records what sticks out.</summary>
    private static string Alone(string id) => $$"""
        <style>header,h2,p,ul,.scroll,.chart:not(#{{id}}){display:none}main{padding:8px}</style>
        <script>window.addEventListener('load', () => setTimeout(() => {
          const c = document.getElementById('{{id}}'), box = c.getBoundingClientRect(), out = [];
          const w = document.documentElement.clientWidth;
          if (box.right > w + 0.5) out.push('chart wider than the screen');
          for (const t of c.querySelectorAll('.gtitle, .xtick text, .ytick text, .y2tick text, .g-ytitle, .g-y2title, .annotation-text'))
          {
            const r = t.getBoundingClientRect();
            if (r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5)) out.push('outside: ' + t.textContent);
          }
          document.body.setAttribute('data-outside', out.join(';') || 'none');
          parent.postMessage(out.join(';') || 'none', '*');
        }, 3000));</script>
        """;

    private static string PhoneFrame(string page) => $$"""
        <!DOCTYPE html><html><body style="margin:0;background:#999">
        <iframe src="{{new Uri(page).AbsoluteUri}}" style="width:390px;height:520px;border:0;display:block;background:#fff"></iframe>
        <script>window.addEventListener('message', e => document.body.setAttribute('data-outside', e.data));</script>
        </body></html>
        """;

    [Fact]
    public void Every_chart_is_screenshot_at_1400_and_390_px_with_nothing_outside_it()
    {
        var html = Path.Combine(_dir, "report.html");
        var r = CliRun.OnRealData("report", "--as-of", "2025-12-15", "-o", html, "--json");
        Assert.Equal(0, r.ExitCode);
        var report = File.ReadAllText(html);
        var ids = r.Json.GetProperty("charts").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.True(ids.Count >= 8, $"{ids.Count} charts");
        var problems = new List<string>();
        foreach (var id in ids)
        {
            var page = Path.Combine(_dir, id + ".html");
            File.WriteAllText(page, report.Replace("</body>", Alone(id) + "</body>", StringComparison.Ordinal));
            HeadlessChromium.Screenshot(page, Path.Combine(Artifacts, $"{id}-1400.png"), width: 1400, height: 470, virtualTimeMs: 10000);
            var wide = HeadlessChromium.Load(page, virtualTimeMs: 10000, width: 1400);
            Assert.Empty(wide.ConsoleErrors);
            problems.Add($"{id} 1400: {Outside(wide.Dom)}");

            var phone = Path.Combine(_dir, id + "-phone.html");
            File.WriteAllText(phone, PhoneFrame(page));
            HeadlessChromium.Screenshot(phone, Path.Combine(Artifacts, $"{id}-390.png"), width: 500, height: 520, virtualTimeMs: 10000);
            var narrow = HeadlessChromium.Load(phone, virtualTimeMs: 10000, width: 500);
            problems.Add($"{id} 390: {Outside(narrow.Dom)}");
        }
        Assert.All(problems, p => Assert.EndsWith(": none", p));
    }

    private static string Outside(string dom) => Regex.Match(dom, "data-outside=\"([^\"]*)\"").Groups[1].Value;
}
