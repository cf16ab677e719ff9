using System.Text.Json;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary><c>board --compare</c>: the flips and the readiness change, checked against two plain boards.</summary>
public sealed class BoardCompareTests
{
    private static JsonElement Board(string date)
    {
        var run = TestStores.Run("board", "--json", "--as-of", date, "--store", TestStores.ExcerptStore);
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    [Theory]
    [InlineData("2025-06-30", "2025-12-31")]
    [InlineData("2025-03-31", "2025-09-30")]
    public void Lists_the_signals_whose_state_differs_and_the_readiness_change(string before, string asOf)
    {
        var run = TestStores.Run("board", "--compare", before, "--as-of", asOf, "--json", "--store", TestStores.ExcerptStore);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        var (then, now) = (Board(before), Board(asOf));
        var thenStates = then.GetProperty("signals").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("state").GetString());
        var expected = now.GetProperty("signals").EnumerateArray()
            .Where(s => thenStates[s.GetProperty("id").GetString()!] != s.GetProperty("state").GetString())
            .Select(s => $"{s.GetProperty("id").GetString()} {thenStates[s.GetProperty("id").GetString()!]} {s.GetProperty("state").GetString()}")
            .ToList();
        var flipped = json.GetProperty("flipped").EnumerateArray()
            .Select(f => $"{f.GetProperty("id").GetString()} {f.GetProperty("from").GetString()} {f.GetProperty("to").GetString()}").ToList();
        Assert.Equal(expected, flipped);
        Assert.Equal(expected.Count > 0 ? 3 : 0, run.ExitCode);
        Assert.Equal(before, json.GetProperty("before").GetProperty("as_of").GetString());
        Assert.Equal(asOf, json.GetProperty("now").GetProperty("as_of").GetString());
        Assert.Equal(now.GetProperty("readiness").GetDouble() - then.GetProperty("readiness").GetDouble(),
            json.GetProperty("readiness_change").GetDouble(), 9);
    }

    [Fact]
    public void A_date_compared_with_itself_flips_nothing_and_exits_0()
    {
        var run = TestStores.Run("board", "--compare", "2025-12-31", "--as-of", "2025-12-31", "--store", TestStores.ExcerptStore);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 of", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("readiness", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_output_names_each_flip()
    {
        Cli.Output.WidthOverride.Value = 200; // one line per flip
        var run = TestStores.Run("board", "--compare", "2025-06-30", "--as-of", "2025-12-31", "--store", TestStores.ExcerptStore);
        var json = JsonDocument.Parse(TestStores.Run("board", "--compare", "2025-06-30", "--as-of", "2025-12-31", "--json",
            "--store", TestStores.ExcerptStore).Stdout).RootElement;
        Assert.Equal(3, run.ExitCode);
        foreach (var flip in json.GetProperty("flipped").EnumerateArray())
            Assert.Contains(flip.GetProperty("title").GetString()!, run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--compare", "2025-12-31", "--as-of", "2025-06-30")]
    [InlineData("--compare", "2025-06-30", "--history")]
    [InlineData("--compare", "June")]
    public void Impossible_comparisons_are_usage_errors(params string[] args) =>
        Assert.Equal(2, TestStores.Run(["board", .. args, "--store", TestStores.ExcerptStore]).ExitCode);
}

/// <summary><c>board --compare last</c>: the board of the last such run kept beside the store, and the page's copy.</summary>
public sealed class CompareWithLastRunTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static TestStores.CliResult CompareLast(string store, bool json = true) =>
        TestStores.Run(["board", "--compare", "last", .. json ? new[] { "--json" } : [], "--store", store]);

    [Fact]
    public void The_first_run_records_the_board_and_the_next_compares_with_it()
    {
        var store = TestStores.Import(TestSupport.Excerpt.Folder, "last-first");
        var first = CompareLast(store);
        Assert.Equal(0, first.ExitCode);
        var json = JsonDocument.Parse(first.Stdout).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("before").ValueKind);
        Assert.Equal(0, json.GetProperty("flipped").GetArrayLength());
        var file = json.GetProperty("last_run").GetProperty("file").GetString()!;
        Assert.Equal(Path.GetDirectoryName(store), Path.GetDirectoryName(file));
        // The file holds the board as `board --json` prints it.
        Assert.Equal(TestStores.Run("board", "--json", "--store", store).Stdout, File.ReadAllText(file));

        var second = CompareLast(store);
        Assert.Equal(0, second.ExitCode);
        var again = JsonDocument.Parse(second.Stdout).RootElement;
        Assert.Equal(again.GetProperty("now").GetProperty("as_of").GetString(), again.GetProperty("before").GetProperty("as_of").GetString());
        Assert.Equal(0, again.GetProperty("flipped").GetArrayLength());
        Assert.Equal(0.0, again.GetProperty("readiness_change").GetDouble());
        Assert.False(again.GetProperty("last_run").GetProperty("recorded_at").ValueKind == JsonValueKind.Null);
        Assert.Contains("0 of", CompareLast(store, json: false).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signal_whose_state_differs_from_the_last_run_is_listed_and_exits_3()
    {
        var store = TestStores.Import(TestSupport.Excerpt.Folder, "last-flip");
        var file = JsonDocument.Parse(CompareLast(store).Stdout).RootElement.GetProperty("last_run").GetProperty("file").GetString()!;
        // The last run saw the first signal in another state than it has now.
        var board = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
        var signal = board["signals"]![0]!;
        string now = signal["state"]!.GetValue<string>();
        string then = now == "against" ? "supports" : "against";
        signal["state"] = then;
        File.WriteAllText(file, board.ToJsonString());

        var run = CompareLast(store);
        Assert.Equal(3, run.ExitCode);
        var flipped = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("flipped").EnumerateArray().ToList();
        Assert.Equal(signal["id"]!.GetValue<string>(), Assert.Single(flipped).GetProperty("id").GetString());
        Assert.Equal(then, flipped[0].GetProperty("from").GetString());
        Assert.Equal(now, flipped[0].GetProperty("to").GetString());
        // That run recorded the board as it is: the next one finds nothing flipped.
        Assert.Equal(0, CompareLast(store).ExitCode);
    }

    [Fact]
    public async Task The_api_answers_what_the_next_run_prints_and_records_nothing()
    {
        var store = TestStores.Import(TestSupport.Excerpt.Folder, "last-api");
        Assert.Equal(0, CompareLast(store).ExitCode);
        var file = LastRunFile(store);
        var recorded = File.ReadAllText(file);
        using var factory = new ServerFactory(store);
        using var client = factory.CreateClient();
        var served = await client.GetStringAsync("/api/board/compare?since=last", Cancel);
        Assert.Equal(recorded, File.ReadAllText(file));
        Assert.Equal(CompareLast(store).Stdout, served);
        using var withDate = await client.GetAsync("/api/board/compare?since=last&as_of=2025-12-31", Cancel);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, withDate.StatusCode);
    }

    [Fact]
    public async Task A_damaged_record_is_an_error_naming_the_file()
    {
        var store = TestStores.Import(TestSupport.Excerpt.Folder, "last-bad");
        Assert.Equal(0, CompareLast(store).ExitCode);
        File.WriteAllText(LastRunFile(store), "{ not json");
        var run = CompareLast(store);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(LastRunFile(store), run.Stderr, StringComparison.Ordinal);
        using var factory = new ServerFactory(store);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/board/compare?since=last", Cancel);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Theory]
    [InlineData("--compare", "last", "--as-of", "2025-12-31")]
    [InlineData("--compare", "last", "--history")]
    public void Last_with_a_date_or_history_is_a_usage_error(params string[] args) =>
        Assert.Equal(2, TestStores.Run(["board", .. args, "--store", TestStores.ExcerptStore]).ExitCode);

    private static string LastRunFile(string store) =>
        Directory.GetFiles(Path.GetDirectoryName(store)!, "*.last-board.*.json").Single();
}
