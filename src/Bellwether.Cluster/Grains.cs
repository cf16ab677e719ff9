using Bellwether.Core.Screening;
using Orleans.Runtime;

namespace Bellwether.Cluster;

/// <summary>The storage provider the grains persist to (Orleans' Redis grain storage in a silo).</summary>
public static class Storage
{
    public const string Name = "bellwether";
}

/// <summary>
/// The rule every step grain applies to a batch: steps at or before its last are ignored (counted), a batch starting
/// after its next step is a gap (nothing applied), and a batch overlapping its last step must carry that step's date
/// (another calendar under the same universe name is refused rather than mixed in).
/// </summary>
internal static class StepRule
{
    /// <summary>How many of the batch's leading steps the grain already has; −1: a gap.</summary>
    /// <exception cref="ArgumentException">Closes of another size, or dates that contradict the grain's.</exception>
    public static int Skip(BarBatch batch, int members, int lastStep, int lastDay, string grain)
    {
        if (batch.Closes.Length != batch.Days.Length * members)
            throw new ArgumentException(
                $"{grain}: {batch.Closes.Length} closes for {batch.Days.Length} steps × {members}");
        if (batch.FirstStep > lastStep + 1) return -1;
        int skip = lastStep + 1 - batch.FirstStep;
        if (skip > 0 && skip <= batch.Days.Length && batch.Days[skip - 1] != lastDay)
            throw new ArgumentException(
                $"{grain}: step {lastStep} is {DateOnly.FromDayNumber(lastDay):yyyy-MM-dd} here, " +
                $"{DateOnly.FromDayNumber(batch.Days[skip - 1]):yyyy-MM-dd} in the batch: another calendar under one " +
                "universe name");
        return Math.Min(skip, batch.Days.Length);
    }

    /// <summary>True when a step in (from, to] closes a checkpoint interval (one window of steps).</summary>
    public static bool CrossesCheckpoint(int from, int to, int every) => to >= 0 && (to + 1) / every > (from + 1)
        / every;
}

/// <summary>
/// A block of pairs. State is persisted when a batch crosses a multiple of the window in steps, on
/// <see cref="IStepGrain.Flush"/> and on a graceful deactivation; after a crash the block resumes from the last
/// persisted step and the sender re-sends the bars since (it learns where from the ack).
/// </summary>
public sealed class PairBlockGrain([PersistentState("block", Storage.Name)] IPersistentState<BlockState> state)
    : Grain, IPairBlockGrain
{
    private PairBlock _block = null!;
    private int _window;
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (spec, number) = ScreenSpec.Parse(this.GetPrimaryKeyString());
        _block = PairBlock.Of(spec.Layout, number, spec.Options);
        _window = spec.Window;
        if (state.State.Snapshot is { } snapshot) _block.Resume(snapshot);
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty) await Persist();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<AppendAck> Append(BarBatch batch)
    {
        int members = _block.Members.Count, before = _block.LastStep;
        int skip = StepRule.Skip(batch, members, before, state.State.LastDay, this.GetPrimaryKeyString());
        if (skip < 0) return Ack(0, 0, gap: true);
        for (int i = skip; i < batch.Days.Length; i++)
            _block.Step(batch.FirstStep + i, batch.Closes.AsSpan(i * members, members));
        if (batch.Days.Length > skip) (state.State.LastDay, _dirty) = (batch.Days[^1], true);
        if (StepRule.CrossesCheckpoint(before, _block.LastStep, _window)) await Persist();
        return Ack(batch.Days.Length - skip, skip, gap: false);
    }

    public Task<AppendAck> Position() => Task.FromResult(Ack(0, 0, gap: false));

    public async Task<AppendAck> Flush()
    {
        if (_dirty) await Persist();
        return Ack(0, 0, gap: false);
    }

    public Task<LaneReadings> Readings() => Task.FromResult(LaneReadings.Of(_block.LastStep, _block.Readings()));

    public Task<LaneReadings> ReadingsOf(int instrument) =>
        Task.FromResult(LaneReadings.Of(_block.LastStep, _block.ReadingsOf(instrument)));

    private AppendAck Ack(int applied, int ignored, bool gap) =>
        new(_block.LastStep, state.State.LastDay, applied, ignored, gap);

    private async Task Persist()
    {
        state.State.Snapshot = _block.Snapshot();
        await state.WriteStateAsync();
        _dirty = false;
    }
}

/// <summary>An instrument's track; persisted at the same cadence as the blocks (a window of steps).</summary>
public sealed class InstrumentGrain([PersistentState("track", Storage.Name)] IPersistentState<TrackState> state)
    : Grain, IInstrumentGrain
{
    private InstrumentTrack _track = new();
    private int _window, _stepDay = -1;
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _window = ScreenSpec.Parse(this.GetPrimaryKeyString()).Spec.Window;
        (_track, _stepDay) = (state.State.ToTrack(), state.State.StepDay);
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty) await Persist();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<AppendAck> Append(BarBatch batch)
    {
        int before = _track.LastStep;
        int skip = StepRule.Skip(batch, 1, before, _stepDay, this.GetPrimaryKeyString());
        if (skip < 0) return Ack(0, 0, gap: true);
        for (int i = skip; i < batch.Days.Length; i++)
            _track = _track.Step(batch.FirstStep + i, DateOnly.FromDayNumber(batch.Days[i]), batch.Closes[i]);
        if (batch.Days.Length > skip) (_stepDay, _dirty) = (batch.Days[^1], true);
        if (StepRule.CrossesCheckpoint(before, _track.LastStep, _window)) await Persist();
        return Ack(batch.Days.Length - skip, skip, gap: false);
    }

    public Task<AppendAck> Position() => Task.FromResult(Ack(0, 0, gap: false));

    public async Task<AppendAck> Flush()
    {
        if (_dirty) await Persist();
        return Ack(0, 0, gap: false);
    }

    public Task<TrackState> Track() => Task.FromResult(TrackState.Of(_track, _stepDay));

    private AppendAck Ack(int applied, int ignored, bool gap) => new(_track.LastStep, _stepDay, applied, ignored, gap);

    private async Task Persist()
    {
        state.State = TrackState.Of(_track, _stepDay);
        await state.WriteStateAsync();
        _dirty = false;
    }
}
