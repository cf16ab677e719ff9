using Bellwether.Core.Statistics.EtfFlows;
using Bellwether.Core.Text;
using Bellwether.Data.Store;

namespace Bellwether.Api;

/// <summary>
/// Spot ETF flows of two families as of a date and the rotation between them: what <c>flows</c> prints and
/// <c>GET /api/flows</c> answers.
/// </summary>
/// <param name="Histories">The <c>into</c> family's, then the <c>out_of</c> family's.</param>
public sealed record FlowsAnswer(DateOnly Date, int Window, IReadOnlyList<EtfFlowHistory> Histories,
    IReadOnlyList<EtfFlowReading?> Readings, RotationReading? Rotation)
{
    /// <summary>The window in flow days unless asked, and the longest.</summary>
    public const int DefaultWindow = 20, MaxWindow = 10_000;

    /// <summary>The flow tables compared unless asked otherwise.</summary>
    public const string DefaultInto = "ETH_SPOT_ETF_FLOWS", DefaultOutOf = "BTC_SPOT_ETF_FLOWS";

    /// <summary>
    /// Reads the two flow tables as of <paramref name="asOf"/> (the days published by then, unless
    /// <paramref name="releaseLags"/> is false), or as of their latest row, over <paramref name="window"/> flow days.
    /// </summary>
    /// <exception cref="QueryException"><paramref name="window"/> out of range.</exception>
    public static FlowsAnswer Of(BellwetherStore store, bool releaseLags, DateOnly? asOf, int window, string into,
        string outOf)
    {
        if (window is < 1 or > MaxWindow) throw new QueryException("window", $"{window} is outside 1 to {MaxWindow}");
        var tables = new[] { into, outOf }.Select(t => PublishedReads.Flows(store, releaseLags, t, asOf)).ToList();
        var date = asOf ?? tables.Where(t => t.Count > 0).Select(t => t.Dates[^1]).DefaultIfEmpty().Max();
        var histories = tables.Select(t => EtfFlowStatistics.Build(t, date)).ToList();
        var readings = histories.Select(h => EtfFlowStatistics.Read(h, window)).ToList();
        return new FlowsAnswer(date, window, histories, readings,
            FlowRotation.Compute(histories[0], histories[1], window));
    }

    /// <summary>The document (plain objects for <see cref="ApiJson.Options"/>).</summary>
    public object Json() => new
    {
        as_of = Date, window = Window,
        tables = Histories.Select((h, k) => Table(h, Readings[k])),
        rotation = Rotation is not { } rotation ? null : new
        {
            into = rotation.Into, out_of = rotation.OutOf, from = rotation.Window.From, to = rotation.Window.To,
            days = rotation.Window.Days, into_sum = rotation.Window.IntoSum, out_of_sum = rotation.Window.OutOfSum,
            kind = rotation.Window.Kind, rotated = rotation.Window.Rotated, rotation_days = rotation.RotationDays,
            into_on_rotation_days = rotation.IntoOnRotationDays, out_of_on_rotation_days = rotation.OutOfOnRotationDays,
            weeks = rotation.Weeks,
            // What `flows` and the /flows page write (Core.Text.ValueText).
            into_sum_text = Flow(rotation.Window.IntoSum), out_of_sum_text = Flow(rotation.Window.OutOfSum),
            rotated_text = ValueText.Level(Math.Abs(rotation.Window.Rotated), ValueKind.UsdMillions),
            weeks_text = rotation.Weeks.Select(w => new { into_sum = Cell(w.IntoSum), out_of_sum = Cell(w.OutOfSum) }),
        },
    };

    /// <summary>A flow in a cell of a table captioned in US$ millions: digits and sign, empty for NaN.</summary>
    public static string Cell(double v) => double.IsNaN(v) ? "" : ValueText.Format(ValueKind.UsdMillions).Number(v);

    /// <summary>A flow in running text, with its unit.</summary>
    public static string Flow(double v) => ValueText.Of(v, ValueKind.UsdMillions);

    private static object Table(EtfFlowHistory h, EtfFlowReading? r) => new
    {
        id = h.Id, unit = h.Unit, date = r?.Latest.Date, total = r?.Latest.Total, table_total = r?.Latest.TableTotal,
        sum_5d = r?.Latest.ShortSum, sum_20d = r?.Latest.LongSum, sum_window = r?.WindowSum,
        cumulative = r?.Latest.Cumulative,
        streak = r?.CurrentStreak, longest_inflow = r?.LongestInflow, longest_outflow = r?.LongestOutflow,
        flow_days = h.Days.Count, funds = h.Funds, excluded = h.Excluded, closed_days_with_flow = h.ClosedDaysWithFlow,
        partial_days = h.PartialDays, total_mismatches = h.Mismatches,
        // The cells of the flows table, captioned in US$ millions, and the mismatches in running text.
        text = r is null ? null : new
        {
            total = Cell(r.Latest.Total), sum_5d = Cell(r.Latest.ShortSum), sum_20d = Cell(r.Latest.LongSum),
            sum_window = Cell(r.WindowSum), cumulative = Cell(r.Latest.Cumulative),
            streak_sum = Cell(r.CurrentStreak.Sum),
        },
        total_mismatches_text = h.Mismatches.Select(m =>
            new { fund_sum = Flow(m.FundSum), table_total = Flow(m.TableTotal) }),
    };
}
