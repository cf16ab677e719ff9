using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.LeadLag;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.LeadLag;

/// <summary>Cross-correlations, VAR lag order, Granger tests both ways and betas against statsmodels (leadlag_reference.py).</summary>
public class LeadLagRealDataTests
{
    [Theory]
    [InlineData("ETH", "daily", 5)]
    [InlineData("BTC", "daily", 5)]
    [InlineData("ETH", "weekly", 4)]
    [InlineData("BTC", "weekly", 4)]
    public void Matches_statsmodels(string coin, string freq, int maxLag)
    {
        var options = new AlignmentOptions(DateOnly.Parse(RealPairs.Since), null, freq == "weekly" ? Frequency.Weekly : Frequency.Daily);
        var rows = ReturnAlignment.Align(RealPairs.Load("RUT"), RealPairs.Load(coin), options);
        var result = LeadLagAnalysis.Compute("RUT", rows.Columns[0], coin, rows.Columns[1], maxLag);
        var e = RealPairs.RunReference("leadlag_reference.py", RealPairs.Files["RUT"], RealPairs.Files[coin], RealPairs.Since, "-", freq, "log-returns", maxLag.ToString());

        Assert.Equal(e.GetProperty("n").GetInt32(), result.N);
        var cross = e.GetProperty("cross").EnumerateArray().ToList();
        Assert.Equal(cross.Count, result.CrossCorrelations.Count);
        for (int i = 0; i < cross.Count; i++)
        {
            var c = result.CrossCorrelations[i];
            Assert.Equal(cross[i].GetProperty("lag").GetInt32(), c.Lag);
            Assert.Equal(cross[i].GetProperty("n").GetInt32(), c.N);
            Agreement.Close(cross[i].Number("pearson"), c.Pearson, Agreement.Coefficient, $"cross-correlation at lag {c.Lag}");
            Agreement.Close(cross[i].Number("p_value"), c.PValue, Agreement.TestStatistic, $"cross-correlation p at lag {c.Lag}");
        }

        Assert.Equal(e.GetProperty("order").GetInt32(), result.LagSelection.Order);
        var aic = e.GetProperty("aic").EnumerateArray().Select(a => a.GetDouble()).ToArray();
        Assert.Equal(aic.Length, result.LagSelection.Aic.Length);
        for (int p = 0; p < aic.Length; p++) Agreement.Close(aic[p], result.LagSelection.Aic[p], Agreement.TestStatistic, $"AIC of VAR({p})");

        foreach (var test in result.ByLag)
        {
            var direction = test.Cause == "RUT" ? "a_to_b" : "b_to_a";
            var expected = e.GetProperty(direction).GetProperty(test.Lag.ToString());
            string what = $"Granger {test.Cause}→{test.Effect} lag {test.Lag}";
            Agreement.Close(expected.Number("f"), test.F, Agreement.TestStatistic, what + " F");
            Agreement.Close(expected.Number("p_value"), test.PValue, Agreement.TestStatistic, what + " p");
            Assert.Equal((int)expected.Number("df_num"), test.DfNum);
            Assert.Equal((int)expected.Number("df_den"), test.DfDen);
        }
        Assert.Equal(Math.Max(1, result.LagSelection.Order), result.TestedLag);
        Assert.Equal(result.TestedLag, result.AToB.Lag);
        Assert.Equal(("RUT", coin), (result.AToB.Cause, result.AToB.Effect));
        Assert.Equal((coin, "RUT"), (result.BToA.Cause, result.BToA.Effect));

        foreach (var (name, beta) in new[] { ("beta_b_on_a", result.BetaOfBOnA), ("beta_a_on_b", result.BetaOfAOnB) })
        {
            var b = e.GetProperty(name);
            Assert.Equal(b.GetProperty("n").GetInt32(), beta.N);
            Agreement.Close(b.Number("beta"), beta.Beta, Agreement.Coefficient, name);
            Agreement.Close(b.Number("alpha"), beta.Alpha, Agreement.Coefficient, name + " alpha");
            Agreement.Close(b.Number("r_squared"), beta.RSquared, Agreement.Coefficient, name + " r²");
            Agreement.Close(b.Number("beta_se"), beta.BetaStandardError, Agreement.TestStatistic, name + " se");
            Agreement.Close(b.Number("p_value"), beta.PValue, Agreement.TestStatistic, name + " p");
        }
    }

    [Fact]
    public void Granger_with_too_few_rows_is_NaN_not_an_exception()
    {
        double[] a = [0.1, -0.2, 0.3, 0.05, -0.1];
        double[] b = [0.2, 0.1, -0.3, 0.0, 0.4];
        var test = GrangerTest.Run("A", a, "B", b, 2);
        Assert.True(double.IsNaN(test.F));
        Assert.True(double.IsNaN(test.PValue));
    }

    [Fact]
    public void Lag_order_beyond_what_the_sample_can_estimate_is_refused()
    {
        var a = Enumerable.Range(0, 12).Select(i => Math.Sin(i)).ToArray();
        var b = Enumerable.Range(0, 12).Select(i => Math.Cos(i * 1.3)).ToArray();
        Assert.Equal(3, VarLagSelection.MaxEstimableLag(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => VarLagSelection.ByAic(a, b, 4));
    }
}
