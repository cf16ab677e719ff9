using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bellwether.Core.Text;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Golden;

/// <summary>
/// One face per figure: on the real data, every board value in <c>board --json</c> (<c>value_text</c>), the report's
/// HTML board and its Markdown board is what the formatting table (<see cref="ValueText"/>) writes for the JSON's raw
/// <c>value</c> and <c>unit</c>; and no figure on the page is written with an ASCII minus or a spaced percent.
/// </summary>
public sealed partial class BoardValuesGoldenTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-faces-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("russell-breakout-altseason")]
    [InlineData("sp500-breakout-bitcoin")]
    public void Board_values_read_the_same_in_json_html_and_markdown(string thesis)
    {
        string file = Path.Combine(Reference.RepoRoot, "theses", thesis + ".yaml");
        var board = CliRun.OnRealData("board", "--thesis", file, "--as-of", "2025-12-15", "--json");
        Assert.True(board.ExitCode == 0, board.Stderr);
        var html = Path.Combine(_dir, "report.html");
        var report = CliRun.OnRealData("report", "--thesis", file, "--as-of", "2025-12-15", "-o", html, "--markdown");
        Assert.True(report.ExitCode == 0, report.Stderr);

        var signals = JsonDocument.Parse(board.Stdout).RootElement.GetProperty("signals").EnumerateArray().ToList();
        var expected = signals.Select(s => s.GetProperty("value").ValueKind == JsonValueKind.Number
            ? ValueText.Of(s.GetProperty("value").GetDouble(), s.GetProperty("unit").GetString()!) : "").ToList();
        Assert.Equal(expected, signals.Select(s => s.GetProperty("value_text").GetString()));
        Assert.Contains(expected, v => v.Length > 0);

        var shown = expected.Select(v => v.Length == 0 ? ValueText.Missing : v).ToList();
        string page = File.ReadAllText(html);
        Assert.Equal(shown, HtmlBoardValues(page));
        Assert.Equal(shown, MarkdownBoardValues(File.ReadAllText(Path.ChangeExtension(html, ".md"))));

        // The page's text outside the charts' data: no ASCII minus before a digit, no space before a percent sign.
        string text = WebUtility.HtmlDecode(Regex.Replace(page[..page.IndexOf("const figures", StringComparison.Ordinal)][page.IndexOf("<body>", StringComparison.Ordinal)..], "<[^>]+>", " "));
        Assert.DoesNotMatch(AsciiMinus(), text);
        Assert.DoesNotMatch(SpacedPercent(), text);
    }

    private static List<string> HtmlBoardValues(string page)
    {
        int start = page.IndexOf("<h2 id=\"board\">", StringComparison.Ordinal);
        int end = page.IndexOf("<h2", start + 1, StringComparison.Ordinal);
        var body = page[start..end];
        body = body[body.IndexOf("<tbody>", StringComparison.Ordinal)..];
        // A cell's text without the span that keeps a number and its unit on one line.
        return Row().Matches(body)
            .Select(r => WebUtility.HtmlDecode(Regex.Replace(Cell().Matches(r.Value)[2].Groups[1].Value, "<[^>]+>", "")))
            .ToList();
    }

    private static List<string> MarkdownBoardValues(string md)
    {
        var lines = md.Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith("| signal | state | value |", StringComparison.Ordinal));
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split(" | ")[2].Trim()).ToList();
    }

    [GeneratedRegex("<tr>.*?</tr>")]
    private static partial Regex Row();

    [GeneratedRegex("<td[^>]*>(.*?)</td>")]
    private static partial Regex Cell();

    // A hyphen before a digit that is not inside a date (2025-12-15) or an id (3y, buffer-1): after a space or bracket.
    [GeneratedRegex(@"(^|[\s(])-\d")]
    private static partial Regex AsciiMinus();

    [GeneratedRegex(@"\d %")]
    private static partial Regex SpacedPercent();
}
