namespace Bellwether.Report;

/// <summary>
/// Where headless Chromium is: the path in <c>BELLWETHER_CHROMIUM</c> when set, else the first of
/// <c>chromium</c>, <c>chromium-browser</c>, <c>google-chrome</c> found on <c>PATH</c>.
/// </summary>
public static class Chromium
{
    /// <summary>The environment variable that names the executable.</summary>
    public const string Variable = "BELLWETHER_CHROMIUM";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>The executable's path, or null when it is neither configured nor on <c>PATH</c>.</summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Names.SelectMany(name => folders.Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>What to do when <see cref="Find"/> found nothing.</summary>
    public static string Missing => Environment.GetEnvironmentVariable(Variable) is { } configured
        && !string.IsNullOrWhiteSpace(configured)
        ? $"{Variable} is set to '{configured}', which is not a file: set it to the path of headless Chromium, or " +
        "unset it to use chromium on PATH"
        : $"headless Chromium was not found: install it (apt-get install chromium) or set {Variable} to its path";
}
