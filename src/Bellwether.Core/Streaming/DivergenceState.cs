using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.Divergence;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Divergence;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>divergence</c> incrementally: <see cref="RiskOnDivergence.Compute"/> one row at a time. Each series' drawdown
/// walks as it arrives (<see cref="DrawdownWalker"/>); an index day is joined once the crypto series has a row on or
/// after it (shared when crypto has a point that day), and the latest shared day, its run and the episodes begun are
/// kept. O(1) amortised per row and per day; memory O(the days one series is ahead of the other).
/// </summary>
internal sealed class DivergenceState(DivergenceOf options) : IMeasurementState<DivergenceReading>
{
    private readonly DrawdownWalker _index = new(options.Thresholds.Basis, options.Thresholds.From),
        _crypto = new(options.Thresholds.Basis, options.Thresholds.From);
    private readonly DateJoin _join = new();
    private int _indexConsumed, _cryptoConsumed, _runDays, _episodes;
    private DateOnly? _indexLast, _cryptoLast, _indexLastRow, _cryptoLastRow, _first, _since;
    private DivergenceDay? _latest;

    public Measured<DivergenceReading> Advance(StreamMarketData data, DateOnly day)
    {
        var inputs = new List<SignalInput>();
        var index = Consume(data, options.Index, day, inputs, _index, _join.Left, ref _indexConsumed, ref _indexLast,
            ref _indexLastRow);
        var crypto = Consume(data, options.Crypto, day, inputs, _crypto, _join.Right, ref _cryptoConsumed,
            ref _cryptoLast, ref _cryptoLastRow);
        if (index is null || crypto is null) return Measured.Missing<DivergenceReading>(inputs, day);
        // A row that is not a price reads as the batch's refusal: the message alone.
        if ((_index.Bad ?? _crypto.Bad) is { } bad) return Measured.NotMeasurable<DivergenceReading>(bad, []);
        Join();
        return _latest is null
            ? Measured.NotMeasurable<DivergenceReading>(
                $"{options.Index} and {options.Crypto} share no day with a close on or before {Say.Date(day)}", inputs)
            : Measured.Of(new DivergenceReading(_latest, _since!.Value, _runDays, _episodes, _first!.Value), inputs);
    }

    /// <summary>Walks the rows of <paramref name="id"/> arrived by <paramref name="day"/>; null when it has no close by
    /// then.</summary>
    private static StreamMarketData.SeriesBuffer? Consume(StreamMarketData data, string id, DateOnly day,
        List<SignalInput> inputs,
        DrawdownWalker walk, Action<DateOnly, double> point, ref int consumed, ref DateOnly? lastFinite,
        ref DateOnly? lastRow)
    {
        if (data.Series(id) is not { ClosesOnly: false } buffer)
        {
            inputs.Add(SignalInput.Missing(id));
            return null;
        }
        for (int end = buffer.CountArrivedBy(day); consumed < end; consumed++)
        {
            var bar = buffer[consumed];
            lastRow = bar.Date;
            if (!double.IsNaN(bar.Close)) lastFinite = bar.Date;
            if (walk.Step(bar, buffer.Instrument.Id, out var p)) point(p.Date, p.Drawdown);
        }
        inputs.Add(SignalInput.Of(buffer.Instrument.Id, buffer.Instrument.Calendar, lastFinite, day));
        return lastFinite is null ? null : buffer;
    }

    /// <summary>Joins every index point the crypto rows have reached, in date order.</summary>
    private void Join()
    {
        var p = options.Thresholds;
        if (_indexLastRow is not { } i || _cryptoLastRow is not { } c) return;
        foreach (var (date, indexDrawdown, cryptoDrawdown) in _join.Joined(i < c ? i : c))
        {
            bool active = indexDrawdown >= -p.NearHigh && cryptoDrawdown < -p.DeepDrawdown;
            if (_latest is null || _latest.Active != active)
            {
                (_since, _runDays) = (date, 0);
                if (active) _episodes++;
            }
            _runDays++;
            _first ??= date;
            _latest = new DivergenceDay(date, indexDrawdown, cryptoDrawdown, active);
        }
    }

    public void Declare(FeedInputs inputs) => inputs.Series.UnionWith([options.Index, options.Crypto]);

    public void Write(BinaryWriter w)
    {
        _index.Write(w); _crypto.Write(w);
        _join.Write(w);
        w.Write(_indexConsumed); w.Write(_cryptoConsumed); w.Write(_runDays); w.Write(_episodes);
        foreach (var d in new[] { _indexLast, _cryptoLast, _indexLastRow, _cryptoLastRow, _first,
            _since }) Snapshots.Write(w, d);
        w.Write(_latest is not null);
        if (_latest is { } l)
        {
            Snapshots.Write(w, l.Date); w.Write(l.IndexDrawdown); w.Write(l.CryptoDrawdown); w.Write(l.Active);
        }
    }

    public void Read(BinaryReader r)
    {
        _index.Read(r); _crypto.Read(r);
        _join.Read(r);
        (_indexConsumed, _cryptoConsumed, _runDays, _episodes) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32(),
            r.ReadInt32());
        (_indexLast, _cryptoLast, _indexLastRow) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r),
            Snapshots.ReadDate(r));
        (_cryptoLastRow, _first, _since) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r), Snapshots.ReadDate(r));
        _latest = r.ReadBoolean()
            ? new DivergenceDay(Snapshots.ReadDate(r)!.Value, r.ReadDouble(), r.ReadDouble(), r.ReadBoolean())
            : null;
    }
}
