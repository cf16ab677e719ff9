using Bellwether.Core.Board;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Streaming;

/// <summary>
/// The data a stream's signals read, which a <see cref="MarketFeed"/> gives it: each incremental state declares its
/// inputs from its parameters (<see cref="ISignalState.Declare"/>); a signal read in batch adds what its batch board
/// reads. Ids are case-insensitive and kept sorted, so the feed's order does not depend on the thesis's.
/// </summary>
public sealed class FeedInputs
{
    /// <summary>Series read whole (every bar).</summary>
    public SortedSet<string> Series { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Flow tables.</summary>
    public SortedSet<string> Flows { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Classes whose every instrument's closes are read
    /// (<see cref="IMarketData.ClosesOfClass"/>).</summary>
    public SortedSet<AssetClass> Classes { get; } = [];

    /// <summary>The coin rankings are read.</summary>
    public bool Rankings { get; set; }

    /// <summary>The coin lists (classifications) are read.</summary>
    public bool Classifications { get; set; }

    /// <summary>
    /// The inputs of <paramref name="thesis"/>'s signals: those their incremental states declare, and for a signal
    /// without one those its batch board reads on <paramref name="last"/> (<see cref="ReadByBoard"/>).
    /// </summary>
    /// <exception cref="ThesisException">The thesis does not validate against <paramref name="kinds"/>.</exception>
    public static FeedInputs Of(ThesisDefinition thesis, SignalKinds kinds, IMarketData source, DateOnly last)
    {
        kinds.Validate(thesis);
        var inputs = new FeedInputs();
        var batch = new List<SignalSpec>();
        foreach (var spec in thesis.Signals)
            if (IncrementalSignals.For(kinds.Find(spec.Kind)!, spec) is { } state) state.Declare(inputs);
            else batch.Add(spec);
        if (batch.Count > 0) inputs.Record(thesis with { Signals = batch }, kinds, source, last);
        return inputs;
    }

    /// <summary>What the batch board of <paramref name="thesis"/> on <paramref name="day"/> reads (how a signal
    /// without an incremental state finds its inputs; a declaration's reference).</summary>
    /// <exception cref="ThesisException">The thesis does not validate against <paramref name="kinds"/>.</exception>
    public static FeedInputs ReadByBoard(ThesisDefinition thesis, SignalKinds kinds, IMarketData source, DateOnly day)
    {
        kinds.Validate(thesis);
        var inputs = new FeedInputs();
        inputs.Record(thesis, kinds, source, day);
        return inputs;
    }

    private void Record(ThesisDefinition thesis, SignalKinds kinds, IMarketData source, DateOnly day) =>
        ThesisBoard.EvaluateValidated(thesis, new Recorder(source, this), day, kinds);

    /// <summary>Data that notes every read and builds shared structures afresh (so their reads are noted
    /// too).</summary>
    private sealed class Recorder(IMarketData inner, FeedInputs sink) : IMarketData
    {
        private readonly SharedStructures _shared = new();

        public DailySeries? Series(string id)
        {
            lock (sink) sink.Series.Add(id);
            return inner.Series(id);
        }

        public FlowTable? Flows(string id)
        {
            lock (sink) sink.Flows.Add(id);
            return inner.Flows(id);
        }

        public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass)
        {
            lock (sink) sink.Classes.Add(assetClass);
            return inner.ClosesOfClass(assetClass);
        }

        public IReadOnlyList<RankedCoin> Rankings(string? list = null)
        {
            lock (sink) sink.Rankings = true;
            return inner.Rankings(list);
        }

        public IReadOnlyList<CoinClassification> Classifications(string? list = null)
        {
            lock (sink) sink.Classifications = true;
            return inner.Classifications(list);
        }

        public IMarketData Published(DateOnly date) => new Recorder(inner.Published(date), sink);

        public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class =>
            _shared.GetOrBuild(key, () => build(this));
    }
}
