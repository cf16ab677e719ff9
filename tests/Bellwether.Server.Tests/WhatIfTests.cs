using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary>
/// What if: weights and thresholds tried on the board (<c>GET /api/board/what-if</c> and the board page), checked
/// against the CLI's board of a thesis file edited the same way.
/// </summary>
public sealed class WhatIfTests : IDisposable
{
    private const string Changes = "threshold.rut_eth_corr.supports.ci95_low=0.5&weight.rut_btc_corr=4";
    private readonly ServerFactory _factory = new(TestStores.ExcerptStore);
    private readonly HttpClient _client;

    public WhatIfTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> Json(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The shipped thesis with rut_eth_corr's supports level at 0.5 and rut_btc_corr weighing 4.</summary>
    private static string EditedThesis()
    {
        var shipped = Path.Combine(TestSupport.Reference.RepoRoot, "theses", "russell-breakout-altseason.yaml");
        var text = File.ReadAllText(shipped);
        text = Regex.Replace(text, @"(?m)^claims:.*$", ""); // relative to the theses folder; board does not read it
        text = Regex.Replace(text, @"(id: rut_eth_corr\n(?:.*\n)*?    supports: \{ ci95_low: )"">= 0.3""",
            "$1\">= 0.5\"");
        text = Regex.Replace(text, @"(id: rut_btc_corr\n(?:.*\n)*?    weight: )1\n", "${1}4\n");
        var file = Path.Combine(Directory.CreateTempSubdirectory("bellwether-what-if-").FullName, "edited.yaml");
        File.WriteAllText(file, text);
        return file;
    }

    [Fact]
    public async Task What_if_is_the_board_of_a_thesis_file_edited_the_same_way()
    {
        var file = EditedThesis();
        var cli = TestStores.Run("board", "--json", "--as-of", "2025-12-31", "--thesis", file,
            "--store", TestStores.ExcerptStore);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        var edited = JsonDocument.Parse(cli.Stdout).RootElement;
        var board = await Json("/api/board?as_of=2025-12-31");
        var whatIf = await Json("/api/board/what-if?as_of=2025-12-31&" + Changes);

        var (tried, actual) = (whatIf.GetProperty("what_if"), whatIf.GetProperty("actual"));
        Assert.Equal(edited.GetProperty("readiness").GetDouble(), tried.GetProperty("readiness").GetDouble());
        Assert.Equal(edited.GetProperty("counted").GetDouble(), tried.GetProperty("counted").GetDouble());
        Assert.Equal(board.GetProperty("readiness").GetDouble(), actual.GetProperty("readiness").GetDouble());
        Assert.NotEqual(board.GetProperty("readiness").GetDouble(), edited.GetProperty("readiness").GetDouble());
        var signals = whatIf.GetProperty("signals").EnumerateArray().ToList();
        Assert.Equal(edited.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("state").GetString()),
            signals.Select(s => s.GetProperty("state").GetString()));
        Assert.Equal(board.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("state").GetString()),
            signals.Select(s => s.GetProperty("actual_state").GetString()));
        Assert.Equal(edited.GetProperty("breakdown").EnumerateArray()
                .Select(p => p.GetProperty("contribution").GetDouble()),
            signals.Select(s => s.GetProperty("contribution").GetDouble()));

        var corr = signals.Single(s => s.GetProperty("id").GetString() == "rut_eth_corr");
        Assert.Equal(("neutral", "supports"),
            (corr.GetProperty("state").GetString(), corr.GetProperty("actual_state").GetString()));
        var threshold = corr.GetProperty("thresholds")[0];
        Assert.Equal("threshold.rut_eth_corr.supports.ci95_low", threshold.GetProperty("parameter").GetString());
        Assert.Equal((0.5, 0.3, ">="), (threshold.GetProperty("threshold").GetDouble(),
            threshold.GetProperty("actual").GetDouble(), threshold.GetProperty("op").GetString()));
        Assert.Equal(["threshold.rut_eth_corr.supports.ci95_low 0.3 → 0.5", "weight.rut_btc_corr 1 → 4"],
            whatIf.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("parameter").GetString() + " "
                + c.GetProperty("from").GetRawText() + " → " + c.GetProperty("to").GetRawText())
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_changes_what_if_is_the_board()
    {
        var board = await Json("/api/board");
        var whatIf = await Json("/api/board/what-if");
        Assert.Equal(board.GetProperty("as_of").GetString(), whatIf.GetProperty("as_of").GetString());
        Assert.Equal(board.GetProperty("readiness").GetRawText(),
            whatIf.GetProperty("what_if").GetProperty("readiness").GetRawText());
        Assert.Equal(0, whatIf.GetProperty("changes").GetArrayLength());
        Assert.Equal(0, whatIf.GetProperty("readiness_change").GetDouble());
        Assert.All(whatIf.GetProperty("signals").EnumerateArray(), s =>
            Assert.Equal(s.GetProperty("actual_state").GetString(), s.GetProperty("state").GetString()));
    }

    [Theory]
    [InlineData("weigth.rut_btc_corr=1", "weigth.rut_btc_corr: unknown parameter: what-if takes as_of, "
        + "weight.SIGNAL and threshold.SIGNAL.supports|against.FIELD")]
    [InlineData("weight.nope=1",
        "weight.nope: no signal 'nope' in the thesis Russell 2000 breakout → Altcoin Season")]
    [InlineData("weight.rut_btc_corr=-1", "weight.rut_btc_corr: must be 0 or more")]
    [InlineData("weight.rut_btc_corr=heavy", "weight.rut_btc_corr: 'heavy' is not a number")]
    [InlineData("weight.rut_btc_corr=1&weight.rut_btc_corr=2", "weight.rut_btc_corr: given more than once")]
    [InlineData("threshold.rut_resistance.supports.value=1",
        "threshold.rut_resistance.supports.value: the signal's supports rule has no comparison on 'value'")]
    [InlineData("as_of=2025-13-01", "as_of: '2025-13-01' is not a date (expected yyyy-MM-dd)")]
    public async Task A_change_that_does_not_fit_is_a_400_naming_the_parameter(string query, string error)
    {
        var body = await Json("/api/board/what-if?" + query, HttpStatusCode.BadRequest);
        Assert.Equal(error, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task On_the_board_page_a_changed_threshold_moves_readiness_without_touching_the_board()
    {
        var expected = await Json("/api/board/what-if?as_of=2025-12-31&threshold.rut_eth_corr.supports.ci95_low=0.5");
        var shown = Math.Round(expected.GetProperty("what_if").GetProperty("readiness").GetDouble())
            .ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        await using var browser = await BrowserSession.Launch();
        await using var server = await RunningServer.Start(TestStores.ExcerptStore);
        var page = await browser.Open(server.Url + "/?as_of=2025-12-31");
        var actual = await page.Locator("#readiness").InnerTextAsync();
        await page.Locator("#what-if summary").ClickAsync();
        Assert.Equal(actual, await page.Locator("#what-if-value").InnerTextAsync());
        Assert.NotEqual(actual, shown);
        var input = page.Locator("#what-if input[name='threshold.rut_eth_corr.supports.ci95_low']");
        await input.FillAsync("0.5");
        await input.PressAsync("Enter");
        await Shows(page, shown);
        var row = page.Locator("#what-if tr[data-id='rut_eth_corr']");
        Assert.Equal("neutral", await row.GetAttributeAsync("data-state"));
        Assert.Equal(actual, await page.Locator("#readiness").InnerTextAsync()); // the thesis file's board stays
        Assert.Contains("threshold.rut_eth_corr.supports.ci95_low=0.5", page.Url, StringComparison.Ordinal);
        await BrowserSession.Screenshot(page, "board-what-if");

        // The address keeps the change: a reload shows it again; Reset goes back to the thesis file.
        await page.ReloadAsync();
        await Shows(page, shown);
        await page.Locator("#what-if-reset").ClickAsync();
        await Shows(page, actual);
        Assert.DoesNotContain("threshold.", page.Url, StringComparison.Ordinal);
        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
        Assert.All(browser.Requests, url => Assert.StartsWith(server.Url + "/", url, StringComparison.Ordinal));
    }

    /// <summary>Waits (30 s at most: a busy machine) until the page shows what-if readiness <paramref name="text"/>.
    /// </summary>
    private static async Task Shows(IPage page, string text) =>
        await page.WaitForSelectorAsync($"#what-if-value:text-is('{text}')",
            new PageWaitForSelectorOptions { Timeout = 30_000 });
}
