using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.FedPolicy;

namespace Bellwether.Core.Measurements.FedPath;

/// <summary>
/// The <see cref="FedPathMeasurement"/> as a signal. Value: the net change of the rate over twelve months, in basis
/// points. Label: the regime (<c>easing</c>, <c>tightening</c>, <c>on_hold</c>), since the first move of the current
/// run of same-direction moves (or, on hold, since six months after the last move).
/// </summary>
public sealed class FedPathSignal() : MeasurementSignal<FedPathOf, FedMoves>(new FedPathMeasurement())
{
    public override string Description =>
        "Fed policy direction from the effective rate: regime, moves in 6 and 12 months, net change (bp)";
    public override IReadOnlyList<string> Labels { get; } = Say.Words<FedRegime>();
    public override IReadOnlyList<string> Fields { get; } =
        ["rate", "cuts_6m", "hikes_6m", "cuts_12m", "hikes_12m", "days_since_last_change", "last_change_bp", "pending"];

    protected override SignalReading Reading(FedPathOf o, FedMoves m, IReadOnlyList<SignalInput> inputs,
        IMarketData data, bool explain)
    {
        var (r, lastMove, since) = (m.Path, m.LastMove, m.Since);
        var fields = new Dictionary<string, double>
        {
            ["rate"] = r.Rate,
            ["cuts_6m"] = r.Cuts6M,
            ["hikes_6m"] = r.Hikes6M,
            ["cuts_12m"] = r.Cuts12M,
            ["hikes_12m"] = r.Hikes12M,
            ["days_since_last_change"] = lastMove is { } d ? r.AsOf.DayNumber - d.Date.DayNumber : double.NaN,
            ["last_change_bp"] = lastMove is { } l ? l.Size * 100 : double.NaN,
            ["pending"] = Say.Flag(r.Pending is not null),
        };
        return new SignalReading(true, r.NetChange12M * 100, Say.Word(r.Regime), since, explain ? Sentence() : "",
            r.AsOf.AddMonths(-12), r.RateDate, inputs, fields, "bp");

        string Sentence()
        {
            string regime = Say.Word(r.Regime).Replace('_', ' ');
            string moved = lastMove is { } last
                ? $"; the last move a {Say.Number(Math.Abs(last.Size) * 100, "0")} bp " +
                  $"{(last.IsCut ? "cut" : "hike")} effective {Say.Date(last.Date)}"
                : "; no move found";
            string pending = r.Pending is { } p
                ? $"; a move may be under way since {Say.Date(p.Date)} ({Say.Number(p.Latest, "0.00")}%, not yet " +
                  "confirmed)"
                : "";
            return $"Effective fed funds {Say.Number(r.Rate, "0.00")}% on {Say.Date(r.RateDate)}: {regime}" +
                   (since is { } s ? $" since {Say.Date(s)}" : "") +
                   $", {r.Cuts12M} cut(s) and {r.Hikes12M} hike(s) in 12 months " +
                   $"({Say.Signed(r.NetChange12M * 100, "0")} bp)" + moved + pending + ".";
        }
    }
}
