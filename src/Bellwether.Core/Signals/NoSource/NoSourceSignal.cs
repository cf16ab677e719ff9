using Bellwether.Core.Board;
using Bellwether.Core.Measurements;

namespace Bellwether.Core.Signals.NoSource;

/// <summary>
/// <c>no_source</c>: evidence the thesis names but no data source covers (small-cap ETF flows, earnings forecasts).
/// Always not measurable, saying so, so the board shows the gap instead of guessing.
/// </summary>
public sealed class NoSourceSignal : SignalKind<string>
{
    private static readonly MeasurementParameter What = new("what", "",
        "what would be measured, e.g. 'small-cap ETF flows'");

    public override string Name => "no_source";
    public override string Description => "Evidence with no data source: always 'not measurable: no source'";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } = [What];
    public override IReadOnlyList<string> Labels { get; } = [];
    public override IReadOnlyList<string> Fields { get; } = [];

    protected override string Parse(SignalSpec spec) => spec.Text(What).Trim();

    protected override SignalReading Read(string what, IMarketData data, DateOnly asOf) =>
        SignalReading.NotMeasurable(what.Length > 0 ? $"not measurable: no source for {what}" : "not measurable: no source");
}
