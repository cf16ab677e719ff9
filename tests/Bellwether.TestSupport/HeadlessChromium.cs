using System.Diagnostics;
using System.Text.Json;
using Bellwether.Report;
using Xunit;

namespace Bellwether.TestSupport;

/// <summary>
/// Headless Chromium (<see cref="Chromium.Find"/>: on PATH or in BELLWETHER_CHROMIUM) driven from its command line: the DOM after scripts ran, console messages, every
/// network request (from Chromium's own net log), and screenshots. Skips the test when Chromium is absent.
/// </summary>
public static class HeadlessChromium
{
    private static readonly Lazy<string?> Executable = new(Chromium.Find);

    private static string Found()
    {
        Assert.SkipWhen(Executable.Value is null, $"{Chromium.Missing} (.ci/run installs it)");
        return Executable.Value!;
    }

    /// <summary>What a page load produced.</summary>
    /// <param name="Dom">The serialised DOM after the virtual-time budget ran out.</param>
    /// <param name="ConsoleErrors">Console messages at error level and uncaught exceptions, as Chromium logged them.</param>
    /// <param name="NetworkUrls">Every URL the page itself requested over the network, from Chromium's net log.</param>
    public sealed record PageLoad(string Dom, IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> NetworkUrls);

    private static string[] BaseArguments(string profile) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        $"--user-data-dir={profile}",
    ];

    /// <summary>Loads <paramref name="file"/> in a window <paramref name="width"/> pixels wide and returns its DOM,
    /// console errors and network requests.</summary>
    public static PageLoad Load(string file, int virtualTimeMs = 8000, int width = 1280)
    {
        var chromium = Found();
        var work = Directory.CreateTempSubdirectory("bellwether-chromium-").FullName;
        try
        {
            var netLog = Path.Combine(work, "net.json");
            var (stdout, stderr) = Run(chromium, [.. BaseArguments(Path.Combine(work, "profile")), "--enable-logging=stderr", "--v=0", $"--window-size={width},2000",
                $"--log-net-log={netLog}", $"--virtual-time-budget={virtualTimeMs}", "--dump-dom", new Uri(file).AbsoluteUri]);
            var errors = stderr.Split('\n')
                .Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) && (l.Contains("Uncaught", StringComparison.Ordinal) || l.Contains(":ERROR:", StringComparison.Ordinal) || l.Contains("error", StringComparison.OrdinalIgnoreCase)))
                .ToList();
            return new PageLoad(stdout, errors, NetLogUrls(netLog));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Saves a screenshot of <paramref name="file"/> to <paramref name="png"/>.</summary>
    public static void Screenshot(string file, string png, int width = 1280, int height = 4000, int virtualTimeMs = 8000)
    {
        var chromium = Found();
        var work = Directory.CreateTempSubdirectory("bellwether-chromium-").FullName;
        try
        {
            Run(chromium, [.. BaseArguments(Path.Combine(work, "profile")), $"--window-size={width},{height}",
                $"--virtual-time-budget={virtualTimeMs}", $"--screenshot={png}", new Uri(file).AbsoluteUri]);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // Page-initiated requests only: Chromium's own background calls (time sync, updater, accounts) carry the
    // initiator "not an origin"; anything the page asks for carries the page's origin ("null" for file://).
    private static List<string> NetLogUrls(string netLog)
    {
        if (!File.Exists(netLog)) return [];
        var text = File.ReadAllText(netLog).TrimEnd();
        if (!text.EndsWith('}')) text = text.TrimEnd(',', '\n', ' ') + "]}"; // Chromium may exit before closing the log
        using var doc = JsonDocument.Parse(text);
        var startJob = doc.RootElement.GetProperty("constants").GetProperty("logEventTypes").GetProperty("URL_REQUEST_START_JOB").GetInt32();
        var urls = new List<string>();
        foreach (var e in doc.RootElement.GetProperty("events").EnumerateArray())
        {
            if (e.GetProperty("type").GetInt32() != startJob || !e.TryGetProperty("params", out var p)) continue;
            var initiator = p.TryGetProperty("initiator", out var i) ? i.GetString() : null;
            if (initiator != "not an origin" && p.TryGetProperty("url", out var url)) urls.Add(url.GetString() ?? "");
        }
        return urls.Distinct().ToList();
    }

    private static (string Stdout, string Stderr) Run(string chromium, string[] args)
    {
        var psi = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 120 s");
        }
        return (stdout.Result, stderr.Result);
    }
}
