using Bellwether.Core.Claims;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.AltSeason;

/// <summary>
/// "The altcoin season index stands at 33": the <see cref="AltSeasonMeasurement"/> on the claim date for every
/// published variant: K = 50 (blockchaincenter.net) and 100 (CoinMarketCap) coins, over N = 30, 90 and 365 days.
/// Value: the index (0–100 points); state: its season (<c>altcoin_season</c>, <c>neutral</c>, <c>bitcoin_season</c>).
/// A reading of status partial or stale ranking counts, with its status in the note.
/// </summary>
public sealed class AltSeasonClaim : IClaimKind
{
    private readonly AltSeasonMeasurement _measurement = new();

    public string Name => _measurement.Name;

    public IReadOnlyList<string> Aliases => _measurement.Aliases;

    public string Description => "Altcoin Season Index on the claim date: top 50 and 100, over 30, 90 and 365 days";

    /// <summary>The measurement's parameters; a claim reads both K and three N unless it names some.</summary>
    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
    [
        AltSeasonMeasurement.Top with { Default = "50, 100" },
        AltSeasonMeasurement.WindowDays with { Default = "30, 90, 365" },
        .. new AltSeasonMeasurement().Parameters.Skip(2),
    ];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private List<AltSeasonOf> Options(ClaimDefinition c)
    {
        var (tops, windows) = (c.Integers(Parameters[0], 1), c.Integers(Parameters[1], 1));
        return [.. tops.SelectMany(k => windows.Select(n => AltSeasonMeasurement.Parse(c, n, k)))];
    }

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var readings = new List<ClaimReading>();
        var benchmark = AltcoinUniverseOptions.Default.Benchmark;
        foreach (var o in Options(claim))
        {
            var (k, n) = (o.Index.TopCount, o.Index.WindowDays);
            string label = $"top {k}, {n} days";
            string definition = $"Share (×100) of the top {k} eligible altcoins in the ranking in force on " +
                                $"{Day(data.ClaimDate)} whose {n}-day return beat Bitcoin's (stablecoins and wrapped " +
                                "tokens left out; a coin without both closes is skipped and the next one counted)";
            var from = data.ClaimDate.AddDays(-n);
            var measured = _measurement.Measure(o, data.AsOfClaim, data.ClaimDate);
            if (measured.Result is not { } result)
            {
                readings.Add(ClaimReading.NotMeasurable(label, definition, "points", measured.Why!,
                    data.Provenance([benchmark], from, data.ClaimDate)));
                continue;
            }
            var r = result.Coins();
            // Provenance: the benchmark and every counted coin, with the sources of their rows in the window.
            var coins = data.AsOfClaim.ClosesOfClass(AssetClass.Crypto)
                .ToDictionary(c => c.Instrument.Id, StringComparer.OrdinalIgnoreCase);
            var counted = new[] { benchmark }.Concat(r.Eligible.Select(c => c.Series))
                .Select(coins.GetValueOrDefault).OfType<DailySeries>().ToList();
            var provenance = data.Provenance(counted, from, data.ClaimDate);
            provenance = provenance with
            {
                Instruments = [.. provenance.Instruments, $"ranking {result.Ranking.List}"],
            };
            var p = o.Index;
            readings.Add(new ClaimReading(label, definition, true, r.Index, "points", Snake(r.Season),
                $"altcoin_season at {p.AltcoinSeasonThreshold:0} or above, bitcoin_season at " +
                $"{p.BitcoinSeasonThreshold:0} or below",
                $"{r.Outperformers.Count} of {r.EligibleCount} beat Bitcoin's {Percent(r.BenchmarkReturn)}" +
                $"; ranking {result.Ranking.List} of {Day(result.Ranking.Date)} " +
                $"({data.ClaimDate.DayNumber - result.Ranking.Date.DayNumber} days old)" +
                (r.ShortOfTop ? $"; only {r.EligibleCount} coins eligible" : "") +
                (r.Status == IndexStatus.Ok ? "" : $"; status {Snake(r.Status)}") +
                $"; {r.Skipped.Count} ranked coins skipped",
                provenance,
                Figures(("eligible", r.EligibleCount), ("outperformers", r.Outperformers.Count),
                    ("bitcoin_return", r.BenchmarkReturn), ("skipped", r.Skipped.Count)),
                Dates(("ranking_date", result.Ranking.Date))));
        }
        return readings;
    }
}
