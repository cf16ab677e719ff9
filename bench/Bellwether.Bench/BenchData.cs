using Bellwether.Data.Import;
using Bellwether.Data.Store;

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

    /// <summary>
    /// A new store at <paramref name="path"/> holding the whole data folder (imported with skips, as the README's main
    /// job does), opened read-only.
    /// </summary>
    public static BellwetherStore ImportedStore(string path)
    {
        var parsed = Importers.ReadAll(Importers.ExpandPaths([Folder], []), new ImportOptions(SkipBad: true));
        using (var writable = BellwetherStore.Open(path)) writable.Import(parsed, DateTimeOffset.UnixEpoch);
        return BellwetherStore.Open(path, readOnly: true);
    }
}
