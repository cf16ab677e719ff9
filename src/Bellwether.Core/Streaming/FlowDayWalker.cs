using Bellwether.Core.Calendars;
using Bellwether.Core.Statistics.EtfFlows;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <see cref="EtfFlowStatistics.Build"/>'s flow days one row at a time: a fund counts from its first non-zero value
/// (zeros before it mean "not launched"), a row without any value or a closed-market day of zeros is no flow day, and
/// a day's total is the sum of the launched funds that reported. O(F) per row for F funds; memory O(F).
/// </summary>
internal sealed class FlowDayWalker
{
    private bool[] _launched = [];
    private DateOnly? _calendarStart;

    /// <summary>Row <paramref name="i"/> of <paramref name="table"/>: true with its total when it is a flow day
    /// (<paramref name="partial"/>: a launched fund has no value).</summary>
    public bool Step(StreamMarketData.FlowBuffer table, int i, out double total, out bool partial)
    {
        if (_launched.Length == 0) _launched = new bool[table.Funds.Length];
        _calendarStart ??= table.Date(0);
        var values = table.Values(i);
        total = 0;
        partial = false;
        int count = 0;
        bool anyFlow = false;
        for (int f = 0; f < values.Length; f++)
        {
            double v = values[f];
            if (!double.IsNaN(v)) { count++; anyFlow |= v != 0; _launched[f] |= v != 0; }
            if (!_launched[f]) continue;
            if (double.IsNaN(v)) { partial = true; continue; }
            total += v;
        }
        if (count == 0) return false;
        return anyFlow || TradingCalendar.For(table.Instrument.Calendar, _calendarStart.Value).IsSession(table.Date(i));
    }

    public void Write(BinaryWriter w)
    {
        Snapshots.Write(w, _calendarStart);
        w.Write(_launched.Length);
        foreach (var l in _launched) w.Write(l);
    }

    public void Read(BinaryReader r)
    {
        _calendarStart = Snapshots.ReadDate(r);
        _launched = new bool[r.ReadInt32()];
        for (int f = 0; f < _launched.Length; f++) _launched[f] = r.ReadBoolean();
    }
}
