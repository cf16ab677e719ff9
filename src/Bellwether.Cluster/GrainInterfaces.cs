namespace Bellwether.Cluster;

/// <summary>A grain fed bars step by step, idempotent by step (and so by date: a step is a date of the
/// calendar).</summary>
public interface IStepGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies the batch's steps after the grain's last one; steps it has are ignored; a batch starting after a
    /// missing step is refused (<see cref="AppendAck.Gap"/>). Persists when the batch crosses a checkpoint.
    /// </summary>
    Task<AppendAck> Append(BarBatch batch);

    /// <summary>The grain's last step and date (nothing applied).</summary>
    Task<AppendAck> Position();

    /// <summary>
    /// Persists the state now (the end of a replay), so a reactivation resumes from the last step, and says where the
    /// grain stands: behind the sender's last batch when the activation that held it died before it could persist
    /// and this call reactivated the grain from its last checkpoint.
    /// </summary>
    Task<AppendAck> Flush();
}

/// <summary>One block of pairs of a screen (<see cref="Core.Screening.PairBlock"/>); key:
/// <see cref="ScreenSpec.BlockKey"/>.
/// </summary>
public interface IPairBlockGrain : IStepGrain
{
    /// <summary>Every lane of every pair.</summary>
    Task<LaneReadings> Readings();

    /// <summary>The lanes of the pairs holding <paramref name="instrument"/>.</summary>
    Task<LaneReadings> ReadingsOf(int instrument);
}

/// <summary>One instrument of a screen: its bars counted once and its drawdown; key:
/// <see cref="ScreenSpec.InstrumentKey"/>.
/// </summary>
public interface IInstrumentGrain : IStepGrain
{
    Task<TrackState> Track();
}
