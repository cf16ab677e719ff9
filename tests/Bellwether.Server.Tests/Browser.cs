using Bellwether.Report;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary>The server on a real loopback port (Kestrel), as <c>bellwether serve</c> runs it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, string url) => (_app, Url) = (app, url);

    /// <summary>The address it listens on, e.g. http://127.0.0.1:41234.</summary>
    public string Url { get; }

    public static async Task<RunningServer> Start(string store, string? token = null)
    {
        var app = ServerApp.Create([], new ServeSettings { StorePath = store, Urls = ["http://127.0.0.1:0"], Token = token });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RunningServer(app, app.Urls.Single().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// Debian's Chromium (<see cref="Chromium.Find"/>) driven by Playwright in a fresh profile, recording console errors,
/// uncaught exceptions and every request the pages make. Skips the test when Chromium is absent.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly string _profile;

    private BrowserSession(IPlaywright playwright, IBrowserContext context, string profile) =>
        (_playwright, _context, _profile) = (playwright, context, profile);

    /// <summary>Console messages at error level and uncaught exceptions, from every page.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Every URL requested over http(s).</summary>
    public List<string> Requests { get; } = [];

    /// <summary>The folder screenshots are kept in (artifacts/serve, ignored by git).</summary>
    public static string Artifacts =>
        Directory.CreateDirectory(Path.Combine(TestSupport.Reference.RepoRoot, "artifacts", "serve")).FullName;

    public static async Task<BrowserSession> Launch(int width = 1400, int height = 1000)
    {
        var chromium = Chromium.Find();
        Assert.SkipWhen(chromium is null, $"{Chromium.Missing} (.ci/run installs it)");
        var profile = Directory.CreateTempSubdirectory("bellwether-serve-profile-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var session = new BrowserSession(playwright, context, profile);
        context.Page += (_, page) => session.Watch(page);
        foreach (var page in context.Pages) session.Watch(page);
        return session;
    }

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (Errors) Errors.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) =>
        {
            lock (Errors) Errors.Add($"{page.Url}: uncaught {error}");
        };
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith("http", StringComparison.Ordinal)) lock (Requests) Requests.Add(request.Url);
        };
    }

    /// <summary>The browser's cookies.</summary>
    public Task<IReadOnlyList<BrowserContextCookiesResult>> Cookies() => _context.CookiesAsync();

    /// <summary>A page at <paramref name="url"/>, as loaded (nothing waited for).</summary>
    public async Task<IPage> Load(string url)
    {
        var page = _context.Pages.FirstOrDefault(p => p.Url == "about:blank") ?? await _context.NewPageAsync();
        await page.GotoAsync(url);
        return page;
    }

    /// <summary>A page at <paramref name="url"/>, once it has drawn the store version <paramref name="version"/>.</summary>
    public async Task<IPage> Open(string url, int version = 0)
    {
        var page = _context.Pages.FirstOrDefault(p => p.Url == "about:blank") ?? await _context.NewPageAsync();
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync($"body[data-version='{version}']");
        return page;
    }

    public static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        _playwright.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
