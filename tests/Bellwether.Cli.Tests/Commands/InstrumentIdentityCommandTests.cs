using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// Instruments of different classes that share a symbol (issue 11), on real rows: the SPX6900 token is the data
/// folder's <c>crypto/daily/SPX.csv</c>; the S&amp;P 500 index file holds the real rows of <c>markets/spy_daily.csv</c>
/// (the folder has no S&amp;P 500 index file).
/// </summary>
public sealed class InstrumentIdentityCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-cli-identity-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);
    private string Store => Path.Combine(_dir, "store.duckdb");

    private string Folder(string name, params (string Path, string[] From)[] files) =>
        RealDataCopy.Into(Path.Combine(_dir, name), files);

    private string BothSpx() => Folder("both", ("markets/spx_daily.csv", ["markets", "spy_daily.csv"]),
        ("crypto/daily/SPX.csv", ["crypto", "daily", "SPX.csv"]));

    [Fact]
    public void Index_and_token_import_in_one_run_and_each_drawdown_matches_pandas_on_its_file()
    {
        var folder = BothSpx();
        var import = CliRun.Invoke(Store, "import", folder, "--json");
        Assert.Equal(0, import.ExitCode);
        var ids = import.Json.GetProperty("file_reports").EnumerateArray()
            .SelectMany(f => f.GetProperty("instruments").EnumerateArray().Select(i => i.GetProperty("id").GetString()))
            .Order();
        Assert.Equal(["CRYPTO:SPX", "INDEX:SPX"], ids);

        var cases = new[]
        {
            ("INDEX:SPX", "markets/spx_daily.csv", "2022-10-12"), ("CRYPTO:SPX", "crypto/daily/SPX.csv", "2025-12-15"),
        };
        foreach (var (id, file, asOf) in cases)
        {
            var json = CliRun.Invoke(Store, "drawdown", id, "--as-of", asOf, "--json").Json;
            var reference = JsonDocument.Parse(
                Reference.Run("drawdown.py", Path.Combine(folder, file), "close", "-", asOf)).RootElement;
            Assert.Equal(id, json.GetProperty("id").GetString());
            Assert.Equal(reference.GetProperty("drawdown").EnumerateArray().Last().GetDouble(),
                json.GetProperty("drawdown").GetDouble(), 1e-12);
            Assert.Equal(reference.GetProperty("max_drawdown").GetDouble(),
                json.GetProperty("max_drawdown").GetDouble(), 1e-12);
            Assert.Equal(reference.GetProperty("peak_date").EnumerateArray().Last().GetString(),
                json.GetProperty("peak_date").GetString());
        }

        var status = CliRun.Invoke(Store, "data", "status", "--json").Json.GetProperty("instruments").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!,
                i => (i.GetProperty("class").GetString(), i.GetProperty("calendar").GetString()));
        Assert.Equal(("EquityIndex", "UsEquity"), status["INDEX:SPX"]);
        Assert.Equal(("Crypto", "EveryDay"), status["CRYPTO:SPX"]);
    }

    [Fact]
    public void An_ambiguous_short_id_is_a_usage_error_listing_both_in_commands_theses_and_claims()
    {
        Assert.Equal(0, CliRun.Invoke(Store, "import", BothSpx(), "--json").ExitCode);
        const string listing = "'SPX' is ambiguous: CRYPTO:SPX (crypto), INDEX:SPX (equity index); name one of them";

        var breakout = CliRun.Invoke(Store, "breakout", "SPX", "--as-of", "2025-12-15");
        Assert.Equal(2, breakout.ExitCode);
        Assert.Contains(listing, breakout.Stderr);
        Assert.Equal(0, CliRun.Invoke(Store, "breakout", "INDEX:SPX", "--as-of", "2025-12-15", "--json").ExitCode);

        var ratio = CliRun.Invoke(Store, "trendline", "SPX/CRYPTO:SPX", "--as-of", "2025-12-15");
        Assert.Equal(2, ratio.ExitCode);
        Assert.Contains(listing, ratio.Stderr);

        var thesis = Path.Combine(_dir, "thesis.yaml");
        File.WriteAllText(thesis, """
            name: one signal
            signals:
              - id: spx_drawdown
                title: SPX drawdown
                kind: drawdown
                weight: 1
                params: { instrument: SPX }
                supports: { value: ">= -10%" }
            """);
        var board = CliRun.Invoke(Store, "board", "--thesis", thesis, "--as-of", "2025-12-15", "--json");
        Assert.Equal(2, board.ExitCode);
        Assert.Contains(listing, board.Stderr);
        Assert.Equal("", board.Stdout);
        File.WriteAllText(thesis, File.ReadAllText(thesis).Replace("instrument: SPX", "instrument: crypto:spx"));
        Assert.Equal(0, CliRun.Invoke(Store, "board", "--thesis", thesis, "--as-of", "2025-12-15", "--json").ExitCode);

        var claims = Path.Combine(_dir, "claims.yaml");
        File.WriteAllText(claims, """
            name: one claim
            source: a test
            date: 2025-12-15
            claims:
              - id: spx_breakout
                text: SPX broke out
                kind: breakout
                params: { instrument: SPX, lookback_years: 3 }
                claimed: [breakout]
            """);
        var check = CliRun.Invoke(Store, "check", claims);
        Assert.Equal(2, check.ExitCode);
        Assert.Contains(listing, check.Stderr);
    }

    [Fact]
    public void A_crypto_file_for_the_stored_index_exits_1_naming_both_classes_and_the_store_file_is_unchanged()
    {
        Assert.Equal(0, CliRun.Invoke(Store, "import", RealData.File("markets", "rut_daily.csv"), "--json").ExitCode);
        var token = Folder("rut", ("crypto/daily/RUT.csv", ["crypto", "daily", "SPX.csv"]));
        var bytes = File.ReadAllBytes(Store);
        var r = CliRun.Invoke(Store, "import", token, "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("RUT is stored as INDEX:RUT (equity index, us-equity calendar); this file makes it crypto "
                        + "(every-day calendar)", r.Stderr);
        Assert.Equal(bytes, File.ReadAllBytes(Store));

        var beside = CliRun.Invoke(Store, "import", token, "--new-instrument", "--json");
        Assert.Equal(0, beside.ExitCode);
        Assert.Equal(2, CliRun.Invoke(Store, "drawdown", "RUT").ExitCode);
        Assert.Equal(0, CliRun.Invoke(Store, "drawdown", "INDEX:RUT", "--as-of", "2022-06-16").ExitCode);
    }
}
