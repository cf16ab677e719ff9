using Bellwether.Core.Screening;

namespace Bellwether.Cluster;

/// <summary>
/// Which screen a grain belongs to: a universe name and the layout and options its blocks were cut with. Grain keys
/// spell it out, so a grain activated anywhere knows its members without being told.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScreenSpec(
    [property: Id(0)] string Universe, [property: Id(1)] int Instruments, [property: Id(2)] int GroupSize,
    [property: Id(3)] int Window, [property: Id(4)] int MaxLag)
{
    public ScreenLayout Layout => new(Instruments, GroupSize);
    public ScreenOptions Options => new(Window, MaxLag);

    public string BlockKey(int block) => $"{Prefix}/b{block}";
    public string InstrumentKey(int instrument) => $"{Prefix}/i{instrument}";

    private string Prefix => $"{Universe}/{Instruments}/{GroupSize}/{Window}/{MaxLag}";

    /// <summary>The spec and the block or instrument number of a grain key.</summary>
    /// <exception cref="FormatException">Not a key made by <see cref="BlockKey"/> or
    /// <see cref="InstrumentKey"/>.</exception>
    public static (ScreenSpec Spec, int Number) Parse(string key)
    {
        var parts = key.Split('/');
        if (parts.Length != 6 || parts[5].Length < 2) throw new FormatException($"not a screen grain key: {key}");
        return (new ScreenSpec(parts[0], int.Parse(parts[1], CultureInfo), int.Parse(parts[2], CultureInfo),
            int.Parse(parts[3], CultureInfo), int.Parse(parts[4], CultureInfo)), int.Parse(parts[5][1..], CultureInfo));
    }

    private static System.Globalization.CultureInfo CultureInfo => System.Globalization.CultureInfo.InvariantCulture;
}

/// <summary>
/// Consecutive steps of bars for one grain: the first step's number, each step's date (day number) and the closes,
/// step-major over the grain's members (NaN: no bar).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BarBatch([property: Id(0)] int FirstStep, [property: Id(1)] int[] Days,
    [property: Id(2)] double[] Closes);

/// <summary>
/// What a grain holds after a batch: its last step and that step's date (day number, −1 before any), the steps it
/// applied, the steps it had already (ignored: a bar delivered twice counts once) and whether the batch began after a
/// missing step (nothing applied; the sender re-sends from <see cref="LastStep"/> + 1).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AppendAck(
    [property: Id(0)] int LastStep, [property: Id(1)] int LastDay, [property: Id(2)] int Applied,
    [property: Id(3)] int Ignored, [property: Id(4)] bool Gap);

/// <summary>Every lane of a block (or of one instrument's pairs), column-wise.</summary>
[GenerateSerializer, Immutable]
public sealed record LaneReadings(
    [property: Id(0)] int LastStep, [property: Id(1)] int[] A, [property: Id(2)] int[] B, [property: Id(3)] int[] Lag,
    [property: Id(4)] double[] Correlation, [property: Id(5)] int[] Count)
{
    public static LaneReadings Of(int lastStep, IEnumerable<PairReading> readings)
    {
        var list = readings.ToList();
        return new(lastStep, [.. list.Select(r => r.A)], [.. list.Select(r => r.B)], [.. list.Select(r => r.Lag)],
            [.. list.Select(r => r.Correlation)], [.. list.Select(r => r.Count)]);
    }

    public IEnumerable<PairReading> Readings() =>
        Enumerable.Range(0, A.Length).Select(i => new PairReading(A[i], B[i], Lag[i], Correlation[i], Count[i]));
}

/// <summary>An instrument grain's track (<see cref="InstrumentTrack"/>), as stored and as read.</summary>
[GenerateSerializer]
public sealed class TrackState
{
    [Id(0)] public int LastStep { get; set; } = -1;
    [Id(1)] public int LastDay { get; set; } = -1;
    [Id(2)] public int Bars { get; set; }
    [Id(3)] public double LastClose { get; set; } = double.NaN;
    [Id(4)] public double Peak { get; set; } = double.NaN;
    [Id(5)] public double Drawdown { get; set; } = double.NaN;
    [Id(6)] public double DeepestDrawdown { get; set; } = double.NaN;
    /// <summary>The date of the last step (with or without a bar): a re-sent batch must agree with it.</summary>
    [Id(7)] public int StepDay { get; set; } = -1;

    public InstrumentTrack ToTrack() => new()
    {
        LastStep = LastStep, Bars = Bars, LastDate = LastDay < 0 ? null : DateOnly.FromDayNumber(LastDay),
        LastClose = LastClose, Peak = Peak, Drawdown = Drawdown, DeepestDrawdown = DeepestDrawdown,
    };

    public static TrackState Of(InstrumentTrack track, int stepDay) => new()
    {
        StepDay = stepDay,
        LastStep = track.LastStep, LastDay = track.LastDate?.DayNumber ?? -1, Bars = track.Bars,
        LastClose = track.LastClose, Peak = track.Peak, Drawdown = track.Drawdown,
        DeepestDrawdown = track.DeepestDrawdown,
    };
}

/// <summary>A pair block grain's stored state: the block's exact snapshot and its last step's date.</summary>
[GenerateSerializer]
public sealed class BlockState
{
    [Id(0)] public byte[]? Snapshot { get; set; }
    [Id(1)] public int LastDay { get; set; } = -1;
}

/// <summary>
/// Where a thesis grain stands: its last day closed (day number, −1 before any), whether this activation holds the
/// stream's data (false after a reactivation until <see cref="IThesisGrain.Open"/>), the hash of the data known by the
/// last day (<see cref="Core.Streaming.StreamMarketData.ContentHash"/>; 0 when not open), the days a batch closed, the
/// days it had already (ignored), whether the batch began after a missing day (nothing applied), and whether another
/// feeder holds the grain (<see cref="IThesisGrain.Release"/>; nothing applied).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ThesisAck(
    [property: Id(0)] int LastDay, [property: Id(1)] bool Open, [property: Id(2)] ulong Hash,
    [property: Id(3)] int Applied, [property: Id(4)] int Ignored, [property: Id(5)] bool Gap,
    [property: Id(6)] bool Busy = false);

/// <summary>
/// What a thesis grain needs to hold the stream: the thesis text (and the file it came from, for errors), the coin
/// lists, the buffers the feed creates before its first day (<paramref name="Prelude"/>), and the day its persisted
/// snapshot closed (<paramref name="Through"/>: the grain resumes from it as the days through it are sent again), or −1
/// to start afresh, forgetting any persisted state; sent by <paramref name="Feeder"/> (one client's feed).
/// </summary>
/// With <paramref name="Alerts"/>, the grain also evaluates a rules file on the days it closes (its key then covers
/// the rules: <see cref="ThesisReplay.KeyOf"/>).
[GenerateSerializer, Immutable]
public sealed record ThesisOpening(
    [property: Id(0)] string Thesis, [property: Id(1)] string File, [property: Id(2)] byte[] Classifications,
    [property: Id(3)] byte[] Prelude, [property: Id(4)] int Through, [property: Id(5)] Guid Feeder,
    [property: Id(6)] AlertOpening? Alerts = null);

/// <summary>
/// The alert rules a thesis grain evaluates (docs/alerts.md): the rules file's text (and its name, for errors), and
/// where evaluation starts unless the grain has evaluated days already: the first day (<paramref name="From"/>, a day
/// number), whether that day is a warm-up (a rules file's first run), and what the engine remembers from earlier runs
/// (JSON of <see cref="Core.Alerts.AlertMemory"/>; the store's progress when there is one).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertOpening(
    [property: Id(0)] string Rules, [property: Id(1)] string File, [property: Id(2)] int From,
    [property: Id(3)] bool WarmUp, [property: Id(4)] byte[] Memory);

/// <summary>
/// What a thesis grain's alert engine keeps (<see cref="ThesisAlerts"/>): the first day to evaluate, whether the next
/// day evaluated is a warm-up, the last day evaluated (−1 before any), what the engine remembers and the notifications
/// no client has acknowledged yet (both JSON). Self-contained: it may be written ahead of the stream's snapshot (an
/// acknowledgement is written at once), since days at or before <see cref="LastDay"/> are never evaluated again.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertState(
    [property: Id(0)] int From, [property: Id(1)] bool WarmUp, [property: Id(2)] int LastDay,
    [property: Id(3)] byte[] Memory, [property: Id(4)] byte[] Pending);

/// <summary>Consecutive days for a thesis grain: the first day's number and each day's rows (JSON, in feed
/// order).</summary>
[GenerateSerializer, Immutable]
public sealed record ThesisDays([property: Id(0)] int FirstDay, [property: Id(1)] byte[][] Rows,
    [property: Id(2)] Guid Feeder);

/// <summary>A thesis grain's stored state: the stream's snapshot (<see cref="Core.Streaming.StreamingBoard.Snapshot"/>:
/// its incremental states, not its data), the day it closed and the readiness point of every day closed
/// (<see cref="ReadinessPoints"/>).</summary>
[GenerateSerializer]
public sealed class ThesisState
{
    [Id(0)] public byte[]? Snapshot { get; set; }
    [Id(1)] public int LastDay { get; set; } = -1;
    [Id(2)] public byte[]? Readiness { get; set; }
    /// <summary>The alert engine's state, for a grain that evaluates rules; kept when the stream starts
    /// again.</summary>
    [Id(3)] public AlertState? Alerts { get; set; }
}
