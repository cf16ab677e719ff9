using System.Net;
using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary>
/// <c>/api/altseason</c>, <c>/api/check</c>, <c>/api/macro</c> and <c>/api/flows</c> on the excerpt store, against
/// what the CLI prints for the same store and options.
/// </summary>
public sealed class MarketApiTests : IDisposable
{
    private readonly ServerFactory _factory = new(TestStores.ExcerptStore);
    private readonly HttpClient _client;

    public MarketApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string ShippedClaims => Path.Combine(Reference.RepoRoot, "claims", "article-2025-12-15.yaml");

    private static async Task<string> Text(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {body}");
        if (expected == HttpStatusCode.OK) Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return body;
    }

    /// <summary>A route with its query, and the same question as CLI arguments.</summary>
    public static readonly TheoryData<string, string> Questions = new()
    {
        { "/api/altseason", "altseason" },
        { "/api/altseason?as_of=2025-06-30&window=30&top=20", "altseason --as-of 2025-06-30 --window 30 --top 20" },
        {
            "/api/altseason?from=2025-10-01&to=2025-12-31&min_coverage=0.5&max_ranking_age=60&ranking_mode=priority&exclude=doge,xrp",
            "altseason --from 2025-10-01 --to 2025-12-31 --min-coverage 0.5 --max-ranking-age 60 --ranking-mode priority --exclude doge,xrp"
        },
        { "/api/altseason?as_of=2025-12-15&alias=POL%3DMATIC&alias=S%3DFTM", "altseason --as-of 2025-12-15 --alias POL=MATIC --alias S=FTM" },
        { "/api/macro", "macro" },
        { "/api/macro?as_of=2025-12-10&weeks=30", "macro --as-of 2025-12-10 --weeks 30" },
        { "/api/flows", "flows" },
        { "/api/flows?as_of=2025-12-15&window=10", "flows --as-of 2025-12-15 --window 10" },
        { "/api/flows?into=BTC_SPOT_ETF_FLOWS&out_of=ETH_SPOT_ETF_FLOWS", "flows --into BTC_SPOT_ETF_FLOWS --out-of ETH_SPOT_ETF_FLOWS" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Each_route_is_byte_for_byte_what_its_command_prints_with_json(string path, string command)
    {
        var cli = TestStores.Run([.. command.Split(' '), "--json", "--store", TestStores.ExcerptStore]);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        using var response = await _client.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(cli.Stdout), await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Check_is_byte_for_byte_what_check_prints_for_the_claims_file_served()
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore, claims: ShippedClaims);
        using var client = factory.CreateClient();
        var cli = TestStores.Run("check", ShippedClaims, "--json", "--store", TestStores.ExcerptStore);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        Assert.Equal(cli.Stdout, await Text(client, "/api/check"));
    }

    [Fact]
    public async Task Without_claims_given_the_check_reads_the_claims_the_thesis_declares()
    {
        var served = JsonDocument.Parse(await Text(_client, "/api/check")).RootElement;
        Assert.Equal("claims/article-2025-12-15.yaml (built in)", served.GetProperty("file").GetString());
        var cli = JsonDocument.Parse(TestStores.Run("check", ShippedClaims, "--json", "--store", TestStores.ExcerptStore).Stdout).RootElement;
        Assert.Equal(cli.GetProperty("claims").GetRawText(), served.GetProperty("claims").GetRawText());
    }

    [Fact]
    public async Task A_thesis_without_claims_has_no_check_and_says_how_to_give_one()
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore,
            thesis: Path.Combine(Reference.RepoRoot, "theses", "sp500-breakout-bitcoin.yaml"));
        using var client = factory.CreateClient();
        var error = JsonDocument.Parse(await Text(client, "/api/check", HttpStatusCode.NotFound)).RootElement;
        Assert.Contains("--claims", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_claims_file_that_does_not_load_stops_the_server_before_it_listens()
    {
        var bad = Path.Combine(Directory.CreateTempSubdirectory("bellwether-serve-claims-").FullName, "bad.yaml");
        File.WriteAllText(bad, "claims:\n  - id: x\n    kind: no_such_kind\n");
        using var factory = new ServerFactory(TestStores.ExcerptStore, claims: bad);
        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.IsType<ServeRefusedException>(e.GetBaseException());
        Assert.Contains("bad.yaml", e.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/altseason?window=0", "window")]
    [InlineData("/api/altseason?top=fifty", "top")]
    [InlineData("/api/altseason?min_coverage=1.5", "min_coverage")]
    [InlineData("/api/altseason?ranking_mode=newest", "ranking_mode")]
    [InlineData("/api/altseason?rankings=no_such_list", "rankings")]
    [InlineData("/api/altseason?alias=POL", "alias")]
    [InlineData("/api/altseason?from=2025-02-01&to=2025-01-01", "from")]
    [InlineData("/api/altseason?as_of=15/12/2025", "as_of")]
    [InlineData("/api/macro?weeks=-1", "weeks")]
    [InlineData("/api/macro?as_of=2025-02-30", "as_of")]
    [InlineData("/api/flows?window=0", "window")]
    [InlineData("/api/flows?window=1.5", "window")]
    public async Task A_bad_value_is_a_400_naming_the_parameter(string path, string parameter)
    {
        var error = JsonDocument.Parse(await Text(_client, path, HttpStatusCode.BadRequest)).RootElement.GetProperty("error").GetString();
        Assert.StartsWith(parameter + ": ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_flow_table_is_a_404()
    {
        var error = JsonDocument.Parse(await Text(_client, "/api/flows?into=NO_SUCH_FLOWS", HttpStatusCode.NotFound)).RootElement;
        Assert.Contains("NO_SUCH_FLOWS", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_routes_and_their_parameters()
    {
        var paths = JsonDocument.Parse(await Text(_client, "/openapi/v1.json")).RootElement.GetProperty("paths");
        foreach (var (path, parameters) in new[]
                 {
                     ("/api/altseason", new[] { "as_of", "window", "top", "from", "to", "rankings", "ranking_mode", "min_coverage",
                         "max_ranking_age", "exclude", "include", "alias" }),
                     ("/api/check", []), ("/api/macro", ["as_of", "weeks"]), ("/api/flows", ["as_of", "window", "into", "out_of"]),
                 })
        {
            Assert.True(paths.TryGetProperty(path, out var route), path);
            var names = route.GetProperty("get").TryGetProperty("parameters", out var list)
                ? list.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList() : [];
            Assert.Equal(parameters.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        }
    }
}
