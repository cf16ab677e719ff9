using System.Diagnostics;

namespace Bellwether.Report;

/// <summary>
/// Renders each chart to a PNG with headless Chromium (<see cref="Chromium.Find"/>): the chart alone on an
/// offline page, screenshot at a fixed size. Without Chromium it says so rather than writing nothing.
/// </summary>
public static class PngExport
{
    /// <summary>Writes <c>&lt;figure id&gt;.png</c> for each figure into <paramref name="directory"/>; returns figure
    /// id → file name.</summary>
    /// <exception cref="InvalidOperationException">Chromium is not installed, or it failed on a chart.</exception>
    public static IReadOnlyDictionary<string, string> Export(IReadOnlyList<Figure> figures, string directory,
        int width = 1200, int height = 560)
    {
        var chromium = Chromium.Find() ?? throw new InvalidOperationException($"--png-dir: {Chromium.Missing}");
        Directory.CreateDirectory(directory);
        var work = Directory.CreateTempSubdirectory("bellwether-png-").FullName;
        var names = new Dictionary<string, string>();
        try
        {
            foreach (var figure in figures)
            {
                var page = Path.Combine(work, figure.Id + ".html");
                File.WriteAllText(page, new HtmlPage(figure.Title, "").Chart(figure).Render(chartOnly: true, height));
                var png = Path.Combine(Path.GetFullPath(directory), figure.Id + ".png");
                Run(chromium, work, page, png, width, height);
                if (!File.Exists(png)) throw new InvalidOperationException($"chromium wrote no image for {figure.Id}");
                names[figure.Id] = Path.GetFileName(png);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        return names;
    }

    private static void Run(string chromium, string work, string page, string png, int width, int height)
    {
        var psi = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false
        };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                         "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--hide-scrollbars",
                     $"--user-data-dir={Path.Combine(work, "profile")}", $"--window-size={width},{height}",
                         "--virtual-time-budget=5000",
                     $"--screenshot={png}", new Uri(page).AbsoluteUri,
                 })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("chromium did not finish a chart within 60 s");
        }
    }
}
