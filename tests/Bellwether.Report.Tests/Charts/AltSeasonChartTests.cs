using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Measurements.AltSeason;
using Xunit;

namespace Bellwether.Report.Tests.Charts;

/// <summary>Published readings on the index chart, from hand-made points and readings.</summary>
public sealed class AltSeasonChartTests
{
    [Fact]
    public void Published_readings_sit_beside_the_index_with_their_error_bias_and_largest_gap()
    {
        var from = new DateOnly(2025, 12, 1);
        var points = Enumerable.Range(0, 10).Select(i => new AltcoinSeasonPoint(from.AddDays(i), 10 + i, 95, 10, IndexStatus.Ok, i)).ToArray();
        PublishedReading Reading(int day, double value) => new(from.AddDays(day), value, "CoinMarketCap", "top 100, 90 days", null, null);
        // Computed 12 and 16 against 15 and 16: differences −3 and 0.
        var comparison = PublishedComparison.Of([Reading(2, 15), Reading(6, 16)], new AltcoinSeasonParameters(90, 100),
            d => points[d.DayNumber - from.DayNumber]);

        var figure = Figure.Of(AltSeasonChart.Draw([("top 100, 90 days", points)], [comparison]));

        var traces = figure.Traces.Cast<Dictionary<string, object?>>().ToList();
        var markers = Assert.Single(traces, t => (string?)t["mode"] == "markers");
        Assert.Equal("published: CoinMarketCap: top 100, 90 days", markers["name"]);
        Assert.Equal([15.0, 16.0], (double[])markers["y"]!);
        Assert.Equal(["computed 12 (−3)", "computed 16 (0)"], (string[])markers["text"]!);
        Assert.Contains(figure.Annotations, a => a.ToString()!.Contains("MAE 1.5, bias −1.5, largest gap −3 on 2025-12-03 (n = 2)"));
        Assert.DoesNotContain("NaN", figure.ToJson());
    }

    [Fact]
    public void Season_thresholds_are_legend_entries_across_the_history_not_labels_on_its_values()
    {
        var from = new DateOnly(2025, 12, 1);
        var points = Enumerable.Range(0, 10)
            .Select(i => new AltcoinSeasonPoint(from.AddDays(i), 80, 95, 10, IndexStatus.Ok, i)).ToArray();

        var figure = Figure.Of(AltSeasonChart.Draw([("top 50, 90 days", points)]));

        var traces = figure.Traces.Cast<Dictionary<string, object?>>().ToDictionary(t => (string)t["name"]!);
        Assert.Equal([75.0, 75.0], (double[])traces["Altcoin Season ≥ 75"]["y"]!);
        Assert.Equal([25.0, 25.0], (double[])traces["Bitcoin Season ≤ 25"]["y"]!);
        Assert.Equal(["2025-12-01", "2025-12-10"], ((DateOnly[])traces["Bitcoin Season ≤ 25"]["x"]!)
            .Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(figure.Annotations);
    }
}
