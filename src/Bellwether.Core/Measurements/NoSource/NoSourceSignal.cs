using Bellwether.Core.Board;

namespace Bellwether.Core.Measurements.NoSource;

/// <summary>The <see cref="NoSourceMeasurement"/> as a signal: always "not measurable: no source".</summary>
public sealed class NoSourceSignal() : MeasurementSignal<string, string>(new NoSourceMeasurement())
{
    public override string Description => "Evidence with no data source: always 'not measurable: no source'";
    public override IReadOnlyList<string> Labels { get; } = [];
    public override IReadOnlyList<string> Fields { get; } = [];

    protected override SignalReading Reading(string needs, string result, IReadOnlyList<SignalInput> inputs,
        IMarketData data, bool explain) => throw new InvalidOperationException("no_source has no result to read");
}
