using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.FedPolicy;

namespace Bellwether.Core.Signals.FedPath;

/// <summary>
/// <c>fed_path</c>: the direction of policy from the effective fed funds rate, read by <see cref="FedFundsPath.AsOf"/>.
/// Value: the net change of the rate over twelve months, in basis points. Label: the regime (<c>easing</c>,
/// <c>tightening</c>, <c>on_hold</c>), since the first move of the current run of same-direction moves (or, on hold,
/// since six months after the last move).
/// </summary>
public sealed class FedPathSignal : SignalKind<FedPathSignalOptions>
{
    private static readonly MeasurementParameter SeriesId = new("series", "DFF", "policy rate series in percent");
    private static readonly MeasurementParameter ThresholdPct = new("threshold_pct", "0.15",
        "smallest sustained level shift, in percentage points, that counts as a move");
    private static readonly MeasurementParameter Confirm = new("confirm_observations", "5",
        "observations the new level must hold");
    private static readonly MeasurementParameter Baseline = new("baseline_observations", "10",
        "observations whose median is the old level");

    /// <summary>Months of the rate read for the 6- and 12-month figures (12, plus room for the baseline and confirmation).</summary>
    private const int ReadingMonths = 14;

    public override string Name => "fed_path";
    public override string Description => "Fed policy direction from the effective rate: regime, moves in 6 and 12 months, net change (bp)";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [SeriesId, ThresholdPct, Confirm, Baseline];
    public override IReadOnlyList<string> Labels { get; } = Say.Words<FedRegime>();
    public override IReadOnlyList<string> Fields { get; } =
        ["rate", "cuts_6m", "hikes_6m", "cuts_12m", "hikes_12m", "days_since_last_change", "last_change_bp", "pending"];

    protected override FedPathSignalOptions Parse(SignalSpec spec)
    {
        var path = new FedPathParameters(spec.Number(ThresholdPct), spec.Integer(Confirm), spec.Integer(Baseline));
        path.Validate();
        return new FedPathSignalOptions(spec.Text(SeriesId), path);
    }

    protected override SignalReading Read(FedPathSignalOptions o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        if (Inputs.Series(data, o.Series, asOf, inputs) is not { } series) return Inputs.Missing(inputs, asOf);
        // The 6- and 12-month reading needs the last 12 months plus the baseline and confirmation observations before
        // them; reading 14 months instead of the whole history (DFF starts in 1954) gives the same figures at a
        // fraction of the cost. The series is prepared once (each observation's baseline reads earlier ones only), so a
        // date's reading is a scan of its 14 months. The last move, which can be older, comes from every move of the
        // history: a move is known from its last confirming observation on, so those confirmed by the as-of date are
        // the ones known then.
        var history = data.SharedHistory($"fed-history:{o.Series}:{Keys.Of(o.Path)}", [o.Series], d => FedFundsPath.History(d.Series(o.Series)!, o.Path));
        var moves = data.SharedHistory($"fed-moves:{o.Series}:{Keys.Of(o.Path)}", [o.Series], _ => history.Changes());
        // Read no observation past the last one published by asOf (the series handed out holds just those).
        return Reading(o, history, moves, series.Dates[^1] < asOf ? series.Dates[^1] : asOf, asOf, inputs);
    }

    /// <summary>The first day a reading as of <paramref name="asOf"/> reads observations from.</summary>
    internal static DateOnly ReadFrom(DateOnly asOf) => asOf.AddMonths(-ReadingMonths);

    /// <summary>
    /// The reading as of <paramref name="asOf"/> from <paramref name="history"/> (observations from
    /// <see cref="ReadFrom"/> on) and every move of the whole scan, <paramref name="moves"/>, reading no observation
    /// after <paramref name="through"/>. A stream's state calls it with the history it keeps.
    /// </summary>
    internal static SignalReading Reading(FedPathSignalOptions o, FedRateHistory history, IReadOnlyList<RateChange> moves,
        DateOnly through, DateOnly asOf, List<SignalInput> inputs)
    {
        if (history.AsOf(ReadFrom(asOf), asOf, through) is not { } r)
            return SignalReading.NotMeasurable($"{o.Series} has no value on or before {Say.Date(asOf)}", inputs);
        // Moves are confirmed in order, so those known are a prefix.
        int known = moves.Count, lo = 0;
        while (lo < known)
        {
            int mid = (lo + known) >>> 1;
            if (moves[mid].ConfirmedOn <= through) lo = mid + 1; else known = mid;
        }
        var lastMove = known > 0 ? moves[known - 1] : null;
        var since = RegimeStart(r.Regime, moves, known);

        string regime = Say.Word(r.Regime).Replace('_', ' ');
        string moved = lastMove is { } last
            ? $"; the last move a {Say.Number(Math.Abs(last.Size) * 100, "0")} bp {(last.IsCut ? "cut" : "hike")} effective {Say.Date(last.Date)}"
            : "; no move found";
        string pending = r.Pending is { } p ? $"; a move may be under way since {Say.Date(p.Date)} ({Say.Number(p.Latest, "0.00")}%, not yet confirmed)" : "";
        string sentence = $"Effective fed funds {Say.Number(r.Rate, "0.00")}% on {Say.Date(r.RateDate)}: {regime}" +
                          (since is { } s ? $" since {Say.Date(s)}" : "") +
                          $", {r.Cuts12M} cut(s) and {r.Hikes12M} hike(s) in 12 months ({Say.Signed(r.NetChange12M * 100, "0")} bp)" + moved + pending + ".";
        var fields = new Dictionary<string, double>
        {
            ["rate"] = r.Rate,
            ["cuts_6m"] = r.Cuts6M,
            ["hikes_6m"] = r.Hikes6M,
            ["cuts_12m"] = r.Cuts12M,
            ["hikes_12m"] = r.Hikes12M,
            ["days_since_last_change"] = lastMove is { } m ? asOf.DayNumber - m.Date.DayNumber : double.NaN,
            ["last_change_bp"] = lastMove is { } l ? l.Size * 100 : double.NaN,
            ["pending"] = Say.Flag(r.Pending is not null),
        };
        return new SignalReading(true, r.NetChange12M * 100, Say.Word(r.Regime), since, sentence,
            asOf.AddMonths(-12), r.RateDate, inputs, fields, "bp");
    }

    /// <summary>
    /// When the current regime began. The regime on a day is set by the latest move in the six months before it, so
    /// easing (tightening) began with the first cut (hike) of the latest run of cuts (hikes) that never left six months
    /// without a move; on hold began the first day the latest move fell out of the six months.
    /// </summary>
    private static DateOnly? RegimeStart(FedRegime regime, IReadOnlyList<RateChange> moves, int known)
    {
        if (known == 0) return null;
        var last = moves[known - 1];
        if (regime == FedRegime.OnHold)
        {
            var d = last.Date.AddMonths(6).AddDays(-3);
            while (last.Date > d.AddMonths(-6)) d = d.AddDays(1);
            return d;
        }
        int k = known - 1;
        while (k > 0 && moves[k - 1].IsCut == moves[k].IsCut && moves[k - 1].Date > moves[k].Date.AddDays(-1).AddMonths(-6)) k--;
        return moves[k].Date;
    }
}
