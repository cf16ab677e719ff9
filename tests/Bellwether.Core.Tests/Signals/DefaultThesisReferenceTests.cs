using System.Text.Json;
using Bellwether.Core.Board;
using Bellwether.TestSupport;
using Xunit;
using static Bellwether.Core.Tests.Signals.BoardData;

namespace Bellwether.Core.Tests.Signals;

/// <summary>
/// The default thesis's signals against <c>tests/reference/board.py</c>: headline value, label and the day the label's
/// run began, from the raw files, for dates across regimes (month ends, so month-end logic reads the same either way,
/// and the article's date).
/// </summary>
public class DefaultThesisReferenceTests
{
    private static readonly string[] Days = ["2019-08-30", "2020-11-30", "2021-05-28", "2023-03-31", "2024-11-29", "2025-06-30", "2025-12-15"];

    private static readonly Lazy<JsonElement> Expected = new(() =>
        JsonDocument.Parse(Reference.Run("board.py", RealData.Folder, string.Join(',', Days))).RootElement);

    public static TheoryData<string> Dates() => new(Days);

    [Theory]
    [MemberData(nameof(Dates))]
    public void Signals_match_the_pandas_reference(string date)
    {
        var d = DateOnly.Parse(date);
        var board = ThesisBoard.Evaluate(DefaultThesis, Market, d, Kinds);
        var expected = Expected.Value.GetProperty(date);
        int compared = 0;
        foreach (var s in board.Signals)
        {
            if (!expected.TryGetProperty(s.Id, out var e))
            {
                // The reference leaves out what has no data yet (ETF flows before 2024) and what has no source.
                Assert.Equal(SignalState.NotMeasurable, s.State);
                continue;
            }
            compared++;
            if (e.TryGetProperty("not_measurable", out var status))
            {
                // An index reading of status partial or stale_ranking is shown in words, not counted.
                Assert.Equal(SignalState.NotMeasurable, s.State);
                Assert.EndsWith(status.GetString()!.Replace('_', ' '), s.Explanation);
                continue;
            }
            var value = e.GetProperty("value");
            if (value.ValueKind == JsonValueKind.Null) Assert.True(double.IsNaN(s.Value), s.Id);
            else Assert.True(Close(value.GetDouble(), s.Value), $"{s.Id}: {value.GetDouble()} vs {s.Value}");
            if (e.TryGetProperty("label", out var label)) Assert.Equal(label.GetString(), s.Label);
            Assert.Equal(e.GetProperty("since").GetString(), s.Since?.ToString("yyyy-MM-dd"));
            foreach (var field in new[] { "episode_days", "change_30d", "d30_k50", "d90_k50", "d365_k50", "d30_k100", "d90_k100", "d365_k100",
                                          "ci95_low", "ci95_high", "n", "current", "previous" })
                if (e.TryGetProperty(field, out var f))
                    Assert.True(f.ValueKind == JsonValueKind.Null ? double.IsNaN(s.Fields[field]) : Close(f.GetDouble(), s.Fields[field]), $"{s.Id}.{field}");
        }
        Assert.True(compared >= 14, $"only {compared} signals compared");
    }

    /// <summary>Equal within 1e-9 relative (1e-9 absolute near zero): sums of flows in another order differ in the last bits.</summary>
    private static bool Close(double expected, double actual) => Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected));
}
