using Bellwether.Core.Board;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Tests.Board;

/// <summary>Market data held in memory, for synthetic board tests.</summary>
internal sealed class MemoryMarketData(params DailySeries[] series) : IMarketData
{
    private readonly SharedStructures _shared = new();

    public DailySeries? Series(string id) => series.FirstOrDefault(s => s.Instrument.Id == id);
    public FlowTable? Flows(string id) => null;
    public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass) => series.Where(s => s.Instrument.Class == assetClass).ToList();
    public IReadOnlyList<RankedCoin> Rankings(string? list = null) => [];
    public IReadOnlyList<CoinClassification> Classifications(string? list = null) => [];

    public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class =>
        _shared.GetOrBuild(key, () => build(this));
}

/// <summary>A kind that reads the close of a series as of the date: its value is the close, its label "up" or "down" against 100.</summary>
internal sealed class CloseKind : SignalKind<string>
{
    public override string Name => "close";
    public override string Description => "test";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } = [new("instrument", "X", "series")];
    public override IReadOnlyList<string> Labels { get; } = ["up", "down"];
    public override IReadOnlyList<string> Fields { get; } = ["double"];

    protected override string Parse(SignalSpec spec) => spec.Text(Parameters[0]);

    protected override SignalReading Read(string id, IMarketData data, DateOnly asOf)
    {
        var s = data.Series(id);
        if (s is null || s.IndexOnOrBefore(asOf) < 0) return SignalReading.NotMeasurable("no data");
        int i = s.IndexOnOrBefore(asOf);
        double close = s.Close[i];
        return new SignalReading(true, close, close >= 100 ? "up" : "down", s.Dates[i], "test", s.Dates[0], s.Dates[i],
            [SignalInput.Of(s, asOf)], new Dictionary<string, double> { ["double"] = 2 * close });
    }
}
