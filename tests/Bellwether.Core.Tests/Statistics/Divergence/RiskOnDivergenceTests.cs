using System.Globalization;
using System.Text.Json;
using Bellwether.Core.Statistics.Divergence;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.Divergence;

public class RiskOnDivergenceTests
{
    [Fact]
    public void Active_on_shared_days_when_the_index_is_near_its_high_and_crypto_is_deep_below_its_peak()
    {
        var index = Synthetic.Series("RUT", "USD", ("2025-01-02", 100), ("2025-01-03", 97), ("2025-01-06", 90), ("2025-01-07", 99));
        var crypto = Synthetic.Daily("BTC", "USD", "2025-01-01", 100, 90, 70, 75, 80, 85, 70);
        var r = RiskOnDivergence.Compute(index, crypto, parameters: new DivergenceParameters(NearHigh: 0.05, DeepDrawdown: 0.20));
        Assert.Equal([new(2025, 1, 2), new(2025, 1, 3), new(2025, 1, 6), new(2025, 1, 7)], r.Days.Select(d => d.Date));
        Assert.Equal([false, true, false, true], r.Days.Select(d => d.Active));
        Assert.Equal([new DivergenceEpisode(new(2025, 1, 3), new(2025, 1, 3), 1, -0.3), new DivergenceEpisode(new(2025, 1, 7), new(2025, 1, 7), 1, -0.3)],
            r.Episodes.Select(e => e with { DeepestCrypto = Math.Round(e.DeepestCrypto, 12) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskOnDivergence.Compute(index, crypto, parameters: new DivergenceParameters(NearHigh: 5)));
    }

    [Fact]
    public void Rut_against_btc_matches_pandas()
    {
        using var store = TestData.OpenStore();
        var p = new DivergenceParameters(0.05, 0.20);
        var result = RiskOnDivergence.Compute(store.LoadSeries("RUT"), store.LoadSeries("BTC"), new DateOnly(2025, 12, 31), p);
        var reference = JsonDocument.Parse(Reference.Run("divergence.py", TestData.File("markets", "rut_daily.csv"), TestData.File("crypto", "daily", "BTC.csv"),
            p.NearHigh.ToString(CultureInfo.InvariantCulture), p.DeepDrawdown.ToString(CultureInfo.InvariantCulture), "2025-12-31")).RootElement;
        Assert.Equal(RelativeAssert.Dates(reference.GetProperty("dates")), result.Days.Select(d => d.Date));
        var index = RelativeAssert.Numbers(reference.GetProperty("index"));
        var crypto = RelativeAssert.Numbers(reference.GetProperty("crypto"));
        var active = reference.GetProperty("active").EnumerateArray().Select(e => e.GetBoolean()).ToArray();
        for (int i = 0; i < result.Days.Count; i++)
        {
            RelativeAssert.Equal(index[i], result.Days[i].IndexDrawdown, $"RUT {result.Days[i].Date}");
            RelativeAssert.Equal(crypto[i], result.Days[i].CryptoDrawdown, $"BTC {result.Days[i].Date}");
            Assert.Equal(active[i], result.Days[i].Active);
        }
        var episodes = reference.GetProperty("episodes").EnumerateArray().ToList();
        Assert.Equal(episodes.Count, result.Episodes.Count);
        for (int i = 0; i < episodes.Count; i++)
        {
            Assert.Equal(RelativeAssert.Date(episodes[i].GetProperty("start")), result.Episodes[i].Start);
            Assert.Equal(RelativeAssert.Date(episodes[i].GetProperty("end")), result.Episodes[i].End);
            Assert.Equal(episodes[i].GetProperty("days").GetInt32(), result.Episodes[i].Days);
            RelativeAssert.Equal(episodes[i].GetProperty("deepest").GetDouble(), result.Episodes[i].DeepestCrypto, "deepest");
        }
    }
}
