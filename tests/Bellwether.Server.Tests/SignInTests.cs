using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary>With a token, a browser signs in once (an HttpOnly, SameSite=Strict cookie) and uses every page and the stream.</summary>
public sealed class SignInTests
{
    private const string Token = "a-sign-in-token-of-enough-length";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, string token, string? site = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["return"] = "/macro" }),
        };
        if (site is not null) request.Headers.Add("Sec-Fetch-Site", site);
        return await client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task The_right_token_sets_an_http_only_strict_cookie_that_is_not_the_token()
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore, token: Token);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var answer = await SignIn(client, Token);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/macro", answer.Headers.Location?.ToString());
        var cookie = Assert.Single(answer.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);

        var session = cookie.Split(';')[0];
        using var board = new HttpRequestMessage(HttpMethod.Get, "/api/board?as_of=2025-12-31");
        board.Headers.Add("Cookie", session);
        using var ok = await client.SendAsync(board, Cancel);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.DoesNotContain(Token, await ok.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/board?as_of=2025-12-31");
        forged.Headers.Add("Cookie", session[..^1] + (session[^1] == '0' ? '1' : '0'));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_or_another_site_gets_no_cookie()
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore, token: Token);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var wrong = await SignIn(client, Token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        var page = await wrong.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("not the token of this server", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, page, StringComparison.Ordinal);
        using var elsewhere = await SignIn(client, Token, site: "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.False(elsewhere.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_browser_asking_for_a_page_is_sent_to_the_form_and_everything_else_stays_read_only()
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore, token: Token);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/flows?as_of=2025-12-15");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var answer = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/sign-in?return=%2Fflows%3Fas_of%3D2025-12-15", answer.Headers.Location?.ToString());
        var form = await client.GetStringAsync(answer.Headers.Location, Cancel);
        Assert.Contains("<form method=\"post\" action=\"/sign-in\">", form, StringComparison.Ordinal);
        Assert.Contains("value=\"/flows?as_of=2025-12-15\"", form, StringComparison.Ordinal);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/board") { Content = new StringContent("{}") };
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.SendAsync(post, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_return_path_to_another_site_goes_to_the_board()
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore, token: Token);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Token, ["return"] = "//attacker.example/" }),
        };
        using var answer = await client.SendAsync(request, Cancel);
        Assert.Equal("/", answer.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Without_a_token_there_is_no_sign_in()
    {
        using var factory = new ServerFactory(TestStores.ExcerptStore);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sign-in", Cancel)).StatusCode);
        using var answer = await SignIn(client, Token);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.StatusCode);
    }

    [Fact]
    public async Task A_browser_signs_in_and_the_board_draws_and_follows_the_store()
    {
        await using var browser = await BrowserSession.Launch();
        await using var server = await RunningServer.Start(TestStores.ExcerptStore, Token);
        var page = await browser.Load(server.Url + "/altseason");
        await page.WaitForSelectorAsync("#token");
        await BrowserSession.Screenshot(page, "sign-in");
        await page.FillAsync("#token", Token);
        await page.Keyboard.PressAsync("Enter");
        // The page asked for first, drawn from the API and live on the event stream: both carry the cookie.
        await page.WaitForSelectorAsync("body[data-page='altseason'][data-version='0']");
        Assert.Equal(server.Url + "/altseason", page.Url);
        Assert.StartsWith("live", await page.Locator("#live").InnerTextAsync(), StringComparison.Ordinal);
        var cookie = Assert.Single(await browser.Cookies());
        Assert.Equal(Access.CookieName, cookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("", await page.EvaluateAsync<string>("() => document.cookie"));
        Assert.DoesNotContain(Token, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, page.Url, StringComparison.Ordinal);
        Assert.True(browser.Errors.Count == 0, string.Join("\n", browser.Errors));
        Assert.All(browser.Requests, url => Assert.DoesNotContain(Token, url, StringComparison.Ordinal));
    }
}
