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

/// <summary>
/// One thesis followed day by day on the streaming engine (<see cref="Core.Streaming.StreamingBoard"/>): fed the rows
/// a <see cref="Core.Streaming.MarketFeed"/> gives its board, it closes each day and answers the board as of its last
/// day. Key: <see cref="ThesisReplay.KeyOf"/>.
/// </summary>
public interface IThesisGrain : IGrainWithStringKey
{
    /// <summary>Where the grain stands (nothing applied).</summary>
    Task<ThesisAck> Position();

    /// <summary>
    /// Builds the stream from <paramref name="opening"/>: afresh (<see cref="ThesisOpening.Through"/> −1), or to resume
    /// from the persisted snapshot when it closed that day: the next batches, from the first day, are fed without
    /// closing through that day, then the snapshot is restored if they are the data it was taken on (else it is
    /// forgotten and the grain is not open, at −1), and later days are closed. Refused (the ack not open) when the
    /// snapshot closed another day.
    /// </summary>
    Task<ThesisAck> Open(ThesisOpening opening);

    /// <summary>
    /// Feeds and closes the batch's days after the grain's last; days it has are ignored; a batch starting after a
    /// missing day is refused (<see cref="ThesisAck.Gap"/>), and so is any batch while not open. Persists when the
    /// batch crosses a checkpoint (<see cref="ThesisGrain.PersistEvery"/> days).
    /// </summary>
    Task<ThesisAck> Append(ThesisDays batch);

    /// <summary>Persists now and says where the grain stands.</summary>
    Task<ThesisAck> Flush();

    /// <summary>The board as of the last day closed, with every explanation (JSON of
    /// <see cref="Core.Board.BoardResult"/>); null unless the grain is open and its last day is
    /// <paramref name="day"/>.</summary>
    Task<byte[]?> Board(int day);

    /// <summary>The readiness points (<see cref="ReadinessPoints"/>) of the days closed from
    /// <paramref name="from"/> to <paramref name="to"/> (day numbers, both inclusive); null unless the grain is open
    /// and its last day is <paramref name="day"/>.</summary>
    Task<byte[]?> Readiness(int day, int from, int to);

    /// <summary>
    /// The alerts of a grain opened with rules (<see cref="ThesisOpening.Alerts"/>): JSON of
    /// <see cref="ThesisAlertsAnswer"/> (the last day evaluated, the engine's memory, every notification not
    /// acknowledged). Null unless the grain is open and its last day is <paramref name="day"/>; with
    /// <paramref name="day"/> −1, what the grain keeps, open or not (null when it never evaluated rules).
    /// </summary>
    Task<byte[]?> Alerts(int day);

    /// <summary>
    /// Drops the notifications of these keys from those not acknowledged, and writes the state at once (never
    /// refused, open or not); returns how many it dropped. A client acknowledges what it recorded in its outbox and
    /// delivered; what it does not acknowledge (it died first) the next client gets again, with the same keys.
    /// </summary>
    Task<int> Acknowledge(string[] keys);

    /// <summary>
    /// Ends <paramref name="feeder"/>'s hold on the grain. The first <see cref="Open"/> or <see cref="Append"/> of a
    /// feeder takes the grain, and each of its calls holds it for <see cref="ThesisGrain.LeaseFor"/> more: meanwhile
    /// another feeder's calls are refused (<see cref="ThesisAck.Busy"/>, nothing applied), so two clients never
    /// interleave their days. A feeder that dies lets go when its hold runs out; a reactivated grain holds for none.
    /// </summary>
    Task Release(Guid feeder);
}
