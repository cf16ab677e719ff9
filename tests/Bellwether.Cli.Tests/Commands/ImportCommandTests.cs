using Bellwether.Data.Store;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-cli-import-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);
    private string Store => Path.Combine(_dir, "store.duckdb");

    private static string Fingerprint(string store)
    {
        using var s = BellwetherStore.Open(store, readOnly: true);
        return s.ContentFingerprint();
    }

    [Fact]
    public void Second_import_of_a_folder_reports_zero_changes()
    {
        var first = CliRun.Invoke(Store, "import", RealData.File("markets"), RealData.File("macro"), "--json");
        Assert.Equal(0, first.ExitCode);
        Assert.True(first.Json.GetProperty("inserted").GetInt64() > 0);
        var second = CliRun.Invoke(Store, "import", RealData.File("markets"), RealData.File("macro"), "--json");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, second.Json.GetProperty("inserted").GetInt64());
        Assert.Equal(0, second.Json.GetProperty("updated").GetInt64());
    }

    [Fact]
    public void An_import_says_when_its_transaction_committed()
    {
        var before = DateTimeOffset.UtcNow;
        var r = CliRun.Invoke(Store, "import", RealData.File("macro"), "--json");
        var after = DateTimeOffset.UtcNow;
        Assert.Equal(0, r.ExitCode);
        var committed = r.Json.GetProperty("committed_at");
        Assert.EndsWith("+00:00", committed.GetString(), StringComparison.Ordinal);
        Assert.InRange(committed.GetDateTimeOffset(), before, after);
    }

    [Theory]
    [InlineData("2025-01-0x,10,11,9,10.5,100,s", "date")]
    [InlineData("2025-01-03,10,11,9,abc,100,s", "close")]
    [InlineData("2025-01-03,10,11,9,nan,100,s", "close")]
    [InlineData("2025-01-03,10,11,9,0,100,s", "close")]
    [InlineData("2025-01-03,10,8,9,10,100,s", "high")]
    [InlineData("2025-01-02,10,11,9,10.4,100,s", "date")]
    public void A_malformed_file_exits_1_naming_file_line_field_and_leaves_the_store_unchanged(string badRow, string field)
    {
        Assert.Equal(0, CliRun.Invoke(Store, "import", RealData.File("markets"), "--json").ExitCode);
        var before = Fingerprint(Store);
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.Copy(RealData.File("macro", "DFF.csv"), Path.Combine(folder, "DFF.csv"));
        var bad = Path.Combine(folder, "zzz_daily.csv");
        File.WriteAllText(bad, "date,open,high,low,close,volume,source\n2025-01-02,10,11,9,10.5,100,s\n" + badRow + "\n");
        var r = CliRun.Invoke(Store, "import", folder, "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{bad}:3: field '{field}'", r.Stderr);
        var problem = Assert.Single(r.Json.GetProperty("problems").EnumerateArray());
        Assert.Equal(bad, problem.GetProperty("file").GetString());
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(before, Fingerprint(Store));
    }

    [Fact]
    public void Skip_bad_imports_the_rest_and_lists_the_skips()
    {
        var bad = Path.Combine(_dir, "zzz_daily.csv");
        File.WriteAllText(bad, "date,open,high,low,close,volume,source\n2025-01-02,10,11,9,10.5,100,s\n2025-01-03,10,11,9,-2,100,s\n");
        var r = CliRun.Invoke(Store, "import", bad, "--skip-bad", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(1, r.Json.GetProperty("inserted").GetInt64());
        var skip = Assert.Single(r.Json.GetProperty("file_reports")[0].GetProperty("skipped").EnumerateArray());
        Assert.Equal(3, skip.GetProperty("line").GetInt32());
        Assert.Equal("close", skip.GetProperty("field").GetString());
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, CliRun.Invoke(Store, "import").ExitCode);
        Assert.Equal(2, CliRun.Invoke(Store, "import", _dir, "--no-such-option").ExitCode);
        Assert.Equal(2, CliRun.Invoke(Store, "frobnicate").ExitCode);
    }

    [Fact]
    public void Missing_path_and_missing_store_are_runtime_errors()
    {
        Assert.Equal(1, CliRun.Invoke(Store, "import", Path.Combine(_dir, "nope")).ExitCode);
        var r = CliRun.Invoke(Store, "data", "status");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("bellwether import", r.Stderr);
    }
}
