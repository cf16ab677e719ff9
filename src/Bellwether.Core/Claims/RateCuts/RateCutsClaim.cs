using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.FedPolicy;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Claims.RateCuts;

/// <summary>
/// "The Fed is cutting rates": confirmed policy moves of the effective fed funds rate (<see cref="FedFundsPath"/>)
/// known on the claim date, counted over the trailing 3, 6 and 12 months. Value: the number of cuts; state: the
/// policy regime (<c>easing</c>, <c>tightening</c>, <c>on_hold</c>).
/// </summary>
public sealed class RateCutsClaim : IClaimKind
{
    public string Name => "rate_cuts";

    public string Description => "Confirmed fed funds cuts in the trailing 3/6/12 months as of the claim date";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        ClaimParameters.Named("instrument", "windows_months");

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private static (string Id, int[] Months) Options(ClaimDefinition c) => (c.Parameter("instrument", "DFF"), c.Integers("windows_months", 1, 3, 6, 12));

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var (id, months) = Options(claim);
        var rate = data.AsOfClaim.Series(id);
        var path = rate is null ? null : FedFundsPath.AsOf(rate, data.ClaimDate);
        var moves = rate is null ? [] : FedFundsPath.Changes(rate);
        var readings = new List<ClaimReading>();
        foreach (int m in months)
        {
            var from = data.ClaimDate.AddMonths(-m);
            string label = $"cuts in the last {m} months";
            string definition = $"Cuts of the effective rate {id} dated after {Day(from)} and confirmed by {Day(data.ClaimDate)} " +
                                "(a step of at least 0.15 pp from the median of the 10 observations before, held for 5 observations)";
            if (rate is null || path is null)
            {
                readings.Add(ClaimReading.NotMeasurable(label, definition, "count", rate is null ? $"no series '{id}' in the data" : $"{id} has no observation", data.Provenance([id])));
                continue;
            }
            var inWindow = moves.Where(c => c.Date > from).ToList();
            var cuts = inWindow.Where(c => c.IsCut).ToList();
            var lastCut = cuts.LastOrDefault();
            readings.Add(new ClaimReading(label, definition, true, cuts.Count, "count", Snake(path.Regime),
                "regime: easing when the latest move of the trailing 6 months was a cut, tightening when a hike, on_hold without one",
                $"rate {Number(path.Rate)}% on {Day(path.RateDate)}; {cuts.Count} cut(s), {inWindow.Count - cuts.Count} hike(s) in the window, net {Number(inWindow.Sum(c => c.Size))} pp" +
                (path.Pending is { } p ? $"; a move since {Day(p.Date)} awaits confirmation" : ""),
                data.Provenance([rate], from.AddDays(1), path.RateDate),
                Figures(("rate", path.Rate), ("hikes", inWindow.Count - cuts.Count), ("net_change_pp", inWindow.Sum(c => c.Size))),
                Dates(("rate_date", path.RateDate), ("last_cut", lastCut?.Date))));
        }
        return readings;
    }
}
