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
        // The CLI's what-if is the API's, byte for byte (both below), and the board of the edited file.
        var tried = TestStores.Run("board", "--what-if", "--weight", "rut_btc_corr=4", "--threshold",
            "rut_eth_corr.supports.ci95_low=0.5", "--json", "--as-of", "2025-12-31",
            "--store", TestStores.ExcerptStore);
        Assert.True(tried.ExitCode == 0, tried.Stderr);
        var whatIf = JsonDocument.Parse(tried.Stdout).RootElement;
        Assert.Equal((await Json("/api/board/what-if?as_of=2025-12-31&" + Changes)).GetRawText(), whatIf.GetRawText());

        var (rescored, actual) = (whatIf.GetProperty("what_if"), whatIf.GetProperty("actual"));
        Assert.Equal(edited.GetProperty("readiness").GetDouble(), rescored.GetProperty("readiness").GetDouble());
        Assert.Equal(edited.GetProperty("counted").GetDouble(), rescored.GetProperty("counted").GetDouble());
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

    [Theory]
    [InlineData("2025-12-31",
        new[] { "--weight", "rut_btc_corr=4", "--threshold", "rut_eth_corr.supports.ci95_low=0.5" })]
    [InlineData(null, new[] { "--threshold", "btc_drawdown.against.value=\u22120.35", "--weight", "fed_path=0" })]
    [InlineData(null, new[] { "--what-if" })]
    public async Task Board_what_if_json_is_byte_for_byte_the_api_answer(string? asOf, string[] changes)
    {
        var dated = asOf is null ? Array.Empty<string>() : ["--as-of", asOf];
        var cli = TestStores.Run(["board", .. changes, .. dated, "--json", "--store", TestStores.ExcerptStore]);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        var query = string.Join('&', changes.Where(c => c != "--what-if").Chunk(2).Select(pair =>
            pair[0][2..] + "." + Uri.EscapeDataString(pair[1]).Replace("%3D", "=", StringComparison.Ordinal))
            .Concat(asOf is null ? [] : [$"as_of={asOf}"]));
        using var response = await _client.GetAsync("/api/board/what-if?" + query, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(cli.Stdout),
            await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Board_what_if_in_the_terminal_marks_the_changes_and_the_states_they_turned()
    {
        var whatIf = await Json("/api/board/what-if?as_of=2025-12-31&" + Changes);
        var cli = TestStores.Run("board", "--as-of", "2025-12-31", "--weight", "rut_btc_corr=4", "--threshold",
            "rut_eth_corr.supports.ci95_low=0.5", "--store", TestStores.ExcerptStore);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        var lines = cli.Stdout.Split('\n');
        Assert.Equal(["What if (the thesis file is not changed):",
            "  --threshold rut_eth_corr.supports.ci95_low=0.5 (the file's: 0.3)",
            "  --weight rut_btc_corr=4 (the file's: 1)"], lines[..3]);
        var corr = Array.FindIndex(lines,
            l => l.TrimStart().StartsWith("Russell 2000–ETH correlation", StringComparison.Ordinal));
        Assert.Contains("neutral", lines[corr], StringComparison.Ordinal);
        // Under the new state, the file's, in brackets (explained under the changes).
        Assert.EndsWith(" (supports)", lines[corr + 1], StringComparison.Ordinal);
        Assert.Equal("A state in brackets is the thesis file's, where a change turned it.", lines[3]);
        string Rounded(string side) => Math.Round(whatIf.GetProperty(side).GetProperty("readiness").GetDouble(),
            MidpointRounding.AwayFromZero).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        var change = int.Parse(Rounded("what_if"), System.Globalization.CultureInfo.InvariantCulture)
            - int.Parse(Rounded("actual"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"as of 2025-12-31, what if: readiness {Rounded("what_if")}/100 (the thesis file's "
            + $"{Rounded("actual")}/100, {(change > 0 ? "+" : "\u2212")}{Math.Abs(change)} points)",
            string.Join(' ', lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Board_what_if_alone_lists_what_can_be_changed()
    {
        var cli = TestStores.Run("board", "--what-if", "--as-of", "2025-12-31", "--store", TestStores.ExcerptStore);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.StartsWith("What if: nothing is changed", cli.Stdout, StringComparison.Ordinal);
        var row = cli.Stdout.Split('\n').Last(l => l.StartsWith("  rut_eth_corr ", StringComparison.Ordinal));
        Assert.Matches(@"^  rut_eth_corr +1\.5 +supports\.ci95_low >= 0\.3$", row);
        Assert.Contains("Change them with --weight SIGNAL=W and --threshold SIGNAL.supports.FIELD=X",
            cli.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--weight", "nope=1" }, "error: --weight nope=1: no signal 'nope' in the thesis Russell 2000 "
        + "breakout → Altcoin Season (its signals: rut_resistance, rut_record_month, ")]
    [InlineData(new[] { "--weight", "rut_btc_corr" },
        "error: --weight rut_btc_corr: expected SIGNAL=W; the signals are rut_resistance, rut_record_month, ")]
    [InlineData(new[] { "--weight", "rut_btc_corr=heavy" },
        "error: --weight rut_btc_corr=heavy: 'heavy' is not a number")]
    [InlineData(new[] { "--weight", "rut_btc_corr=-1" }, "error: --weight rut_btc_corr=-1: must be 0 or more")]
    [InlineData(new[] { "--threshold", "rut_eth_corr.ci95_low=0.5" }, "error: --threshold rut_eth_corr.ci95_low=0.5: "
        + "expected SIGNAL.supports|against.FIELD=X; the thresholds are rut_record_month.against.value, "
        + "rut_eth_corr.supports.ci95_low, rut_eth_corr.against.ci95_high, ")]
    [InlineData(new[] { "--threshold", "rut_eth_corr.supports.value=1" }, "error: --threshold "
        + "rut_eth_corr.supports.value=1: the signal's supports rule has no comparison on 'value' (its rules compare: "
        + "supports.ci95_low, against.ci95_high)")]
    [InlineData(new[] { "--weight", "fed_path=1", "--weight", "fed_path=2" },
        "error: --weight fed_path=2: --weight fed_path=1 is given too; give each once")]
    [InlineData(new[] { "--weight", "fed_path=1", "--history" },
        "error: give --what-if (--weight, --threshold) or --history or --compare, not two")]
    public void A_change_board_cannot_use_is_a_usage_error_naming_the_option(string[] args, string error)
    {
        var cli = TestStores.Run(["board", .. args, "--store", TestStores.ExcerptStore]);
        Assert.Equal(2, cli.ExitCode);
        Assert.StartsWith(error, cli.Stderr, StringComparison.Ordinal);
        Assert.Equal("", cli.Stdout);
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
        "weight.nope: no signal 'nope' in the thesis Russell 2000 breakout → Altcoin Season (its signals: "
        + "rut_resistance, rut_record_month, rut_eth_corr, rut_btc_corr, rut_eth_corr_trend, eth_btc_trendline, "
        + "altseason_90d_k50, altseason_90d_k100, altseason_30d_k50, altseason_365d_k50, eth_vs_btc_etf_flows, "
        + "eth_etf_flows, fed_path, net_liquidity, btc_drawdown, rut_btc_divergence, smallcap_etf_flows, "
        + "rut_earnings_forecast)")]
    [InlineData("weight.rut_btc_corr=-1", "weight.rut_btc_corr: must be 0 or more")]
    [InlineData("weight.rut_btc_corr=heavy", "weight.rut_btc_corr: 'heavy' is not a number")]
    [InlineData("weight.rut_btc_corr=1&weight.rut_btc_corr=2", "weight.rut_btc_corr: given more than once")]
    [InlineData("threshold.rut_resistance.supports.value=1",
        "threshold.rut_resistance.supports.value: the signal's supports rule has no comparison on 'value' (its "
        + "rules compare no number)")]
    [InlineData("threshold.rut_eth_corr.supports.value=1", "threshold.rut_eth_corr.supports.value: the signal's "
        + "supports rule has no comparison on 'value' (its rules compare: supports.ci95_low, against.ci95_high)")]
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
