using Bellwether.Core.Board;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;

namespace Bellwether.Core.Streaming;

/// <summary>
/// Two series' finite closes joined on their shared dates as rows arrive (<see cref="DateJoin"/>: the dates of
/// <see cref="DailyAlignment"/>), the joined closes from a window's first day on kept in order. The rows of a window
/// are the batch's: returns between consecutive joined dates (or levels), a row with an undefined return dropped. Each
/// joined date's return from the one before is computed once, when it is joined (the batch's arithmetic, so equal to
/// the last bit). O(1) amortised per bar; memory O(joined days in the window).
/// </summary>
internal sealed class JoinedCloses(string a, string b, ReturnKind kind)
{
    private readonly string[] _wanted = [a, b], _ids = [a, b];
    private readonly DateJoin _join = new();
    private readonly int[] _consumed = new int[2];
    private readonly DateOnly?[] _lastRow = new DateOnly?[2], _lastFinite = new DateOnly?[2];
    private readonly List<(DateOnly Date, double A, double B)> _joined = [];
    /// <summary>Per joined date, both returns from the joined date before it (the levels for
    /// <see cref="ReturnKind.Levels"/>); NaN for the first.</summary>
    private readonly List<(double A, double B)> _returns = [];

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
        foreach (var row in _join.Joined(_lastRow[0] < _lastRow[1] ? _lastRow[0]!.Value : _lastRow[1]!.Value))
        {
            _joined.Add(row);
            _returns.Add(ReturnsInto(_joined.Count - 1));
        }
        return true;
    }

    /// <summary>The joined dates not forgotten yet, with both closes, in date order.</summary>
    public IReadOnlyList<(DateOnly Date, double A, double B)> Joined => _joined;

    /// <summary>Forgets the <paramref name="count"/> oldest joined dates.</summary>
    public void Forget(int count)
    {
        _joined.RemoveRange(0, count);
        _returns.RemoveRange(0, count);
    }

    /// <summary>Both returns from joined date <paramref name="i"/> − 1 to <paramref name="i"/>, as
    /// <see cref="PeriodReturns.Compute(ReadOnlySpan{double}, ReturnKind, Span{double})"/> gives them (the levels for
    /// <see cref="ReturnKind.Levels"/>).</summary>
    private (double A, double B) ReturnsInto(int i)
    {
        if (kind == ReturnKind.Levels) return (_joined[i].A, _joined[i].B);
        if (i == 0) return (double.NaN, double.NaN);
        Span<double> levels = stackalloc double[2], step = stackalloc double[2];
        (levels[0], levels[1]) = (_joined[i - 1].A, _joined[i].A);
        PeriodReturns.Compute(levels, kind, step[..1]);
        (levels[0], levels[1]) = (_joined[i - 1].B, _joined[i].B);
        PeriodReturns.Compute(levels, kind, step[1..]);
        return (step[0], step[1]);
    }

    /// <summary>The rows of the window <paramref name="from"/> … <paramref name="until"/>, as
    /// <see cref="ReturnAlignment.Align(Series.DailySeries, Series.DailySeries, AlignmentOptions)"/> gives them at
    /// daily frequency; joined days before <paramref name="from"/> are forgotten (windows only move forward).</summary>
    public AlignedReturns Window(DateOnly from, DateOnly until)
    {
        int old = 0;
        while (old < _joined.Count && _joined[old].Date < from) old++;
        Forget(old);
        // The batch's returns (PeriodReturns on the joined levels: row i is the return into joined date i + offset),
        // rows with an undefined return dropped.
        int n = _joined.Count, rows = PeriodReturns.OutputLength(kind, n), offset = n - rows;
        int kept = 0;
        for (int i = offset; i < n; i++)
            if (!double.IsNaN(_returns[i].A) && !double.IsNaN(_returns[i].B)) kept++;
        var (dates, a, b) = (new DateOnly[kept], new double[kept], new double[kept]);
        for (int i = offset, j = 0; i < n; i++)
            if (!double.IsNaN(_returns[i].A) && !double.IsNaN(_returns[i].B))
                (dates[j], a[j], b[j++]) = (_joined[i].Date, _returns[i].A, _returns[i].B);
        return new AlignedReturns([.. _ids], dates, [a, b], n > 0 ? _joined[0].Date : null,
            new AlignmentOptions(from, until, Frequency.Daily, kind), false, rows - kept);
    }

    /// <summary>Both series are read whole.</summary>
    public void Declare(FeedInputs inputs) => inputs.Series.UnionWith(_wanted);

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
        _returns.Clear();
        for (int n = r.ReadInt32(), i = 0; i < n; i++)
        {
            _joined.Add((Snapshots.ReadDate(r)!.Value, r.ReadDouble(), r.ReadDouble()));
            // The first kept date's return (from a date forgotten) is never read: a window's first row has none.
            _returns.Add(ReturnsInto(i));
        }
    }
}
