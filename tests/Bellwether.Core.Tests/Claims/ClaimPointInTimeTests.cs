using System.Text.Json;
using System.Text.Json.Serialization;
using Bellwether.Core.Board;
using Bellwether.Core.Claims;
using Bellwether.Core.Measurements;
using Bellwether.Data.Claims;
using Bellwether.Data.Market;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Claims;

/// <summary>
/// Readings "as of the claim date" are the same whether the data ends on the claim date or runs past it; readings that
/// need later data say so (point_in_time false).
/// </summary>
public class ClaimPointInTimeTests
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static ClaimSet Article => ClaimsFile.Parse(File.ReadAllText(Path.Combine(Reference.RepoRoot, "claims", "article-2025-12-15.yaml")), "article");

    /// <summary>The claims checked on all the data, and on the data cut at <paramref name="cut"/> (coins, rankings and rows after it invisible).</summary>
    private static (IReadOnlyList<ClaimResult> Full, IReadOnlyList<ClaimResult> Cut) CheckBoth(IReadOnlyList<ClaimDefinition> claims, DateOnly cut)
    {
        using var store = RealData.OpenStore();
        var data = new StoreMarketData(store);
        var full = ClaimChecker.Check(claims, data, Concepts.Claims);
        var truncated = ClaimChecker.Check(claims, new AsOfMarketData(data, cut), Concepts.Claims);
        return (full, truncated);
    }

    private static string Text(ClaimReading r) => JsonSerializer.Serialize(r, Json);

    [Fact]
    public void As_of_readings_of_the_article_do_not_change_when_later_data_is_removed()
    {
        var claims = Article.Claims;
        var (full, cut) = CheckBoth(claims, new DateOnly(2025, 12, 15));
        int pointInTime = 0, later = 0;
        for (int c = 0; c < claims.Count; c++)
        {
            Assert.Equal(full[c].Readings.Select(r => r.Label), cut[c].Readings.Select(r => r.Label));
            for (int k = 0; k < full[c].Readings.Count; k++)
            {
                var (a, b) = (full[c].Readings[k], cut[c].Readings[k]);
                if (a.Provenance.PointInTime)
                {
                    Assert.Equal(Text(a), Text(b));
                    pointInTime++;
                }
                else
                {
                    // The final December close needs data after the claim date: gone from the cut data.
                    Assert.True(a.Measurable, a.Label);
                    Assert.False(b.Measurable, b.Label);
                    Assert.Contains("not in the data yet", b.Note);
                    later++;
                }
            }
        }
        Assert.True(pointInTime > 40, $"{pointInTime} point-in-time readings");
        Assert.Equal(2, later);
    }

    [Fact]
    public void As_of_readings_do_not_change_when_later_data_is_removed_over_many_claim_dates()
    {
        // The article's claims moved to other dates in the autumn of 2025 (window starts stay before every date).
        for (var d = new DateOnly(2025, 9, 3); d <= new DateOnly(2025, 12, 30); d = d.AddDays(17))
        {
            var claims = Article.Claims.Select(c => c with { Date = d }).ToList();
            var (full, cut) = CheckBoth(claims, d);
            for (int c = 0; c < claims.Count; c++)
                for (int k = 0; k < full[c].Readings.Count; k++)
                    if (full[c].Readings[k].Provenance.PointInTime)
                        Assert.Equal(Text(full[c].Readings[k]), Text(cut[c].Readings[k]));
                    else
                        Assert.True(full[c].Readings[k].Provenance.DataThrough > d);
        }
    }
}
