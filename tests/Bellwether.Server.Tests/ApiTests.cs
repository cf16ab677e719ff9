using System.Net;
using System.Text.Json;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary>Every API route on the excerpt store, against what the CLI prints for the same store and date.</summary>
public sealed class ApiTests : IDisposable
{
    private readonly ServerFactory _factory = new(TestStores.ExcerptStore);
    private readonly HttpClient _client;

    public ApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> Text(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-06-30")]
    [InlineData("2025-12-31")]
    public async Task Board_is_byte_for_byte_what_board_json_prints(string? asOf)
    {
        var cli = TestStores.Run(["board", "--json", "--store", TestStores.ExcerptStore, .. asOf is null ? Array.Empty<string>() : ["--as-of", asOf]]);
        Assert.Equal(0, cli.ExitCode);
        using var response = await _client.GetAsync("/api/board" + (asOf is null ? "" : $"?as_of={asOf}"), Cancel);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(cli.Stdout), bytes);
    }

    [Theory]
    [InlineData("2025-06-30", null)]
    [InlineData("2025-03-31", "2025-09-30")]
    public async Task Compare_is_byte_for_byte_what_board_compare_json_prints(string since, string? asOf)
    {
        var cli = TestStores.Run(["board", "--compare", since, "--json", "--store", TestStores.ExcerptStore,
            .. asOf is null ? Array.Empty<string>() : ["--as-of", asOf]]);
        Assert.Equal(cli.Stdout, await Text($"/api/board/compare?since={since}" + (asOf is null ? "" : $"&as_of={asOf}")));
    }

    [Fact]
    public async Task Data_status_is_byte_for_byte_what_data_status_json_prints()
    {
        var cli = TestStores.Run("data", "status", "--json", "--store", TestStores.ExcerptStore);
        Assert.Equal(0, cli.ExitCode);
        Assert.Equal(cli.Stdout, await Text("/api/data/status"));
    }

    [Fact]
    public async Task History_is_byte_for_byte_what_board_history_json_prints()
    {
        var cli = TestStores.Run("board", "--history", "--json", "--from", "2025-01-01", "--to", "2025-12-31", "--store", TestStores.ExcerptStore);
        Assert.Equal(0, cli.ExitCode);
        Assert.Equal(cli.Stdout, await Text("/api/board/history?from=2025-01-01&to=2025-12-31"));
    }

    [Fact]
    public async Task Board_csv_has_a_row_per_signal_with_the_json_values()
    {
        var board = JsonDocument.Parse(await Text("/api/board?as_of=2025-12-31")).RootElement;
        var lines = (await Text("/api/board.csv?as_of=2025-12-31")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var signals = board.GetProperty("signals").EnumerateArray().ToList();
        Assert.Equal(signals.Count + 1, lines.Length);
        Assert.StartsWith("as_of,id,title,kind,state,value,unit,since,stale,weight,score,contribution,explanation", lines[0], StringComparison.Ordinal);
        for (int i = 0; i < signals.Count; i++)
        {
            Assert.StartsWith($"2025-12-31,{signals[i].GetProperty("id").GetString()},", lines[i + 1], StringComparison.Ordinal);
            Assert.Contains($",{signals[i].GetProperty("state").GetString()},", lines[i + 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task History_csv_has_a_row_per_week()
    {
        var history = JsonDocument.Parse(await Text("/api/board/history?from=2025-06-01&to=2025-12-31")).RootElement;
        var lines = (await Text("/api/board/history.csv?from=2025-06-01&to=2025-12-31")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var points = history.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(points.Count + 1, lines.Length);
        Assert.StartsWith("date,readiness,counted,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(points[^1].GetProperty("date").GetString() + ",", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_signal_has_a_chart_document_dated_like_the_board()
    {
        var board = JsonDocument.Parse(await Text("/api/board")).RootElement;
        int drawn = 0;
        foreach (var signal in board.GetProperty("signals").EnumerateArray())
        {
            var id = signal.GetProperty("id").GetString()!;
            var chart = JsonDocument.Parse(await Text($"/api/signal/{id}/chart")).RootElement;
            Assert.Equal(id, chart.GetProperty("id").GetString());
            Assert.Equal(board.GetProperty("as_of").GetString(), chart.GetProperty("as_of").GetString());
            foreach (var figure in chart.GetProperty("figures").EnumerateArray())
            {
                Assert.NotEqual(0, figure.GetProperty("data").GetArrayLength());
                Assert.True(figure.GetProperty("layout").TryGetProperty("title", out _));
                drawn++;
            }
        }
        Assert.True(drawn >= 5, $"{drawn} figures");
        await Text("/api/signal/no_such_signal/chart", HttpStatusCode.NotFound);
        await Text("/signal/no_such_signal", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/board?as_of=2025-13-01")]
    [InlineData("/api/board.csv?as_of=yesterday")]
    [InlineData("/api/board/history?from=2025-02-30")]
    [InlineData("/api/board/history?from=2025-12-01&to=2025-01-01")]
    [InlineData("/api/board/compare")]
    [InlineData("/api/board/compare?since=2025-31-12")]
    public async Task A_bad_date_is_a_400_that_says_why(string path)
    {
        var error = JsonDocument.Parse(await Text(path, HttpStatusCode.BadRequest)).RootElement.GetProperty("error").GetString();
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public async Task A_missing_store_is_a_503_that_says_so()
    {
        using var factory = new ServerFactory(Path.Combine(Path.GetTempPath(), $"bellwether-none-{Guid.NewGuid():N}.duckdb"));
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/board", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("bellwether import", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_api()
    {
        var paths = JsonDocument.Parse(await Text("/openapi/v1.json")).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/board", "/api/board.csv", "/api/board/history", "/api/board/history.csv", "/api/board/compare", "/api/data/status", "/api/events" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.False(paths.TryGetProperty("/", out _));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/history")]
    [InlineData("/signal/rut_resistance")]
    [InlineData("/data")]
    [InlineData("/altseason")]
    [InlineData("/check")]
    [InlineData("/macro")]
    [InlineData("/flows")]
    public async Task Pages_load_only_their_own_scripts(string path)
    {
        var html = await Text(path);
        Assert.Contains("<script src=\"/assets/app.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app.js", "text/javascript")]
    [InlineData("app.css", "text/css")]
    [InlineData("plotly.min.js", "text/javascript")]
    public async Task Assets_are_served_with_an_etag(string name, string type)
    {
        using var response = await _client.GetAsync($"/assets/{name}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/assets/{name}");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var cached = await _client.SendAsync(again, Cancel);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/assets/missing.js", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Events_start_with_the_current_version_and_follow_each_import()
    {
        var store = TestStores.Import(TestStores.ExcerptWithout("2025-12-31"), "events");
        using var factory = new ServerFactory(store);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(Cancel);
        // A guard against a hang, not a timed assertion: a missing event fails the test instead of stalling the run.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        guard.CancelAfter(TimeSpan.FromMinutes(2));
        var events = System.Net.ServerSentEvents.SseParser.Create(stream).EnumerateAsync(guard.Token).GetAsyncEnumerator(guard.Token);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("store", events.Current.EventType);
        Assert.Equal("0", events.Current.EventId);
        var before = await client.GetStringAsync("/api/board", Cancel);

        var import = TestStores.Run("import", TestSupport.Excerpt.Folder, "--skip-bad", "--store", store);
        Assert.Equal(0, import.ExitCode);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("store", events.Current.EventType);
        Assert.Equal("1", events.Current.EventId);
        Assert.Equal(1, JsonDocument.Parse(events.Current.Data).RootElement.GetProperty("version").GetInt64());
        // The event comes after the cache was dropped: the board is the new day's.
        var after = await client.GetStringAsync("/api/board", Cancel);
        Assert.Equal(TestStores.Run("board", "--json", "--store", store).Stdout, after);
        Assert.NotEqual(before, after);
    }
}
