using System.Globalization;
using Bellwether.Core.Claims;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.FedPath;

/// <summary>
/// "The Fed is cutting rates": the <see cref="FedPathMeasurement"/> on the claim date, its known moves counted over
/// the trailing 3, 6 and 12 months (<c>windows_months</c>). Value: the number of cuts; state: the policy regime
/// (<c>easing</c>, <c>tightening</c>, <c>on_hold</c>).
/// </summary>
public sealed class FedPathClaim : IClaimKind
{
    private static readonly MeasurementParameter WindowsMonths = new("windows_months", "3, 6, 12",
        "count the moves dated in this many months before the claim date");

    private readonly FedPathMeasurement _measurement = new();

    public string Name => _measurement.Name;

    public IReadOnlyList<string> Aliases => _measurement.Aliases;

    public string Description => "Confirmed fed funds cuts in the trailing 3/6/12 months as of the claim date";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [.. new FedPathMeasurement().Parameters, WindowsMonths];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private (FedPathOf Path, int[] Months) Options(ClaimDefinition c) =>
        (_measurement.Parse(c), c.Integers(WindowsMonths, 1));

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var (o, months) = Options(claim);
        var (id, rules) = (o.Series, o.Path);
        var measured = _measurement.Measure(o, data.AsOfClaim, data.ClaimDate);
        var readings = new List<ClaimReading>();
        foreach (int m in months)
        {
            var from = data.ClaimDate.AddMonths(-m);
            string label = $"cuts in the last {m} months";
            string definition = $"Cuts of the effective rate {id} dated after {Day(from)} and confirmed by " +
                                $"{Day(data.ClaimDate)} (a step of at least {Pp(rules.Threshold)} pp from the median " +
                                "of " +
                                $"the {rules.BaselineObservations} observations before, held for " +
                                $"{rules.ConfirmObservations} observations)";
            if (measured.Result is not { } result)
            {
                readings.Add(ClaimReading.NotMeasurable(label, definition, "count", measured.Why!,
                    data.Provenance([id])));
                continue;
            }
            var path = result.Path;
            var inWindow = result.Known.Where(c => c.Date > from).ToList();
            var cuts = inWindow.Where(c => c.IsCut).ToList();
            var lastCut = cuts.LastOrDefault();
            readings.Add(new ClaimReading(label, definition, true, cuts.Count, "count", Snake(path.Regime),
                "regime: easing when the latest move of the trailing 6 months was a cut, tightening when a hike, " +
                "on_hold without one",
                $"rate {Number(path.Rate)}% on {Day(path.RateDate)}; {cuts.Count} cut(s), " +
                $"{inWindow.Count - cuts.Count} hike(s) in the window, net {Number(inWindow.Sum(c => c.Size))} pp" +
                (path.Pending is { } p ? $"; a move since {Day(p.Date)} awaits confirmation" : ""),
                data.Provenance([data.AsOfClaim.Series(id)!], from.AddDays(1), path.RateDate),
                Figures(("rate", path.Rate), ("hikes", inWindow.Count - cuts.Count),
                    ("net_change_pp", inWindow.Sum(c => c.Size))),
                Dates(("rate_date", path.RateDate), ("last_cut", lastCut?.Date))));
        }
        return readings;
    }

    private static string Pp(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
