using Bellwether.Core.Measurements;
using Bellwether.Data.Alerts;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bellwether.Server.Tests.Alerts;

/// <summary>
/// The alert history page (<c>/alerts</c>) in Chromium, at 1,400 px and phone width, on a store with July 2025's
/// notifications: every notification a row, no console errors, nothing from outside, nothing wider than the screen.
/// </summary>
public sealed class AlertPageBrowserTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-alerts-page-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_alert_history_page_renders_without_errors_or_outside_requests()
    {
        var store = Path.Combine(_dir, "store.duckdb");
        File.Copy(TestStores.ExcerptStore, store);
        var rules = Path.Combine(_dir, "rules.yaml");
        File.WriteAllText(rules, "rules:\n  - name: against\n    when: { state: { signal: \"*\", to: against } }\n"
            + "  - name: fed_stale\n    when: { stale: { signal: fed_path } }\nreceivers:\n  log: alerts.jsonl\n");
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var file = AlertRulesFile.LoadFor(rules, thesis, Concepts.Signals);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 22, 6, 0, 0, TimeSpan.Zero));
        var recorded = new AlertWatch(store, thesis, Concepts.Signals, file, rules, releaseLags: true, clock)
            .CatchUp(new DateOnly(2025, 7, 21), new DateOnly(2025, 7, 1));
        using var http = new HttpClient();
        await new AlertDeliverer(store, file.Receivers, AlertLog.PathFor(file.Receivers, rules), thesis.Name, clock,
            http, Environment.GetEnvironmentVariable).DeliverDueAsync(Cancel);
        Assert.NotEmpty(recorded);

        await using var server = await RunningServer.Start(store);
        foreach (var (width, height, label) in new[] { (1400, 1000, "1400"), (390, 844, "phone") })
        {
            await using var browser = await BrowserSession.Launch(width, height);
            var page = await browser.Load(server.Url + "/alerts");
            await page.WaitForSelectorAsync("main h1");
            var rows = await page.Locator("tbody tr").EvaluateAllAsync<string[]>(
                "rows => rows.map(r => r.cells[0].textContent + ' ' + r.cells[2].textContent)");
            Assert.Equal(recorded.Select(e => $"{e.Date:yyyy-MM-dd} {e.Rule}").Order(StringComparer.Ordinal),
                rows.Order(StringComparer.Ordinal));
            Assert.All(await page.Locator("tbody tr td:last-child").AllInnerTextsAsync(),
                text => Assert.Equal("log: delivered", text));
            Assert.True(
                await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"/alerts scrolls sideways at {width} px");
            await BrowserSession.Screenshot(page, $"alerts-{label}");
            Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
            Assert.NotEmpty(browser.Requests);
            Assert.All(browser.Requests, url => Assert.StartsWith(server.Url + "/", url, StringComparison.Ordinal));
        }
    }
}
