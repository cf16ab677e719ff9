namespace Bellwether.TestSupport;

/// <summary>Folders made of copies of real files, laid out as a test needs them.</summary>
public static class RealDataCopy
{
    /// <summary>
    /// Copies files of the data folder into <paramref name="folder"/> and returns it: each file as (its path inside
    /// <paramref name="folder"/>, its path in the data folder), e.g.
    /// <c>("crypto/daily/RUT.csv", ["crypto", "daily", "SPX.csv"])</c>.
    /// </summary>
    public static string Into(string folder, params (string Path, string[] From)[] files)
    {
        foreach (var (path, from) in files)
        {
            var target = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(RealData.File(from), target);
        }
        return folder;
    }
}
