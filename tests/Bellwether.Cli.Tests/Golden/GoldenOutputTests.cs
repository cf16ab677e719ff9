using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Golden;

/// <summary>
/// The board, claim check and report JSON on the real data equal the outputs checked in under <c>tests/golden</c>,
/// field by field. A change of any figure is deliberate: regenerate with <c>tests/golden/regenerate</c> and add a line
/// to <c>tests/golden/README.md</c> saying what changed and why.
/// </summary>
public sealed class GoldenOutputTests : IDisposable
{
    private const string RegenerateVariable = "BELLWETHER_GOLDEN";
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-golden-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Folder => Path.Combine(Reference.RepoRoot, "tests", "golden");
    private static string Thesis(string name) => Path.Combine(Reference.RepoRoot, "theses", name + ".yaml");
    private const string Article = "article-2025-12-15";

    /// <summary>Both shipped theses, as of the article's date and as of the latest stored date.</summary>
    public static TheoryData<string, string?> Cases() => new()
    {
        { "russell-breakout-altseason", "2025-12-15" },
        { "russell-breakout-altseason", null },
        { "sp500-breakout-bitcoin", "2025-12-15" },
        { "sp500-breakout-bitcoin", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_board_is_unchanged(string thesis, string? asOf)
    {
        var r = CliRun.OnRealData(["board", "--thesis", Thesis(thesis), .. AsOf(asOf), "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Compare($"board-{thesis}-{asOf ?? "latest"}.json", JsonNode.Parse(r.Stdout)!);
    }

    [Fact]
    public void The_claim_check_is_unchanged()
    {
        var r = CliRun.OnRealData("check", Path.Combine(Reference.RepoRoot, "claims", Article + ".yaml"), "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Compare($"check-{Article}.json", JsonNode.Parse(r.Stdout)!);
    }

    /// <summary>The report's JSON, and a digest of every chart drawn in its HTML.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void The_report_is_unchanged(string thesis, string? asOf)
    {
        var html = Path.Combine(_dir, "report.html");
        var r = CliRun.OnRealData(["report", "--thesis", Thesis(thesis), .. AsOf(asOf), "-o", html, "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = JsonNode.Parse(r.Stdout)!.AsObject();
        json["chart_digests"] = ChartDigests(File.ReadAllText(html));
        Compare($"report-{thesis}-{asOf ?? "latest"}.json", json);
    }

    private static string[] AsOf(string? date) => date is null ? [] : ["--as-of", date];

    /// <summary>Fields that name where the command ran, not what it measured.</summary>
    private static readonly HashSet<string> Ignored = ["$.file", "$.thesis.file", "$.html", "$.markdown", "$.png_dir"];

    private static void Compare(string name, JsonNode built)
    {
        var actual = JsonNode.Parse(built.ToJsonString())!; // as written: in-memory numbers keep their CLR types
        foreach (var path in Ignored) Remove(actual, path);
        var file = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "regenerate")
        {
            File.WriteAllText(file, actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            return;
        }
        Assert.True(File.Exists(file), $"{file} is missing: run tests/golden/regenerate");
        var differences = new List<string>();
        Diff("$", JsonNode.Parse(File.ReadAllText(file)), actual, differences);
        Assert.True(differences.Count == 0,
            $"{name}: {differences.Count} field(s) differ from the checked-in output (first 40 below). " +
            $"If the change is intended, run tests/golden/regenerate and add a line to tests/golden/README.md.\n" +
            string.Join("\n", differences.Take(40)));
    }

    private static void Remove(JsonNode root, string path)
    {
        var parts = path.Split('.')[1..];
        JsonNode? node = root;
        for (int k = 0; k < parts.Length - 1 && node is not null; k++) node = node is JsonObject o ? o[parts[k]] : null;
        if (node is JsonObject parent) parent.Remove(parts[^1]);
    }

    /// <summary>
    /// Every difference between <paramref name="expected"/> and <paramref name="actual"/>, by JSON path. Numbers agree
    /// to 1e-9 relative (a regrouped sum may move the last bits); strings, booleans, nulls and shapes exactly.
    /// </summary>
    internal static void Diff(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                    if (a.ContainsKey(key)) Diff($"{path}.{key}", value, a[key], differences);
                    else differences.Add($"{path}.{key}: missing (was {Short(value)})");
                foreach (var (key, value) in a)
                    if (!e.ContainsKey(key)) differences.Add($"{path}.{key}: new field ({Short(value)})");
                return;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count) differences.Add($"{path}: {a.Count} items, was {e.Count}");
                for (int k = 0; k < Math.Min(e.Count, a.Count); k++) Diff($"{path}[{k}]", e[k], a[k], differences);
                return;
            case (JsonValue e, JsonValue a)
                when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number:
                double x = e.GetValue<double>(), y = a.GetValue<double>();
                if (Math.Abs(x - y) > 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))))
                    differences.Add($"{path}: {y} (was {x})");
                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    differences.Add($"{path}: {Short(actual)} (was {Short(expected)})");
                return;
        }
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 120 ? text[..117] + "..." : text;
    }

    /// <summary>
    /// Each chart of the page reduced to what a reader sees: its traces' names, types and lengths, first and last x,
    /// and the count, sum, minimum and maximum of their finite y values; its shapes and annotation texts.
    /// </summary>
    private static JsonArray ChartDigests(string html)
    {
        var digests = new JsonArray();
        foreach (Match m in Regex.Matches(html, "^  \"(?<id>[^\"]+)\": (?<figure>\\{.*\\}),$", RegexOptions.Multiline))
        {
            var figure = JsonNode.Parse(m.Groups["figure"].Value)!;
            var traces = new JsonArray();
            foreach (var trace in figure["data"]!.AsArray())
            {
                var x = trace!["x"]?.AsArray();
                var y = (trace["y"]?.AsArray() ?? [])
                    .Select(v => v?.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : double.NaN)
                    .Where(double.IsFinite).ToList();
                traces.Add(new JsonObject
                {
                    ["name"] = trace["name"]?.DeepClone(), ["type"] = trace["type"]?.DeepClone(), ["points"] = x?.Count,
                    ["first_x"] = x?.FirstOrDefault()?.DeepClone(), ["last_x"] = x?.LastOrDefault()?.DeepClone(),
                    ["finite_y"] = y.Count, ["y_sum"] = y.Sum(),
                    ["y_min"] = y.Count > 0 ? y.Min() : null, ["y_max"] = y.Count > 0 ? y.Max() : null,
                });
            }
            var layout = figure["layout"]!;
            digests.Add(new JsonObject
            {
                ["id"] = m.Groups["id"].Value, ["title"] = layout["title"]?.DeepClone(), ["traces"] = traces,
                ["shapes"] = layout["shapes"]?.AsArray().Count ?? 0,
                ["annotations"] = new JsonArray((layout["annotations"]?.AsArray() ?? [])
                    .Select(a => a?["text"]?.DeepClone()).ToArray()),
            });
        }
        return digests;
    }
}
