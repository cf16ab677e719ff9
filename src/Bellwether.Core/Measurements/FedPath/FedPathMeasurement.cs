using Bellwether.Core.Board;
using Bellwether.Core.Charts;
using Bellwether.Core.Measurements.NetLiquidity;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.FedPolicy;

namespace Bellwether.Core.Measurements.FedPath;

/// <summary>
/// <c>fed_path</c> (alias <c>rate_cuts</c>): the direction of policy from the effective fed funds rate as of a date,
/// read by <see cref="FedRateHistory.AsOf"/>, with every policy move confirmed by then
/// (<see cref="FedRateHistory.Changes"/>). Rates are in percent, moves in percentage points.
/// </summary>
public sealed class FedPathMeasurement : Measurement<FedPathOf, FedMoves>
{
    public static readonly MeasurementParameter Instrument = new("instrument", "DFF", "policy rate series in percent")
    {
        Aliases = ["series"],
    };

    public static readonly MeasurementParameter ThresholdPct = new("threshold_pct", "0.15",
        "smallest sustained level shift, in percentage points, that counts as a move");

    public static readonly MeasurementParameter Confirm = new("confirm_observations", "5",
        "observations the new level must hold");

    public static readonly MeasurementParameter Baseline = new("baseline_observations", "10",
        "observations whose median is the old level");

    /// <summary>Months of the rate read for the 6- and 12-month figures (12, plus room for the baseline and
    /// confirmation).</summary>
    private const int ReadingMonths = 14;

    public override string Name => "fed_path";
    public override IReadOnlyList<string> Aliases { get; } = ["rate_cuts"];
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [Instrument, ThresholdPct, Confirm, Baseline];

    public override FedPathOf Parse(IParameterValues values) => values.Build(() => new FedPathOf(
        values.Text(Instrument),
        new FedPathParameters(values.Number(ThresholdPct), values.Integer(Confirm), values.Integer(Baseline))));

    public override Measured<FedMoves> Measure(FedPathOf o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        // The rows published by asOf are a prefix of the stored ones: their values come from the history below, so
        // the series is not cut per date (DFF has a row a day since 1954).
        if (Inputs.Prefix(data, o.Series, asOf, inputs) is not { } published)
            return Measured.Missing<FedMoves>(inputs, asOf);
        // The 6- and 12-month reading needs the last 12 months plus the baseline and confirmation observations before
        // them; reading 14 months instead of the whole history (DFF starts in 1954) gives the same figures at a
        // fraction of the cost. The series is prepared once (each observation's baseline reads earlier ones only), so a
        // date's reading is a scan of its 14 months. The last move, which can be older, comes from every move of the
        // history: a move is known from its last confirming observation on, so those confirmed by the as-of date are
        // the ones known then.
        var history = data.SharedHistory(new HistoryKey(o.Series, o.Path), [o.Series],
            d => FedFundsPath.History(d.Series(o.Series)!, o.Path));
        var moves = data.SharedHistory(new MovesKey(o.Series, o.Path), [o.Series],
            _ => history.Changes().ToArray());
        // Read no observation past the last one published by asOf.
        var last = published.LastDate!.Value;
        return Of(o, published.Series.Instrument.Id, history, moves, last < asOf ? last : asOf, asOf, inputs);
    }

    /// <summary>
    /// The measurement as of <paramref name="asOf"/> from <paramref name="history"/> (observations from 14 months
    /// before on) and every move of the whole scan, <paramref name="moves"/> (those confirmed by
    /// <paramref name="through"/> are known), reading no observation after <paramref name="through"/>. A stream's state
    /// calls it with the history it keeps (docs/streaming.md).
    /// </summary>
    internal static Measured<FedMoves> Of(FedPathOf o, string id, FedRateHistory history,
        IReadOnlyList<RateChange> moves, DateOnly through, DateOnly asOf, List<SignalInput> inputs)
    {
        if (history.AsOf(ReadFrom(asOf), asOf, through) is not { } r)
            return Measured.NotMeasurable<FedMoves>($"{o.Series} has no value on or before {Say.Date(asOf)}", inputs);
        // Moves are confirmed in order, so those known are a prefix.
        int known = moves.Count, lo = 0;
        while (lo < known)
        {
            int mid = (lo + known) >>> 1;
            if (moves[mid].ConfirmedOn <= through) lo = mid + 1; else known = mid;
        }
        IReadOnlyList<RateChange> knownMoves = known == moves.Count ? moves
            : moves is RateChange[] all ? new ArraySegment<RateChange>(all, 0, known) : [.. moves.Take(known)];
        return Measured.Of(new FedMoves(id, r, knownMoves, RegimeStart(r.Regime, knownMoves)), inputs);
    }

    /// <summary>The first day a reading as of <paramref name="asOf"/> reads observations from.</summary>
    internal static DateOnly ReadFrom(DateOnly asOf) => asOf.AddMonths(-ReadingMonths);

    /// <summary>The rate beside net liquidity (<see cref="FedAndLiquidityChart"/>, drawn once for both).</summary>
    public override Chart? Chart(FedPathOf o, ChartContext context) => FedAndLiquidityChart.Draw(context);

    /// <summary>
    /// When the current regime began. The regime on a day is set by the latest move in the six months before it, so
    /// easing (tightening) began with the first cut (hike) of the latest run of cuts (hikes) that never left six months
    /// without a move; on hold began the first day the latest move fell out of the six months.
    /// </summary>
    private static DateOnly? RegimeStart(FedRegime regime, IReadOnlyList<RateChange> moves)
    {
        if (moves.Count == 0) return null;
        var last = moves[^1];
        if (regime == FedRegime.OnHold)
        {
            var d = last.Date.AddMonths(6).AddDays(-3);
            while (last.Date > d.AddMonths(-6)) d = d.AddDays(1);
            return d;
        }
        int k = moves.Count - 1;
        while (k > 0 && moves[k - 1].IsCut == moves[k].IsCut && moves[k - 1].Date > moves[k].Date.AddDays(-1)
            .AddMonths(-6))
            k--;
        return moves[k].Date;
    }

    /// <summary>The rate's whole history, prepared (<see cref="FedFundsPath.History"/>).</summary>
    private sealed record HistoryKey(string Series, FedPathParameters Path) : SharedKey<FedRateHistory>;

    /// <summary>Every move of the rate's whole history.</summary>
    private sealed record MovesKey(string Series, FedPathParameters Path) : SharedKey<RateChange[]>;
}


/// <summary>The fed funds path as of a date and the policy moves known then.</summary>
/// <param name="Id">The rate series' id as stored.</param>
/// <param name="Path">The rate, regime and moves of the last 6 and 12 months (rates in percent).</param>
/// <param name="Known">Every move confirmed by the date, oldest first.</param>
/// <param name="Since">When the current regime began; null without a move.</param>
public sealed record FedMoves(string Id, FedPathReading Path, IReadOnlyList<RateChange> Known, DateOnly? Since)
{
    /// <summary>The latest move known, or null.</summary>
    public RateChange? LastMove => Known.Count > 0 ? Known[^1] : null;
}
