using System.Text.Json;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Correlation;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;
using Bellwether.Core.Statistics.Rolling;
using Bellwether.Core.Statistics.SpreadZScore;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.Correlation;

/// <summary>RUT against ETH and BTC since 2024-01-01, every alignment and return choice, against pandas/scipy (corr_reference.py).</summary>
public class CorrelationsRealDataTests
{
    private static readonly (string Name, Frequency Value)[] Frequencies = [("daily", Frequency.Daily), ("weekly", Frequency.Weekly), ("monthly", Frequency.Monthly)];
    private static readonly (string Name, ReturnKind Value)[] Kinds = [("log-returns", ReturnKind.LogReturns), ("returns", ReturnKind.SimpleReturns), ("levels", ReturnKind.Levels)];

    [Theory]
    [InlineData("ETH")]
    [InlineData("BTC")]
    public void Every_alignment_and_return_choice_matches_scipy(string coin)
    {
        var rut = RealPairs.Load("RUT");
        var other = RealPairs.Load(coin);
        var cases = (from f in Frequencies from k in Kinds select (f, k)).ToList();
        var spec = JsonSerializer.Serialize(cases.Select(c => new Dictionary<string, object?>
        {
            ["a"] = RealPairs.Files["RUT"], ["b"] = RealPairs.Files[coin], ["since"] = RealPairs.Since, ["until"] = null,
            ["freq"] = c.f.Name, ["on"] = c.k.Name, ["window"] = null,
        }));
        var expected = RealPairs.RunReference("corr_reference.py", spec).EnumerateArray().ToList();
        for (int i = 0; i < cases.Count; i++)
        {
            var (f, k) = cases[i];
            var rows = ReturnAlignment.Align(rut, other, new AlignmentOptions(DateOnly.Parse(RealPairs.Since), null, f.Value, k.Value));
            var actual = Correlations.Compute(rows.Columns[0], rows.Columns[1]);
            var e = expected[i];
            string what = $"RUT/{coin} {f.Name} {k.Name}";
            Assert.Equal(e.GetProperty("n").GetInt32(), actual.N);
            Assert.Equal(e.GetProperty("from").GetString(), $"{rows.Start:yyyy-MM-dd}");
            Assert.Equal(e.GetProperty("to").GetString(), $"{rows.Dates[^1]:yyyy-MM-dd}");
            Agreement.Close(e.Number("pearson"), actual.Pearson, Agreement.Coefficient, what + " pearson");
            Agreement.Close(e.Number("spearman"), actual.Spearman, Agreement.Coefficient, what + " spearman");
            Agreement.Close(e.Number("kendall"), actual.Kendall, Agreement.Coefficient, what + " kendall");
            Agreement.Close(e.Number("ci95_low"), actual.Ci95Low, Agreement.Coefficient, what + " ci95_low");
            Agreement.Close(e.Number("ci95_high"), actual.Ci95High, Agreement.Coefficient, what + " ci95_high");
            Agreement.Close(e.Number("p_value"), actual.PValue, Agreement.TestStatistic, what + " p_value");
            Agreement.Close(e.Number("spearman_p_value"), actual.SpearmanPValue, Agreement.TestStatistic, what + " spearman_p_value");
            Agreement.Close(e.Number("kendall_p_value"), actual.KendallPValue, Agreement.TestStatistic, what + " kendall_p_value");
            Assert.Equal(k.Value == ReturnKind.Levels, rows.NonStationary);
        }
    }

    [Theory]
    [InlineData("ETH", "90")]
    [InlineData("BTC", "90")]
    [InlineData("ETH", "90d")]
    [InlineData("BTC", "90d")]
    public void Rolling_90_day_correlation_and_spread_z_match_pandas(string coin, string window)
    {
        var rows = ReturnAlignment.Align(RealPairs.Load("RUT"), RealPairs.Load(coin), new AlignmentOptions(DateOnly.Parse(RealPairs.Since)));
        var w = RollingWindow.Parse(window);
        var pearson = new double[rows.Count];
        RollingStatistics.Pearson(rows.Columns[0], rows.Columns[1], w, pearson, rows.Dates);
        var spread = ReturnSpread.ZScores(rows.Dates, rows.Columns[0], rows.Columns[1], w);

        var spec = JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, object?>
            {
                ["a"] = RealPairs.Files["RUT"], ["b"] = RealPairs.Files[coin], ["since"] = RealPairs.Since, ["until"] = null,
                ["freq"] = "daily", ["on"] = "log-returns", ["window"] = window.EndsWith('d') ? window : int.Parse(window),
            },
        });
        var e = RealPairs.RunReference("corr_reference.py", spec)[0];
        var expected = e.GetProperty("rolling").EnumerateArray().ToList();
        var expectedZ = e.GetProperty("spread_z").EnumerateArray().ToList();
        Assert.Equal(expected.Count, rows.Count);
        Assert.Contains(pearson, double.IsFinite);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].GetProperty("date").GetString(), $"{rows.Dates[i]:yyyy-MM-dd}");
            Agreement.Close(expected[i].Number("pearson"), pearson[i], Agreement.Coefficient, $"rolling {window} r on {rows.Dates[i]}");
            Agreement.Close(expectedZ[i].Number("z"), spread[i].ZScore, Agreement.Coefficient, $"spread z {window} on {rows.Dates[i]}");
        }
    }
}
