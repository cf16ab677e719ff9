using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// What a person sees after a mistake: the closest commands, options or ids and where to look, with exit code 2 for
/// a usage error (found before any work) and 1 for a runtime one. A small store made here: runs on any clone.
/// </summary>
public sealed class UsageMessagesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-cli-usage-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);
    private string Store => Path.Combine(_dir, "store.duckdb");

    /// <summary>A store holding RUT (an index), ETH and ETHW (exported bars), 300 weekdays each.</summary>
    private string Filled()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "markets")).FullName;
        var days = Enumerable.Range(0, 420).Select(i => new DateOnly(2024, 1, 1).AddDays(i))
            .Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday).ToList();
        foreach (var (name, drift) in new[] { ("rut", 1.0), ("eth", 2.0), ("ethw", 3.0) })
            File.WriteAllText(Path.Combine(folder, $"{name}_daily.csv"), "date,open,high,low,close,volume,source\n" + string.Concat(
                days.Select((d, i) => $"{d:yyyy-MM-dd},{100 + i * drift % 7},{110 + i * drift % 7},{90 + i * drift % 7},{100 + (i * drift % 11) - 3},10,test\n")));
        Assert.Equal(0, CliRun.Invoke(Store, "import", folder).ExitCode);
        return Store;
    }

    [Theory]
    [InlineData("borad", "'borad': did you mean 'board'?", "Try 'bellwether --help'.")]
    [InlineData("corr-matrx", "'corr-matrx': did you mean 'corr-matrix'?", "Try 'bellwether --help'.")]
    [InlineData("data stats", "'stats': did you mean 'status'?", "Try 'bellwether data --help'.")]
    [InlineData("board --asof 2025-01-01", "'--asof': did you mean '--as-of'?", "Try 'bellwether board --help'.")]
    [InlineData("report --jsno", "'--jsno': did you mean '--json'?", "Try 'bellwether report --help'.")]
    public void A_mistyped_command_or_option_gets_the_closest_names_and_the_help_to_read(string line, string suggestion, string helpLine)
    {
        var r = CliRun.Invoke(Store, line.Split(' '));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(suggestion, r.Stderr);
        Assert.EndsWith(helpLine, r.Stderr.TrimEnd());
        Assert.Equal("", r.Stdout);
        Assert.False(File.Exists(Store), "a usage error does no work");
    }

    [Fact]
    public void A_mistyped_option_is_offered_only_the_closest_matches()
    {
        var r = CliRun.Invoke(Store, "board", "--asof", "2025-01-01");
        Assert.DoesNotContain("--json", r.Stderr); // two edits away where --as-of is one
    }

    [Fact]
    public void A_word_close_to_nothing_gets_no_suggestion()
    {
        var r = CliRun.Invoke(Store, "xyzzyplugh");
        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain("did you mean", r.Stderr);
    }

    [Fact]
    public void An_unknown_id_names_the_closest_stored_ids_and_data_status()
    {
        var r = CliRun.Invoke(Filled(), "corr", "RUT", "ETHH");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no instrument 'ETHH' in the store; closest stored ids: ETH, ETHW", r.Stderr);
        Assert.Contains("'bellwether data status'", r.Stderr);
        var show = CliRun.Invoke(Store, "data", "show", "RTU");
        Assert.Contains("closest stored ids: RUT", show.Stderr);
        var none = CliRun.Invoke(Store, "drawdown", "QQQQQQQ");
        Assert.Contains("no instrument 'QQQQQQQ' in the store (every id: 'bellwether data status')", none.Stderr);
    }

    [Fact]
    public void Data_status_filters_by_class_and_id_pattern()
    {
        string Ids(params string[] args) => string.Join(",", CliRun.Invoke(Filled(), ["data", "status", "--json", .. args]).Json
            .GetProperty("instruments").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("RUT,ETH,ETHW", Ids());
        Assert.Equal("RUT", Ids("--class", "index"));
        Assert.Equal("ETH,ETHW", Ids("--class", "ETF"));
        Assert.Equal("ETH,ETHW", Ids("--id", "et*"));
        Assert.Equal("ETH", Ids("--id", "e?h"));
        Assert.Equal("RUT,ETHW", Ids("--id", "RUT,*w"));
        Assert.Equal("", Ids("--class", "crypto"));
        var text = CliRun.Invoke(Store, "data", "status", "--id", "RUT");
        Assert.Contains("1 of 3 instruments", text.Stdout);
        var bad = CliRun.Invoke(Store, "data", "status", "--class", "cryptos");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--class: unknown class 'cryptos' (classes: index, etf, crypto, macro, flows)", bad.Stderr);
    }

    [Theory]
    [InlineData("corr-matrix RUT --top 0", "--top: 0 is outside the allowed range 1 to 100,000")]
    [InlineData("corr-matrix RUT --min-overlap 1", "--min-overlap: 1 is outside the allowed range 2 to 1,000,000")]
    [InlineData("study --resamples 100000000", "--resamples: 100,000,000 is outside the allowed range 1 to 100,000")]
    [InlineData("study --horizons 30,99999", "--horizons: '99999' is not a whole number of days from 1 to 36,500")]
    [InlineData("study --horizons 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21", "--horizons: 21 horizons; at most 20")]
    [InlineData("study --every 0", "--every: 0 is outside the allowed range 1 to 365")]
    [InlineData("backtest --top 5000", "--top: 5,000 is outside the allowed range 1 to 1,000")]
    [InlineData("backtest --within 100000", "--within: 100,000 is outside the allowed range 1 to 36,500")]
    [InlineData("backtest --commission-bp 1e9", "--commission-bp: 1,000,000,000 is outside the allowed range 0 to 10,000")]
    [InlineData("altseason --window 1000000", "--window: 1,000,000 is outside the allowed range 1 to 36,500")]
    [InlineData("altseason --top 0", "--top: 0 is outside the allowed range 1 to 10,000")]
    [InlineData("breakout RUT --lookback-years 1000", "--lookback-years: 1,000 is outside the allowed range 1 to 100")]
    [InlineData("breakout RUT --confirm-closes 0", "--confirm-closes: 0 is outside the allowed range 1 to 1,000")]
    [InlineData("breakout RUT --min-held-days -1", "--min-held-days: -1 is outside the allowed range 0 to 36,500")]
    [InlineData("trendline RUT --min-touches 1", "--min-touches: 1 is outside the allowed range 2 to 1,000")]
    [InlineData("monthly-close RUT --years 0", "--years: 0 is outside the allowed range 1 to 1,000")]
    [InlineData("flows --window 0", "--window: 0 is outside the allowed range 1 to 10,000")]
    [InlineData("macro --weeks 99999", "--weeks: 99,999 is outside the allowed range 0 to 5,200")]
    [InlineData("leadlag RUT ETH --max-lag 5000", "--max-lag: 5,000 is outside the allowed range 1 to 1,000")]
    [InlineData("corr RUT ETH --breakdown-fall 0", "--breakdown-fall: 0 is outside the allowed range")]
    [InlineData("corr RUT ETH --breakdown-days 0", "--breakdown-days: 0 is outside the allowed range 1 to 36,500")]
    [InlineData("corr RUT ETH --min-count 1 --window 90", "--min-count: 1 is outside the allowed range 2 to 1,000,000")]
    [InlineData("corr RUT ETH --window 99999d", "--window: 99999d is longer than 36,500 days")]
    public void An_impossible_option_value_is_a_usage_error_before_any_work(string line, string message)
    {
        var r = CliRun.Invoke(Store, line.Split(' '));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.False(File.Exists(Store), "the store is not even opened");
    }

    [Fact]
    public void A_rolling_window_longer_than_the_data_is_a_usage_error_naming_the_rows()
    {
        var r = CliRun.Invoke(Filled(), "corr", "RUT", "ETH", "--window", "100000000");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--window 100000000 needs 100,000,000 rows in a window; RUT and ETH share 299 aligned rows", r.Stderr);
    }

    [Theory]
    [InlineData("report -o DIR", "--output: DIR is a folder; give a file name")]
    [InlineData("report -o", "Required argument missing for option: '-o'")]
    [InlineData("report --output EMPTY", "--output: the path is empty")]
    [InlineData("report -o -", "--output: '-' (standard output) is not supported; give a file name")]
    [InlineData("report -o FILE/r.html", "--output: FILE is a file, so FILE/r.html cannot be written")]
    [InlineData("report -o DIR/r.html --png-dir FILE", "--png-dir: FILE is a file; give a folder")]
    [InlineData("report -o DIR/r.html --png-dir EMPTY", "--png-dir: the path is empty")]
    [InlineData("report -o DIR/r --markdown", "")]
    [InlineData("board --store DIR", "--store: DIR is a folder; give the store file, e.g. DIR/store.duckdb")]
    [InlineData("data status --store EMPTY", "--store: the path is empty")]
    public void Output_paths_are_checked_before_any_work(string line, string message)
    {
        var file = Path.Combine(_dir, "a-file");
        File.WriteAllText(file, "x");
        Directory.CreateDirectory(Path.Combine(_dir, "r.md")); // where --markdown would write next to DIR/r
        string Fill(string s) => s.Replace("DIR", _dir).Replace("FILE", file);
        var args = Fill(line).Split(' ').Select(a => a == "EMPTY" ? "" : a).ToArray();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Cli.Run([.. args.Contains("--store") ? [] : new[] { "--store", Store }, .. args], stdout, stderr);
        Assert.Equal(2, code);
        Assert.Contains(message == "" ? $"--markdown: {Path.Combine(_dir, "r.md")} is a folder" : Fill(message), stderr.ToString());
        Assert.False(File.Exists(Store), "nothing was opened or written");
    }

    [Fact]
    public void A_nesting_bomb_is_refused_with_the_depth_limit_in_process()
    {
        // Each file keeps its documented exit code: a bad thesis is a usage error (2), a bad claims file exits 1.
        // In this process on purpose: a stack overflow would end the whole test run, not fail one test.
        var thesis = Path.Combine(_dir, "bomb.yaml");
        File.WriteAllText(thesis, "name: x\nsignals: " + new string('[', 100_000));
        var r = CliRun.Invoke(Filled(), "board", "--thesis", thesis);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{thesis}:2: lists and mappings are nested more than 32 levels deep", r.Stderr);
        var claims = Path.Combine(_dir, "claims.yaml");
        File.WriteAllText(claims, "claims:\n  - id: a\n    params: " + new string('{', 100_000));
        var check = CliRun.Invoke(Store, "check", claims);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"{claims}:3: lists and mappings are nested more than 32 levels deep", check.Stderr);
    }

    [Theory]
    [InlineData("evil\u001b[2J\u001b]0;pwned\u0007", "EVIL\\u001B[2J\\u001B]0;PWNED\\u0007")]
    [InlineData("rtl\u202Egpj", "RTL\\u202EGPJ")]
    [InlineData("zero\u200Bwidth", "ZERO\\u200BWIDTH")]
    public void An_id_with_control_characters_is_refused_and_shown_escaped(string name, string shown)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(folder, $"{name}_daily.csv"), "date,open,high,low,close,volume,source\n2025-01-02,10,11,9,10.5,100,a\n");
        var r = CliRun.Invoke(Store, "import", folder);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"instrument: '{shown}' holds control or invisible characters", r.Stderr);
        Assert.True(!File.Exists(Store) || CliRun.Invoke(Store, "data", "status", "--json").Json
            .GetProperty("instruments").GetArrayLength() == 0, "nothing was stored");
    }

    [Fact]
    public void File_and_folder_names_with_control_characters_reach_the_terminal_escaped_in_every_import_output()
    {
        const string evil = "evil\u001b[2J\u001b]0;pwned\u0007";
        const string shown = "evil\\u001B[2J\\u001B]0;pwned\\u0007";
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "in-" + evil)).FullName;
        // Stooq's bulk layout names the instrument in its rows, so a file of this name loads; its second row's close
        // lies outside the day's range (a skipped row, listed with the file's name).
        File.WriteAllText(Path.Combine(folder, evil + ".txt"), "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n" +
            "SPY.US,D,20250102,000000,10,11,9,10.5,100,0\nSPY.US,D,20250103,000000,10,11,9,99,100,0\n");
        File.WriteAllText(Path.Combine(folder, evil + ".csv"), "when,what\n2025-01-02,bought\n");

        var failed = CliRun.Invoke(Store, "import", folder);
        var loaded = CliRun.Invoke(Store, "import", folder, "--skip-bad", "--verbose");

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(0, loaded.ExitCode);
        foreach (var text in new[] { failed.Stdout, failed.Stderr, loaded.Stdout, loaded.Stderr })
            Assert.DoesNotContain(text, c => Bellwether.Core.Text.Printable.IsUnsafe(c) && c is not '\n' and not '\r');
        Assert.Contains($"{shown}.csv: format: not a format Bellwether knows", failed.Stderr);
        Assert.Contains($"{shown}.txt:3: field 'close': close 99 lies outside", failed.Stderr);
        // The terminal layout wraps long paths: compared without white space.
        string Joined(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var path = Path.Combine(_dir, "in-" + shown, shown);
        Assert.Contains(Joined($"not loaded: {path}.csv: not a format Bellwether knows"), Joined(loaded.Stdout));
        Assert.Contains(Joined($"{path}.txt: 1 row(s) skipped"), Joined(loaded.Stdout));
    }

    [Fact]
    public void An_as_of_date_past_the_stored_data_is_said_in_words_and_in_the_board_json()
    {
        var store = Filled();
        var corr = CliRun.Invoke(store, "corr", "RUT", "ETH", "--as-of", "2030-01-01");
        var board = CliRun.Invoke(store, "board", "--as-of", "2030-01-01", "--json");
        var within = CliRun.Invoke(store, "board", "--as-of", "2024-06-28", "--json");

        // The store's last day: the 300th weekday from 2024-01-01.
        const string said = "2030-01-01 is after the last stored date (2025-02-21, ";
        Assert.Equal(0, corr.ExitCode);
        Assert.Contains("note: " + said, corr.Stderr);
        Assert.Contains(said, board.Json.GetProperty("as_of_past_data").GetString());
        Assert.False(within.Json.TryGetProperty("as_of_past_data", out _));
        Assert.DoesNotContain("after the last stored date", within.Stderr);
    }
}
