using System.Net;
using System.Net.Http.Headers;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary>Safe by default: loopback only without a token, a token everywhere else, read-only, standard headers.</summary>
public sealed class SecurityTests
{
    private const string Token = "a-test-token-of-enough-length";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.0.0.2:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.10:5080", false)]
    [InlineData("http://example.org:5080", false)]
    public void Only_loopback_addresses_are_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, Exposure.IsLoopback(url));

    [Fact]
    public void A_non_http_address_is_refused() =>
        Assert.Throws<ServeRefusedException>(() => Exposure.IsLoopback("ftp://127.0.0.1"));

    [Fact]
    public void An_exposed_address_without_a_token_is_refused()
    {
        var e = Assert.Throws<ServeRefusedException>(() =>
            Exposure.Check(new ServeSettings { StorePath = "s.duckdb", Urls = ["http://127.0.0.1:5080", "http://0.0.0.0:5080"] }));
        Assert.Contains(ServeSettings.TokenVariable, e.Message, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0", e.Message, StringComparison.Ordinal);
        Assert.Throws<ServeRefusedException>(() =>
            Exposure.Check(new ServeSettings { StorePath = "s.duckdb", Urls = ["http://0.0.0.0:5080"], Token = "short" }));
        Exposure.Check(new ServeSettings { StorePath = "s.duckdb", Urls = ["http://0.0.0.0:5080"], Token = Token });
        Exposure.Check(new ServeSettings { StorePath = "s.duckdb" });
    }

    [Fact]
    public void The_server_does_not_start_exposed_without_a_token()
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore, urls: "http://0.0.0.0:5080");
        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.IsType<ServeRefusedException>(e.GetBaseException());
    }

    [Fact]
    public void Serve_refuses_an_exposed_address_without_a_token_with_a_usage_error()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable(ServeSettings.TokenVariable) is { Length: > 0 },
            $"{ServeSettings.TokenVariable} is set in this environment");
        var run = TestStores.Run("serve", "--urls", "http://0.0.0.0:5099", "--store", TestStores.ExcerptStore);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(ServeSettings.TokenVariable, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("--port", "0")]
    [InlineData("--port", "70000")]
    public void Serve_refuses_a_port_out_of_range(string option, string value) =>
        Assert.Equal(2, TestStores.Run("serve", option, value, "--store", TestStores.ExcerptStore).ExitCode);

    [Fact]
    public async Task With_a_token_every_request_needs_it()
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore, token: Token, urls: "http://0.0.0.0:5080");
        using var client = factory.CreateClient();
        foreach (var path in new[] { "/", "/api/board", "/api/events", "/assets/app.js", "/openapi/v1.json" })
        {
            using var none = await client.GetAsync(path, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
            using var wrong = new HttpRequestMessage(HttpMethod.Get, path);
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong, Cancel)).StatusCode);
        }
        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/board?as_of=2025-12-31");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var answer = await client.SendAsync(right, Cancel);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.DoesNotContain(Token, await answer.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task The_api_is_read_only(string method)
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/board") { Content = new StringContent("{}") };
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", response.Content.Headers.Allow.Count > 0
            ? string.Join(", ", response.Content.Headers.Allow) : response.Headers.GetValues("Allow").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/board?as_of=2025-12-31")]
    [InlineData("/api/board?as_of=bad")]
    [InlineData("/assets/app.js")]
    [InlineData("/nothing-here")]
    public async Task Every_answer_has_the_security_headers(string path)
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(path, Cancel);
        string Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : "";
        Assert.Equal(ServerApp.ContentSecurityPolicy, Header("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("no-referrer", Header("Referrer-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Opener-Policy"));
        Assert.Equal("", Header("Server"));
    }

    [Fact]
    public async Task A_loopback_server_answers_only_to_loopback_names()
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore);
        using var client = factory.CreateClient();
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/board?as_of=2025-12-31");
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(rebound, Cancel)).StatusCode);
        using var local = new HttpRequestMessage(HttpMethod.Get, "/api/board?as_of=2025-12-31");
        local.Headers.Host = "127.0.0.1:5080";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(local, Cancel)).StatusCode);
    }
}
