using System.Diagnostics;
using System.Text.Json;
using Bellwether.Core.Text;
using Microsoft.Playwright;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary>The pages in Chromium: live updates from another process's import, no console errors, nothing from outside.</summary>
public sealed class BrowserTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Every page of the server.</summary>
    public static readonly TheoryData<string, string> PagePaths = new()
    {
        { "/", "board" }, { "/?as_of=2025-06-30&compare=2025-03-31", "board-compare" }, { "/history", "history" },
        { "/signal/rut_resistance", "signal-breakout" }, { "/signal/eth_btc_trendline", "signal-trendline" },
        { "/signal/net_liquidity", "signal-liquidity" }, { "/data", "data-status" },
        { "/altseason", "altseason" }, { "/altseason?as_of=2025-06-30&window=30&top=100", "altseason-2025-06-30" },
        { "/check", "check" }, { "/macro", "macro" }, { "/macro?as_of=2025-12-10&weeks=30", "macro-2025-12-10" },
        { "/flows", "flows" },
    };

    [Fact]
    public async Task The_board_updates_without_a_reload_when_another_process_imports_a_day()
    {
        await using var browser = await BrowserSession.Launch();
        var store = TestStores.Import(TestStores.ExcerptWithout("2025-12-31"), "browser");
        await using var server = await RunningServer.Start(store);
        using var http = new HttpClient();
        var before = JsonDocument.Parse(await http.GetStringAsync(server.Url + "/api/board", Cancel)).RootElement;
        var page = await browser.Open(server.Url + "/");
        await ShowsBoard(page, before);
        await BrowserSession.Screenshot(page, "board-before-import");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        // One more day, imported by the CLI in another process while the page is open.
        var import = Process.Start(new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "bellwether.dll"), "import", TestSupport.Excerpt.Folder, "--skip-bad", "--store", store },
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var stderr = import.StandardError.ReadToEndAsync(Cancel);
        await import.WaitForExitAsync(Cancel);
        Assert.True(import.ExitCode == 0, await stderr);

        await page.WaitForSelectorAsync("body[data-version='1']", new PageWaitForSelectorOptions { Timeout = 20_000 });
        var after = JsonDocument.Parse(await http.GetStringAsync(server.Url + "/api/board", Cancel)).RootElement;
        Assert.NotEqual(before.GetProperty("as_of").GetString(), after.GetProperty("as_of").GetString());
        await ShowsBoard(page, after);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        var changed = await page.Locator("tr.changed").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        Assert.Equal(Changed(before, after), changed);
        Assert.NotEmpty(changed);
        Assert.Contains("changed", await page.Locator("#changes").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSession.Screenshot(page, "board-after-import");

        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
        Assert.All(browser.Requests, url => Assert.StartsWith(server.Url + "/", url, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PagePaths))]
    public async Task Every_page_renders_without_errors_or_outside_requests_at_desktop_and_phone_width(string path, string name)
    {
        await using var server = await RunningServer.Start(TestStores.ExcerptStore);
        foreach (var (width, height, label) in new[] { (1400, 1000, "1400"), (390, 844, "phone") })
        {
            await using var browser = await BrowserSession.Launch(width, height);
            var page = await browser.Open(server.Url + path);
            Assert.Equal("false", await page.GetAttributeAsync("#content", "aria-busy"));
            Assert.Equal(0, await page.Locator(".error").CountAsync());
            var text = await page.Locator("#content").InnerTextAsync();
            Assert.DoesNotMatch(@"\b(null|undefined|NaN)\b|\[object ", text);
            // Figures come from the formatting table: U+2212, never an ASCII hyphen before a digit.
            Assert.DoesNotMatch(@"(?<![\w.])-\d", text);
            // Nothing wider than the screen but the tables' own scroll boxes.
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"{path} scrolls sideways at {width} px");
            await BrowserSession.Screenshot(page, $"{name}-{label}");
            Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
            Assert.NotEmpty(browser.Requests);
            Assert.All(browser.Requests, url => Assert.StartsWith(server.Url + "/", url, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The pages write each figure as the CLI does: every board value as the formatting table writes the JSON's number
    /// in its unit (worked out here from <c>value</c> and <c>unit</c>, not read from <c>value_text</c>), and the
    /// macro and flows pages' figures as <c>macro</c> and <c>flows</c> write them.
    /// </summary>
    [Fact]
    public async Task The_pages_write_every_figure_by_the_one_formatting_table()
    {
        await using var server = await RunningServer.Start(TestStores.ExcerptStore);
        await using var browser = await BrowserSession.Launch();
        using var http = new HttpClient();
        var board = JsonDocument.Parse(await http.GetStringAsync(server.Url + "/api/board", Cancel)).RootElement;
        var page = await browser.Open(server.Url + "/");
        var shown = await page.Locator("table.board").First.Locator("tbody td[data-label='Value']")
            .EvaluateAllAsync<string[]>("cells => cells.map(c => c.textContent)");
        var expected = board.GetProperty("signals").EnumerateArray().Select(s =>
            s.GetProperty("value").ValueKind == JsonValueKind.Number
                ? ValueText.Of(s.GetProperty("value").GetDouble(), s.GetProperty("unit").GetString()!) : "").ToArray();
        Assert.Equal(expected, shown);
        Assert.Contains(expected, v => v.Contains('%', StringComparison.Ordinal)
                                       || v.Contains(" r", StringComparison.Ordinal));
        // Each signal's points of readiness: the table's one decimal (15.4, 0.0), then its note.
        var points = await page.Locator("table.board").First.Locator("tbody td[data-label='Points']")
            .EvaluateAllAsync<string[]>("cells => cells.map(c => c.firstChild.textContent)");
        Assert.Equal(board.GetProperty("breakdown").EnumerateArray().Select(p =>
            ValueText.Format(ValueKind.ReadinessPart).Number(p.GetProperty("contribution").GetDouble())), points);
        Assert.Contains(points, p => p.Contains('.', StringComparison.Ordinal) && p != "0.0");

        var macro = JsonDocument.Parse(await http.GetStringAsync(server.Url + "/api/macro", Cancel)).RootElement;
        var liquidity = macro.GetProperty("net_liquidity");
        page = await browser.Open(server.Url + "/macro");
        var macroText = await page.Locator("#content").InnerTextAsync();
        Assert.Contains($"{ValueText.Level(liquidity.GetProperty("value").GetDouble(), ValueKind.UsdBillions)} on " +
                        $"{liquidity.GetProperty("date").GetString()}: " +
                        $"{ValueText.Of(liquidity.GetProperty("change_4w").GetDouble(), ValueKind.UsdBillions)} " +
                        "over 4 weeks", macroText);
        var rate = macro.GetProperty("fed").GetProperty("rate").GetDouble();
        Assert.Contains(ValueText.Of(rate, ValueKind.Rate), macroText);

        var flows = JsonDocument.Parse(await http.GetStringAsync(server.Url + "/api/flows", Cancel)).RootElement;
        page = await browser.Open(server.Url + "/flows");
        var flowsText = await page.Locator("#content").InnerTextAsync();
        var tables = flows.GetProperty("tables").EnumerateArray()
            .Where(t => t.GetProperty("date").ValueKind != JsonValueKind.Null).ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            var cumulative = table.GetProperty("cumulative").GetDouble();
            Assert.Contains(ValueText.Format(ValueKind.UsdMillions).Number(cumulative), flowsText);
        }
        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }

    [Fact]
    public async Task The_pages_can_be_used_from_the_keyboard()
    {
        await using var server = await RunningServer.Start(TestStores.ExcerptStore);
        await using var browser = await BrowserSession.Launch();
        var page = await browser.Open(server.Url + "/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        // Back from the content into the menu: Shift+Tab to "Readiness history" and follow it with Enter.
        for (int i = 0; i < 10 && await page.EvaluateAsync<string>("() => document.activeElement.textContent") != "Readiness history"; i++)
            await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("body[data-page='history'][data-version='0']");
        Assert.Equal(server.Url + "/history", page.Url);
        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
    }

    private static async Task ShowsBoard(IPage page, JsonElement board)
    {
        Assert.Equal(board.GetProperty("as_of").GetString(), await page.Locator("#as-of").InnerTextAsync());
        var readiness = board.GetProperty("readiness");
        Assert.Equal(readiness.ValueKind == JsonValueKind.Null ? "withheld" : Math.Round(readiness.GetDouble()).ToString("0", System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator("#readiness").InnerTextAsync());
        // The board's own table: the what-if section below it has rows of the same signals.
        var states = await page.Locator("table.board").First.Locator("tbody tr")
            .EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id + ' ' + r.dataset.state)");
        Assert.Equal(board.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("id").GetString() + " " + s.GetProperty("state").GetString()), states);
    }

    /// <summary>The signals whose state, staleness or value differ between two boards (the page's rule).</summary>
    private static string[] Changed(JsonElement before, JsonElement after)
    {
        var old = before.GetProperty("signals").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        return after.GetProperty("signals").EnumerateArray().Where(s =>
        {
            var o = old[s.GetProperty("id").GetString()!];
            return o.GetProperty("state").GetString() != s.GetProperty("state").GetString()
                   || o.GetProperty("stale").GetBoolean() != s.GetProperty("stale").GetBoolean()
                   || o.GetProperty("value").GetRawText() != s.GetProperty("value").GetRawText();
        }).Select(s => s.GetProperty("id").GetString()!).ToArray();
    }
}
