using Bellwether.Core.Board;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;

namespace Bellwether.Core.Streaming;

/// <summary>
/// Two series' finite closes joined on their shared dates as rows arrive (<see cref="DateJoin"/>: the dates of
/// <see cref="DailyAlignment"/>), the joined closes from a window's first day on kept in order. The rows of a window
/// are the batch's: returns between consecutive joined dates (or levels), a row with an undefined return dropped.
/// O(1) amortised per bar; memory O(joined days in the window).
/// </summary>
internal sealed class JoinedCloses(string a, string b, ReturnKind kind)
{
    private readonly string[] _wanted = [a, b], _ids = [a, b];
    private readonly DateJoin _join = new();
    private readonly int[] _consumed = new int[2];
    private readonly DateOnly?[] _lastRow = new DateOnly?[2], _lastFinite = new DateOnly?[2];
    private readonly List<(DateOnly Date, double A, double B)> _joined = [];

    /// <summary>
    /// Takes the rows of both series arrived by <paramref name="day"/>, records them in <paramref name="inputs"/> (a,
    /// b) and joins the dates both have reached; false when a series is missing or has no close yet.
    /// </summary>
    public bool Advance(StreamMarketData data, DateOnly day, List<SignalInput> inputs)
    {
        for (int k = 0; k < 2; k++)
        {
            if (data.Series(_wanted[k]) is not { ClosesOnly: false } buffer)
            {
                inputs.Add(SignalInput.Missing(_wanted[k]));
                continue;
            }
            _ids[k] = buffer.Instrument.Id;
            for (int end = buffer.CountArrivedBy(day); _consumed[k] < end; _consumed[k]++)
            {
                var bar = buffer[_consumed[k]];
                _lastRow[k] = bar.Date;
                if (double.IsNaN(bar.Close)) continue;
                _lastFinite[k] = bar.Date;
                if (k == 0) _join.Left(bar.Date, bar.Close);
                else _join.Right(bar.Date, bar.Close);
            }
            inputs.Add(SignalInput.Of(buffer.Instrument.Id, buffer.Instrument.Calendar, _lastFinite[k], day));
        }
        if (inputs.Any(i => i.LastDate is null)) return false;
        _joined.AddRange(_join.Joined(_lastRow[0] < _lastRow[1] ? _lastRow[0]!.Value : _lastRow[1]!.Value));
        return true;
    }

    /// <summary>The joined dates not forgotten yet, with both closes, in date order.</summary>
    public IReadOnlyList<(DateOnly Date, double A, double B)> Joined => _joined;

    /// <summary>Forgets the <paramref name="count"/> oldest joined dates.</summary>
    public void Forget(int count) => _joined.RemoveRange(0, count);

    /// <summary>The rows of the window <paramref name="from"/> … <paramref name="until"/>, as
    /// <see cref="ReturnAlignment.Align(Series.DailySeries, Series.DailySeries, AlignmentOptions)"/> gives them at
    /// daily frequency; joined days before <paramref name="from"/> are forgotten (windows only move forward).</summary>
    public AlignedReturns Window(DateOnly from, DateOnly until)
    {
        int old = 0;
        while (old < _joined.Count && _joined[old].Date < from) old++;
        Forget(old);
        var raw = new[] { _joined.Select(j => j.A).ToArray(), _joined.Select(j => j.B).ToArray() }
            .Select(levels => PeriodReturns.Compute(levels, kind)).ToArray();
        int rows = raw[0].Length, offset = _joined.Count - rows;
        var keep = Enumerable.Range(0, rows).Where(i => !double.IsNaN(raw[0][i]) && !double.IsNaN(raw[1][i])).ToArray();
        return new AlignedReturns([.. _ids], [.. keep.Select(i => _joined[i + offset].Date)],
            [.. raw.Select(c => keep.Select(i => c[i]).ToArray())], _joined.Count > 0 ? _joined[0].Date : null,
            new AlignmentOptions(from, until, Frequency.Daily, kind), false, rows - keep.Length);
    }

    public void Write(BinaryWriter w)
    {
        _join.Write(w);
        for (int k = 0; k < 2; k++)
        {
            w.Write(_consumed[k]);
            Snapshots.Write(w, _lastRow[k]);
            Snapshots.Write(w, _lastFinite[k]);
        }
        w.Write(_joined.Count);
        foreach (var (date, a, b) in _joined) { Snapshots.Write(w, date); w.Write(a); w.Write(b); }
    }

    public void Read(BinaryReader r)
    {
        _join.Read(r);
        for (int k = 0; k < 2; k++) (_consumed[k], _lastRow[k], _lastFinite[k]) = (r.ReadInt32(), Snapshots.ReadDate(r),
            Snapshots.ReadDate(r));
        _joined.Clear();
        for (int n = r.ReadInt32(),
            i = 0; i < n; i++) _joined.Add((Snapshots.ReadDate(r)!.Value, r.ReadDouble(), r.ReadDouble()));
    }
}
