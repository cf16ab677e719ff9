namespace Bellwether.Bench;

/// <summary>The real data folder for benchmarks: <c>BELLWETHER_DATA</c>, else <c>../shared/data</c> beside the repository.</summary>
public static class BenchData
{
    public static string Folder
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("BELLWETHER_DATA");
            if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bellwether.sln"))) dir = dir.Parent;
            return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared", "data"));
        }
    }
}
