using Bellwether.Core.Board;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Streaming;

/// <summary>
/// A thesis followed day by day (docs/streaming.md). Feed what arrived during a day
/// (<see cref="Bar(Instrument, DailyBar, DateOnly, bool)"/>, <see cref="Flow"/>, <see cref="Ranking"/>), then
/// <see cref="Close"/> the day: every signal with an incremental state (<see cref="IncrementalSignals"/>) consumes
/// only the new rows, the others are read in batch on the data known that day, and the board as of that day comes
/// back, equal to <see cref="ThesisBoard.Evaluate"/> on the same data.
/// </summary>
/// <remarks>
/// <para>Revisions and late data: a row fed for a date that already has one (a replaced bar, a revised value) or
/// before a series' last row (a backfill), or a ranking older than its list's last one, rewinds the states to the
/// last checkpoint taken before that date (one every <c>checkpointEvery</c> days, the last <c>checkpointsKept</c>
/// kept; none: the start) and replays the days since, so the next day's state is the one a batch reaches.</para>
/// <para>Single-threaded: one stream per thesis, fed by one caller.</para>
/// </remarks>
public sealed class StreamingBoard
{
    /// <summary>The snapshot format; a snapshot of another version is refused.</summary>
    public const int SnapshotVersion = 3;

    private static readonly byte[] Magic = "BWSTREAM"u8.ToArray();

    private readonly ThesisDefinition _thesis;
    private readonly ISignalKind[] _kinds;
    private readonly ISignalState?[] _states;
    private readonly int _checkpointEvery, _checkpointsKept;
    private readonly List<(DateOnly Day, byte[] States)> _checkpoints = [];
    private DateOnly? _first, _day, _lastCheckpoint, _rewindFrom;

    /// <param name="classifications">The coin lists, undated.</param>
    /// <exception cref="ThesisException">The thesis does not validate against <paramref name="kinds"/>.</exception>
    public StreamingBoard(ThesisDefinition thesis, SignalKinds kinds, IReadOnlyList<CoinClassification> classifications,
        int checkpointEvery = 32, int checkpointsKept = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(checkpointEvery, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(checkpointsKept, 1);
        kinds.Validate(thesis);
        _thesis = thesis;
        _kinds = [.. thesis.Signals.Select(s => kinds.Find(s.Kind)!)];
        _states = Fresh();
        (_checkpointEvery, _checkpointsKept) = (checkpointEvery, checkpointsKept);
        Data = new StreamMarketData(classifications);
    }

    /// <summary>What the stream was fed.</summary>
    public StreamMarketData Data { get; }

    /// <summary>The last day closed, or null.</summary>
    public DateOnly? Day => _day;

    /// <summary>The signals read in batch each day because their kind has no incremental state: "id (kind)".</summary>
    public IReadOnlyList<string> BatchKinds =>
        [.. _thesis.Signals.Where((_, k) => _states[k] is null).Select((s, _) => $"{s.Id} ({s.Kind})")];

    /// <summary>
    /// The first day to close, and every day after it, for the board on <paramref name="firstRead"/> to equal the
    /// batch's (<see cref="ISignalState.WarmUpFrom"/>; a signal read in batch needs no earlier day).
    /// </summary>
    public DateOnly WarmUpFrom(DateOnly firstRead) =>
        _states.Select(s => s?.WarmUpFrom(firstRead) ?? firstRead).Append(firstRead).Min();

    /// <summary>A bar of <paramref name="instrument"/> that became public on <paramref name="arrived"/>.</summary>
    /// <param name="closesOnly">Only the close is meaningful (the closes of a whole class).</param>
    public void Bar(Instrument instrument, DailyBar bar, DateOnly arrived, bool closesOnly = false) =>
        Bar(Data.SeriesOf(instrument, closesOnly), bar, arrived, closesOnly);

    /// <summary>A bar of <paramref name="series"/>, a buffer of <see cref="Data"/>.</summary>
    internal void Bar(StreamMarketData.SeriesBuffer series, DailyBar bar, DateOnly arrived, bool closesOnly)
    {
        if (series.Put(bar, arrived, closesOnly) >= 0) Revised(bar.Date);
    }

    /// <summary>A row of flow table <paramref name="instrument"/> (funds in <paramref name="funds"/> order).</summary>
    public void Flow(Instrument instrument, string[] funds, string source, DateOnly date, double[] values, double total,
        bool derived, DateOnly arrived)
    {
        if (Data.FlowsOf(instrument, funds, source).Put(date, values, total, derived, arrived) >= 0) Revised(date);
    }

    /// <summary>One ranking snapshot (one list, one date, rank order).</summary>
    public void Ranking(IReadOnlyList<RankedCoin> snapshot)
    {
        if (snapshot.Count > 0 && !Data.AddRanking(snapshot) | _day >= snapshot[0].Date) Revised(snapshot[0].Date);
    }

    /// <summary>A row dated <paramref name="date"/> changed; states consumed it only if the day was closed.</summary>
    private void Revised(DateOnly date)
    {
        if (_day >= date) _rewindFrom = _rewindFrom is { } r && r < date ? r : date;
    }

    /// <summary>
    /// Ends <paramref name="day"/>: rewinds and replays first if a revision came, then advances every state and
    /// returns the board as of <paramref name="day"/> (null when <paramref name="read"/> is false: warm-up days).
    /// Explanations of incrementally read signals are empty; <see cref="Board"/> reads them.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="day"/> is not after the last day closed.</exception>
    public BoardResult? Close(DateOnly day, bool read = true)
    {
        if (_day is { } last
            && day <= last) throw new ArgumentException(
            $"day {day:yyyy-MM-dd} is not after the last day closed, {last:yyyy-MM-dd}", nameof(day));
        if (_rewindFrom is { } from) Replay(from);
        _first ??= day;
        return Step(day, read);
    }

    /// <summary>The board as of the last day closed in batch on the stream's data, with every explanation.</summary>
    public BoardResult Board() =>
        ThesisBoard.EvaluateValidated(_thesis,
            Data.At(_day ?? throw new InvalidOperationException("no day closed yet")),
            _day.Value, new SignalKinds(_kinds.Distinct()));

    private BoardResult? Step(DateOnly day, bool read)
    {
        var results = read ? new SignalResult[_states.Length] : null;
        IMarketData? known = null;
        for (int k = 0; k < _states.Length; k++)
        {
            var spec = _thesis.Signals[k];
            if (_states[k] is { } state)
            {
                var reading = state.Advance(Data, day);
                if (results is not null) results[k] = ThesisBoard.Result(spec, _kinds[k], reading);
            }
            else if (results is not null)
            {
                known ??= Data.At(day);
                results[k] = ThesisBoard.Result(spec, _kinds[k], _kinds[k].Read(spec, known, day));
            }
        }
        _day = day;
        if (_lastCheckpoint is not { } c || day.DayNumber - c.DayNumber >= _checkpointEvery)
        {
            _checkpoints.Add((day, WriteStates()));
            if (_checkpoints.Count > _checkpointsKept) _checkpoints.RemoveAt(0);
            _lastCheckpoint = day;
        }
        return results is null ? null : ThesisBoard.Combine(_thesis, results, day);
    }

    /// <summary>Back to the last checkpoint before <paramref name="from"/> (or the start), then every day again up to
    /// the last day closed.</summary>
    private void Replay(DateOnly from)
    {
        _rewindFrom = null;
        var end = _day!.Value;
        _checkpoints.RemoveAll(c => c.Day >= from);
        DateOnly next;
        if (_checkpoints.Count > 0)
        {
            var (day, states) = _checkpoints[^1];
            ReadStates(states);
            next = day.AddDays(1);
            _lastCheckpoint = day;
        }
        else
        {
            Array.Copy(Fresh(), _states, _states.Length);
            next = _first!.Value;
            _lastCheckpoint = null;
        }
        for (var d = next; d <= end; d = d.AddDays(1)) Step(d, read: false);
    }

    private ISignalState?[] Fresh() => [.. _thesis.Signals.Select((s, k) => IncrementalSignals.For(_kinds[k], s))];

    private byte[] WriteStates()
    {
        // Sized as the last checkpoint: states grow slowly, so the buffer rarely grows while written.
        using var buffer = new MemoryStream(_checkpoints.Count > 0 ? _checkpoints[^1].States.Length + 1024 : 0);
        using (var w = new BinaryWriter(buffer))
            foreach (var s in _states) s?.Write(w);
        return buffer.ToArray();
    }

    private void ReadStates(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        foreach (var s in _states) s?.Read(r);
    }

    /// <summary>
    /// The engine's state as a versioned snapshot: format version, the thesis's signals (id, kind, parameters), the
    /// first and last day closed, the checkpoint cadence, and every incremental state. The data is not in it: resume
    /// with <see cref="Resume"/>, feed the rows known by the snapshot's day, then the rows since.
    /// </summary>
    public byte[] Snapshot()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer))
        {
            w.Write(Magic);
            w.Write(SnapshotVersion);
            w.Write(Fingerprint(_thesis));
            Snapshots.Write(w, _first); Snapshots.Write(w, _day); Snapshots.Write(w, _lastCheckpoint);
            w.Write(Data.ContentHash(_day));
            var states = WriteStates();
            w.Write(states.Length);
            w.Write(states);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Restores <paramref name="snapshot"/> into this fresh stream (same thesis), which has been fed the rows known by
    /// the snapshot's day (<see cref="SnapshotDay"/>) and no others: the same rows, or the snapshot is refused.
    /// </summary>
    /// <exception cref="InvalidDataException">Not a snapshot, another format version, another thesis, or other data.
    /// </exception>
    public void Resume(byte[] snapshot)
    {
        if (_day is not null) throw new InvalidOperationException("resume a fresh stream only");
        using var r = Header(snapshot, _thesis);
        (_first, _day, _lastCheckpoint) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r), Snapshots.ReadDate(r));
        if (r.ReadUInt64() != Data.ContentHash(_day))
        {
            (_first, _day, _lastCheckpoint) = (null, null, null);
            throw new InvalidDataException(
                "the stream snapshot was taken on other data (the store changed since): replay from the store");
        }
        try
        {
            ReadStates(r.ReadBytes(r.ReadInt32()));
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the stream snapshot is cut short: replay from the store", e);
        }
    }

    /// <summary>The last day closed by the stream <paramref name="snapshot"/> of <paramref name="thesis"/>, or null
    /// when it closed none.</summary>
    /// <exception cref="InvalidDataException">Not a snapshot, another format version, or another thesis.</exception>
    public static DateOnly? SnapshotDay(byte[] snapshot, ThesisDefinition thesis)
    {
        using var r = Header(snapshot, thesis);
        Snapshots.ReadDate(r);
        return Snapshots.ReadDate(r);
    }

    /// <summary>A reader past the header of <paramref name="snapshot"/>, checked against
    /// <paramref name="thesis"/>.</summary>
    private static BinaryReader Header(byte[] snapshot, ThesisDefinition thesis)
    {
        var r = new BinaryReader(new MemoryStream(snapshot));
        try
        {
            if (snapshot.Length < Magic.Length + 4 || !r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException("not a Bellwether stream snapshot");
            int version = r.ReadInt32();
            if (version != SnapshotVersion)
                throw new InvalidDataException(
                    $"stream snapshot format {version}, this version reads {SnapshotVersion} only: replay from the " +
                    $"store");
            if (r.ReadString() != Fingerprint(thesis))
                throw new InvalidDataException(
                    "the stream snapshot is of another thesis or other parameters: replay from the store");
            return r;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            r.Dispose();
            throw new InvalidDataException("the stream snapshot is cut short: replay from the store", e);
        }
        catch
        {
            r.Dispose();
            throw;
        }
    }

    private static string Fingerprint(ThesisDefinition thesis) => string.Join("\n", thesis.Signals.Select(s =>
        $"{s.Id}|{s.Kind}|" + string.Join(",",
            s.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))));
}
