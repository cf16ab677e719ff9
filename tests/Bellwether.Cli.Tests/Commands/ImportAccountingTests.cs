using System.Security.Cryptography;
using Bellwether.Data.Store;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// A folder import accounts for every file: it lists every problem of every file (capped with a count) and stores
/// nothing, or loads what it can under --skip-bad and lists what it did not load, with reasons. Real rows throughout.
/// </summary>
public sealed class ImportAccountingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-cli-accounting-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);
    private string Store => Path.Combine(_dir, "store.duckdb");

    private string Digest() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Store)));

    private string Fingerprint()
    {
        using var store = BellwetherStore.Open(Store, readOnly: true);
        return store.ContentFingerprint();
    }

    /// <summary>
    /// A folder holding a good real file (IWM), RUT with a thousands separator on line 3 and a future date on line 5,
    /// DFF with a value that is no number on line 4, and a CSV of no known format.
    /// </summary>
    private string MixedFolder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.Copy(RealData.File("markets", "iwm_daily.csv"), Path.Combine(folder, "iwm_daily.csv"));
        var rut = File.ReadAllLines(RealData.File("markets", "rut_daily.csv"));
        rut[2] = rut[2].Replace(",168.97000122070312,", ",1,68.97,");
        rut[4] = "2099" + rut[4][4..];
        File.WriteAllLines(Path.Combine(folder, "rut_daily.csv"), rut);
        var dff = File.ReadAllLines(RealData.File("macro", "DFF.csv"));
        dff[3] = dff[3].Split(',')[0] + ",abc";
        File.WriteAllLines(Path.Combine(folder, "DFF.csv"), dff);
        File.WriteAllText(Path.Combine(folder, "notes.csv"), "when,what\n2025-01-02,bought IWM\n");
        return folder;
    }

    [Fact]
    public void Without_skip_bad_every_problem_of_every_file_is_listed_in_a_json_document_and_nothing_is_stored()
    {
        Assert.Equal(0, CliRun.Invoke(Store, "import", RealData.File("markets", "spy_daily.csv")).ExitCode);
        var (fingerprint, digest) = (Fingerprint(), Digest());
        var folder = MixedFolder();

        var r = CliRun.Invoke(Store, "import", folder, "--json");

        Assert.Equal(1, r.ExitCode);
        var problems = r.Json.GetProperty("problems").EnumerateArray()
            .Select(p => (Path.GetFileName(p.GetProperty("file").GetString()), p.GetProperty("line").GetInt32(), p.GetProperty("field").GetString(), p.GetProperty("reason").GetString()!))
            .ToList();
        Assert.Equal([("DFF.csv", 4, "DFF"), ("notes.csv", 0, "format"), ("rut_daily.csv", 3, "row"), ("rut_daily.csv", 5, "date")],
            problems.Select(p => (p.Item1, p.Item2, p.Item3)).ToList());
        Assert.Contains("'abc' is not a number", problems[0].Item4);
        Assert.Contains("not a format Bellwether knows", problems[1].Item4);
        Assert.Contains("expected 7 fields as in the header, found 8", problems[2].Item4);
        Assert.Contains("thousands separator", problems[2].Item4);
        Assert.Contains("2099-09-15 is in the future", problems[3].Item4);
        Assert.Contains("4 problem(s); nothing was stored", r.Json.GetProperty("error").GetString());
        Assert.Contains($"{Path.Combine(folder, "rut_daily.csv")}:5: field 'date'", r.Stderr);
        Assert.Equal(fingerprint, Fingerprint());
        Assert.Equal(digest, Digest());
    }

    [Fact]
    public void Under_skip_bad_unknown_files_are_listed_as_not_loaded_and_the_rest_is_stored()
    {
        var folder = MixedFolder();
        var r = CliRun.Invoke(Store, "import", folder, "--skip-bad", "--json");
        Assert.Equal(0, r.ExitCode);
        var notLoaded = Assert.Single(r.Json.GetProperty("not_loaded").EnumerateArray());
        Assert.Equal(Path.Combine(folder, "notes.csv"), notLoaded.GetProperty("path").GetString());
        Assert.Contains("not a format Bellwether knows", notLoaded.GetProperty("reason").GetString());
        Assert.Equal(3, r.Json.GetProperty("files").GetInt32());
        Assert.Equal(3, r.Json.GetProperty("skipped").GetInt64());
        var iwm = File.ReadAllLines(RealData.File("markets", "iwm_daily.csv")).Length - 1;
        var rut = File.ReadAllLines(RealData.File("markets", "rut_daily.csv")).Length - 3;
        var dff = File.ReadAllLines(RealData.File("macro", "DFF.csv")).Length - 2;
        Assert.Equal(iwm + rut + dff, r.Json.GetProperty("inserted").GetInt64());
    }

    [Fact]
    public void Problems_beyond_the_listed_hundred_are_counted()
    {
        var lines = File.ReadAllLines(RealData.File("markets", "rut_daily.csv")).Take(152).ToArray();
        for (int i = 2; i < lines.Length; i++) lines[i] += ",extra";
        var file = Path.Combine(_dir, "rut_daily.csv");
        File.WriteAllLines(file, lines);
        var r = CliRun.Invoke(Store, "import", file, "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(100, r.Json.GetProperty("problems").GetArrayLength());
        Assert.Equal(50, r.Json.GetProperty("unlisted_problems").GetInt32());
        Assert.Contains("… and 50 more problem(s) not listed", r.Stderr);
    }

    [Fact]
    public void A_symbolic_link_cycle_is_reported_and_not_followed()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "in", "markets")).FullName;
        File.Copy(RealData.File("markets", "qqq_daily.csv"), Path.Combine(folder, "qqq_daily.csv"));
        var loop = Path.Combine(folder, "loop");
        Directory.CreateSymbolicLink(loop, Path.Combine(_dir, "in"));
        var r = CliRun.Invoke(Store, "import", Path.Combine(_dir, "in"), "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(1, r.Json.GetProperty("files").GetInt32());
        var notLoaded = Assert.Single(r.Json.GetProperty("not_loaded").EnumerateArray());
        Assert.Equal(loop, notLoaded.GetProperty("path").GetString());
        Assert.Contains("a symbolic link back to", notLoaded.GetProperty("reason").GetString());
        Assert.Contains("(a cycle)", notLoaded.GetProperty("reason").GetString());
    }

    [Fact]
    public void A_folder_import_prints_a_short_summary_and_the_file_table_only_with_verbose()
    {
        var r = CliRun.Invoke(Store, "import", RealData.File("markets"), RealData.File("macro"));
        Assert.Equal(0, r.ExitCode);
        // A note line and the summary (wrapped at the console's 80 columns), not a table of 15 files.
        Assert.True(r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 5, r.Stdout);
        var text = r.Stdout.ReplaceLineEndings(" ");
        Assert.Contains("15 file(s), 15 instrument(s) and list(s)", text);
        Assert.Contains("0 file(s) not loaded", text);
        Assert.DoesNotContain("rut_daily.csv", r.Stdout);

        var verbose = CliRun.Invoke(Store, "import", RealData.File("markets"), "--verbose");
        Assert.Contains("RUT", verbose.Stdout);
        Assert.StartsWith("╭", verbose.Stdout);
        Assert.DoesNotContain("╭", r.Stdout);
        Assert.Contains("note: RUT: index volume is stored but not meaningful", verbose.Stdout);
    }
}
