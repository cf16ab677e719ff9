using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Series;

namespace Bellwether.Core.Statistics.Liquidity;

/// <summary>
/// Net liquidity = Fed total assets − Treasury General Account − overnight reverse repo, in US$ billions, on the
/// Wednesday grid of the Fed's weekly H.4.1 balance sheet. Each input is converted to billions from its declared
/// unit. A daily input (reverse repo) contributes its Wednesday value; a Wednesday on which any input has no value
/// (a holiday, a gap) is skipped and listed, never filled from a neighbouring day.
/// </summary>
public static class NetLiquidity
{
    /// <summary>
    /// The weekly series from the first Wednesday on which every input has started to the last Wednesday on or
    /// before <paramref name="asOf"/> (default: the latest date of any input).
    /// </summary>
    /// <exception cref="NotMeasurableException">
    /// An input's unit is not a known US dollar amount; or treasury account plus reverse repo exceed total assets: both
    /// are liabilities of the Fed, so this can only mean a wrong unit (for instance a series in millions declared as
    /// billions).
    /// </exception>
    public static NetLiquiditySeries Compute(DailySeries totalAssets, DailySeries treasuryAccount,
        DailySeries reverseRepo, DateOnly? asOf = null)
    {
        var (series, refused) = Weeks(totalAssets, treasuryAccount, reverseRepo, asOf);
        return refused is null ? series : throw new NotMeasurableException(refused.Value.Reason);
    }

    /// <summary>
    /// <see cref="Compute"/>'s weeks without the liabilities' refusal: they stop before the first Wednesday it refuses,
    /// which is returned with its reason (null when none is). A week depends on that Wednesday's rows and the weeks
    /// before it alone.
    /// </summary>
    /// <exception cref="NotMeasurableException">An input's unit is not a known US dollar amount.</exception>
    internal static (NetLiquiditySeries Series, (DateOnly Wednesday, string Reason)? Refused) Weeks(
        DailySeries totalAssets, DailySeries treasuryAccount, DailySeries reverseRepo, DateOnly? asOf = null)
    {
        DailySeries[] inputs = [totalAssets, treasuryAccount, reverseRepo];
        var scale = inputs.Select(UsdUnits.BillionsPerUnit).ToArray();
        var known = inputs.Select(s => asOf is { } d ? s.AsOf(d) : s).ToArray();
        if (known.Any(s => s.Count == 0)) return (new NetLiquiditySeries([], []), null);
        var first = known.Max(s => s.Dates[0]);
        var last = known.Max(s => s.Dates[^1]);
        var weeks = new List<NetLiquidityWeek>();
        var skipped = new List<SkippedWeek>();
        var byDate = new Dictionary<DateOnly, double>();
        for (var wednesday = NextWednesday(first); wednesday <= last; wednesday = wednesday.AddDays(7))
        {
            var value = new double[3];
            var missing = new List<string>();
            for (int k = 0; k < 3; k++)
            {
                int i = known[k].IndexOf(wednesday);
                value[k] = i < 0 ? double.NaN : known[k].Close[i] * scale[k];
                if (double.IsNaN(value[k])) missing.Add(known[k].Instrument.Id);
            }
            if (missing.Count > 0)
            {
                skipped.Add(new SkippedWeek(wednesday, missing));
                continue;
            }
            if (LiabilitiesRefusal(wednesday, value, [.. inputs.Select(s => s.Instrument)]) is { } reason)
                return (new NetLiquiditySeries(weeks, skipped), (wednesday, reason));
            double net = value[0] - value[1] - value[2];
            byDate[wednesday] = net;
            weeks.Add(new NetLiquidityWeek(wednesday, value[0], value[1], value[2], net,
                Change(byDate, wednesday, 4, net), Change(byDate, wednesday, 13, net)));
        }
        return (new NetLiquiditySeries(weeks, skipped), null);
    }

    /// <summary>Refuses a Wednesday whose treasury account plus reverse repo (US$ bn) exceed total assets.</summary>
    /// <exception cref="NotMeasurableException">They do: a declared unit must be wrong.</exception>
    internal static void CheckLiabilities(DateOnly wednesday, double[] value, IReadOnlyList<Instrument> inputs)
    {
        if (LiabilitiesRefusal(wednesday, value, inputs) is { } reason) throw new NotMeasurableException(reason);
    }

    /// <summary>Why <see cref="CheckLiabilities"/> refuses the Wednesday, or null when it does not.</summary>
    private static string? LiabilitiesRefusal(DateOnly wednesday, double[] value, IReadOnlyList<Instrument> inputs) =>
        value[1] + value[2] > value[0]
            ? $"{wednesday}: {inputs[1].Id} ({value[1]:0.###} bn) plus {inputs[2].Id} ({value[2]:0.###} bn) exceed " +
              $"{inputs[0].Id} ({value[0]:0.###} bn); both are Fed liabilities, so a declared unit must be wrong " +
              $"({string.Join(", ", inputs.Select(s => $"{s.Id}: {s.QuoteUnit}"))})"
            : null;

    /// <summary>The first Wednesday on or after <paramref name="d"/>.</summary>
    internal static DateOnly NextWednesday(DateOnly d) =>
        d.AddDays(((int)DayOfWeek.Wednesday - (int)d.DayOfWeek + 7) % 7);

    private static double Change(Dictionary<DateOnly, double> byDate, DateOnly date, int weeks, double now) =>
        byDate.TryGetValue(date.AddDays(-7 * weeks), out var then) ? now - then : double.NaN;
}
