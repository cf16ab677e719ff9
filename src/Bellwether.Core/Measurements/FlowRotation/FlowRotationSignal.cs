using Bellwether.Core.Board;
using Bellwether.Core.Measurements.EtfFlows;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.EtfFlows;
using Rotation = Bellwether.Core.Statistics.EtfFlows.FlowRotation;

namespace Bellwether.Core.Measurements.FlowRotation;

/// <summary>
/// The <see cref="FlowRotationMeasurement"/> as a signal. Value: the "into" family's net flow minus the "out of"
/// family's, US$ millions. Label: <c>rotation</c>, <c>reverse</c>, <c>both_inflow</c>, <c>both_outflow</c> or
/// <c>flat</c>, since the first shared flow day whose window gave that label without a break.
/// </summary>
public sealed class FlowRotationSignal()
    : MeasurementSignal<FlowRotationParameters, RotationReading>(new FlowRotationMeasurement())
{
    public override string Description =>
        "Rotation between two ETF families over shared flow days: who took money and who lost it (US$ m)";
    public override IReadOnlyList<string> Labels { get; } = Say.Words<RotationKind>();
    public override IReadOnlyList<string> Fields { get; } = ["into_sum", "out_of_sum", "rotated", "rotation_days",
        "days"];

    protected override SignalReading Reading(FlowRotationParameters o, RotationReading r,
        IReadOnlyList<SignalInput> inputs, IMarketData data, bool explain) =>
        Reading(o, r, inputs, Since(data, o, r.Window.To, r.Window.Kind), explain);

    /// <summary>The reading of <paramref name="r"/>, whose label has held since <paramref name="since"/> (see
    /// <see cref="Since"/>; a stream keeps it as it goes); its explanation only when <paramref name="explain"/>.
    /// </summary>
    internal static SignalReading Reading(FlowRotationParameters o, RotationReading r,
        IReadOnlyList<SignalInput> inputs, DateOnly? since, bool explain)
    {
        var w = r.Window;
        var label = Say.Word(w.Kind);
        var fields = new Dictionary<string, double>
        {
            ["into_sum"] = w.IntoSum,
            ["out_of_sum"] = w.OutOfSum,
            ["rotated"] = w.Rotated,
            ["rotation_days"] = r.RotationDays,
            ["days"] = w.Days,
        };
        return new SignalReading(true, w.IntoSum - w.OutOfSum, label, since, explain ? Sentence() : "", w.From, w.To,
            inputs, fields, "US$ m");

        string Sentence()
        {
            string reading = w.Kind switch
            {
                RotationKind.Rotation => $"rotation: {r.Into} took money while {r.OutOf} lost it",
                RotationKind.Reverse => $"the reverse: {r.OutOf} took money while {r.Into} lost it",
                RotationKind.BothInflow => "both took money",
                RotationKind.BothOutflow => "both lost money",
                _ => "one had no net flow",
            };
            // The value is the difference: the sentence gives it, then each family's flow it comes from.
            return $"{r.Into} minus {r.OutOf}: {Say.Signed(w.IntoSum - w.OutOfSum)} US$ m over {w.Days} shared flow " +
                   $"days ({Say.Date(w.From)} to {Say.Date(w.To)}): {r.Into} took {Say.Signed(w.IntoSum)} and " +
                   $"{r.OutOf} {Say.Signed(w.OutOfSum)} US$ m, {reading}"
                   + (since is { } s ? $" (since {Say.Date(s)})" : "") + ".";
        }
    }

    /// <summary>
    /// The first shared flow day of the current run of windows with <paramref name="kind"/>, from the windows ending on
    /// every shared flow day of the year of <paramref name="to"/> and the year before. Those are computed once per data
    /// set and year: a window ending on a day reads flow days up to that day only.
    /// </summary>
    private static DateOnly? Since(IMarketData data, FlowRotationParameters o, DateOnly to, RotationKind kind)
    {
        var windows = data.SharedHistory(new WindowsKey(o, to.Year), [o.Into, o.OutOf],
            d => WindowKinds(d, o, to.Year));
        int i = Array.BinarySearch(windows.Dates, to);
        if (i < 0) return null;
        while (i > 0 && windows.Kinds[i - 1] == kind) i--;
        return windows.Dates[i];
    }

    /// <summary>The windows of a year and the year before (<see cref="WindowKinds"/>).</summary>
    private sealed record WindowsKey(FlowRotationParameters Rotation, int Year) : SharedKey<WindowHistory>;

    private static WindowHistory WindowKinds(IMarketData data, FlowRotationParameters o, int year)
    {
        var into = FlowDays.AsOf(data, data.Flows(o.Into)!, DateOnly.MaxValue, FlowParameters.Default);
        var outOf = FlowDays.AsOf(data, data.Flows(o.OutOf)!, DateOnly.MaxValue, FlowParameters.Default);
        var outDays = outOf.Days.Select(d => d.Date).ToHashSet();
        var shared = into.Days.Select(d => d.Date).Where(outDays.Contains).ToArray();
        int firstOfSpan = Array.FindIndex(shared, d => d.Year >= year - 1);
        int endOfSpan = Array.FindLastIndex(shared, d => d.Year <= year) + 1;
        if (firstOfSpan < 0 || endOfSpan <= firstOfSpan) return new WindowHistory([], []);
        var kinds = new RotationKind[endOfSpan - firstOfSpan];
        for (int k = firstOfSpan; k < endOfSpan; k++)
        {
            // The window ending on shared day k holds shared days k − window + 1 … k: both histories cut to those dates
            // give the core exactly that window.
            var (first, last) = (shared[Math.Max(0, k - o.Window + 1)], shared[k]);
            var window = Rotation.Compute(Between(into, first, last), Between(outOf, first, last), o.Window)!.Window;
            kinds[k - firstOfSpan] = window.Kind;
        }
        return new WindowHistory(shared[firstOfSpan..endOfSpan], kinds);
    }

    /// <summary>The label of the window ending on each shared flow day.</summary>
    private sealed record WindowHistory(DateOnly[] Dates, RotationKind[] Kinds);

    private static EtfFlowHistory Between(EtfFlowHistory h, DateOnly first, DateOnly last) =>
        h with { Days = h.Days.SkipWhile(d => d.Date < first).TakeWhile(d => d.Date <= last).ToList() };
}
