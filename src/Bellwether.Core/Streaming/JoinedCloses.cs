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
    private double[] _levels = [], _returns = [];

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
        // The batch's returns (PeriodReturns on the joined levels), rows with an undefined return dropped.
        int n = _joined.Count, rows = PeriodReturns.OutputLength(kind, n), offset = n - rows;
        if (_levels.Length < n) _levels = new double[2 * n];
        if (_returns.Length < 2 * rows) _returns = new double[4 * rows];
        Span<double> returnsA = _returns.AsSpan(0, rows), returnsB = _returns.AsSpan(rows, rows);
        for (int k = 0; k < 2; k++)
        {
            for (int i = 0; i < n; i++) _levels[i] = k == 0 ? _joined[i].A : _joined[i].B;
            PeriodReturns.Compute(_levels.AsSpan(0, n), kind, k == 0 ? returnsA : returnsB);
        }
        int kept = 0;
        for (int i = 0; i < rows; i++)
            if (!double.IsNaN(returnsA[i]) && !double.IsNaN(returnsB[i])) kept++;
        var (dates, a, b) = (new DateOnly[kept], new double[kept], new double[kept]);
        for (int i = 0, j = 0; i < rows; i++)
            if (!double.IsNaN(returnsA[i]) && !double.IsNaN(returnsB[i]))
                (dates[j], a[j], b[j++]) = (_joined[i + offset].Date, returnsA[i], returnsB[i]);
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
        for (int n = r.ReadInt32(),
            i = 0; i < n; i++) _joined.Add((Snapshots.ReadDate(r)!.Value, r.ReadDouble(), r.ReadDouble()));
    }
}
