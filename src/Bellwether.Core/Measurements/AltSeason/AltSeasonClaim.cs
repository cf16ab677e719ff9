using Bellwether.Core.Claims;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.AltSeason;

/// <summary>
/// "The altcoin season index stands at 33": the index on the claim date (<see cref="AltcoinSeasonIndex"/>) for every
/// published variant: K = 50 (blockchaincenter.net) and 100 (CoinMarketCap) coins, over N = 30, 90 and 365 days.
/// Value: the index (0–100 points); state: its season (<c>altcoin_season</c>, <c>neutral</c>, <c>bitcoin_season</c>).
/// </summary>
public sealed class AltSeasonClaim : IClaimKind
{
    public string Name => "altseason";

    public IReadOnlyList<string> Aliases { get; } = ["altcoin_season_index"];

    public string Description => "Altcoin Season Index on the claim date: top 50 and 100, over 30, 90 and 365 days";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [AltSeasonSignal.Top with { Default = "50, 100" }, AltSeasonSignal.WindowDays with { Default = "30, 90, 365" }];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private (int[] Tops, int[] Windows) Options(ClaimDefinition c) =>
        (c.Integers(Parameters[0], 1), c.Integers(Parameters[1], 1));

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var (tops, windows) = Options(claim);
        // The index from every coin, ranking and coin list known on the claim date.
        var view = data.AsOfClaim;
        var coins = view.ClosesOfClass(AssetClass.Crypto).ToDictionary(c => c.Instrument.Id, StringComparer.OrdinalIgnoreCase);
        var rankings = view.Rankings();
        var index = coins.Count == 0 || rankings.Count == 0 ? null
            : new AltcoinSeasonIndex(coins.Values, rankings, view.Classifications());
        var readings = new List<ClaimReading>();
        foreach (int k in tops)
            foreach (int n in windows)
            {
                string label = $"top {k}, {n} days";
                string definition = $"Share (×100) of the top {k} eligible altcoins in the ranking in force on {Day(data.ClaimDate)} whose {n}-day return beat Bitcoin's " +
                                    "(stablecoins and wrapped tokens left out; a coin without both closes is skipped and the next one counted)";
                if (index is null)
                {
                    readings.Add(ClaimReading.NotMeasurable(label, definition, "points", "no coin series or market-cap rankings in the data", data.Provenance([])));
                    continue;
                }
                var parameters = new AltcoinSeasonParameters(n, k);
                var r = index.At(data.ClaimDate, parameters);
                var from = data.ClaimDate.AddDays(-n);
                if (!r.Status.IsDefined())
                {
                    readings.Add(ClaimReading.NotMeasurable(label, definition, "points", $"index undefined on {Day(data.ClaimDate)}: {Snake(r.Status)}",
                        data.Provenance([index.Options.Benchmark], from, data.ClaimDate)));
                    continue;
                }
                // Provenance: the benchmark and every counted coin, with the sources of their rows in the window.
                var counted = new[] { index.Options.Benchmark }.Concat(r.Eligible.Select(c => c.Series))
                    .Select(id => coins.GetValueOrDefault(id)?.AsOf(data.ClaimDate)).OfType<DailySeries>().ToList();
                var provenance = data.Provenance(counted, from, data.ClaimDate);
                if (r.Ranking is { } ranking) provenance = provenance with { Instruments = [.. provenance.Instruments, $"ranking {ranking.List}"] };
                readings.Add(new ClaimReading(label, definition, true, r.Index, "points", Snake(r.Season),
                    $"altcoin_season at {parameters.AltcoinSeasonThreshold:0} or above, bitcoin_season at {parameters.BitcoinSeasonThreshold:0} or below",
                    $"{r.Outperformers.Count} of {r.EligibleCount} beat Bitcoin's {Percent(r.BenchmarkReturn)}" +
                    (r.Ranking is { } k2 ? $"; ranking {k2.List} of {Day(k2.Date)} ({data.ClaimDate.DayNumber - k2.Date.DayNumber} days old)" : "") +
                    (r.ShortOfTop ? $"; only {r.EligibleCount} coins eligible" : "") +
                    (r.Status == IndexStatus.Ok ? "" : $"; status {Snake(r.Status)}") + $"; {r.Skipped.Count} ranked coins skipped",
                    provenance,
                    Figures(("eligible", r.EligibleCount), ("outperformers", r.Outperformers.Count), ("bitcoin_return", r.BenchmarkReturn), ("skipped", r.Skipped.Count)),
                    Dates(("ranking_date", r.Ranking?.Date))));
            }
        return readings;
    }
}
