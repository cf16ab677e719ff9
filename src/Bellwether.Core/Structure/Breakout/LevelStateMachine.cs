using Bellwether.Core.Series;

namespace Bellwether.Core.Structure.Breakout;

/// <summary>
/// The breakout state machine of one level, fed one bar at a time in date order. It reads only the bar it is given
/// (and whether that bar is a month's last session), so its state after bar i depends on bars up to i alone.
/// </summary>
/// <param name="history">How long the level has stood and whether it was an all-time high; null for a level whose
/// history is not known (a caller's level): its breakouts are never judged too young.</param>
internal sealed class LevelStateMachine(double level, LevelKind kind, DateOnly levelDate, LevelHistory? history,
    BreakoutParameters rules)
{
    private enum Phase { BeforeBreakout, AfterBreakout, AfterFailure }

    private Phase _phase = Phase.BeforeBreakout;
    private int _breakoutIndex, _streak;
    private bool _confirmed, _retested, _started, _recentTop;
    private BreakoutState _state;
    private DateOnly _since, _breakoutDate;

    public double Level { get; } = level;
    public LevelKind Kind { get; } = kind;
    public DateOnly LevelDate { get; } = levelDate;

    /// <summary>The state; a standing breakout of a top younger than the minimum is a new (all-time) high
    /// instead.</summary>
    public BreakoutState State => ClearedRecentTop
        ? history!.AllTimeHigh ? BreakoutState.AllTimeHigh : BreakoutState.NewHigh
        : _state;

    public DateOnly Since => ClearedRecentTop ? _breakoutDate : _since;

    private bool ClearedRecentTop => _phase == Phase.AfterBreakout && _recentTop;

    /// <summary>Advances over row <paramref name="i"/>; bars with a NaN close are skipped (no state change).</summary>
    public void Step(DailySeries s, int i, bool monthEnd, List<BreakoutEvent> events) =>
        Step(s.Dates[i], s.Close[i], s.High[i], s.Low[i], i, monthEnd, events);

    /// <summary>Advances over row <paramref name="i"/> of its series, dated <paramref name="date"/>.</summary>
    public void Step(DateOnly date, double close, double barHigh, double barLow, int i, bool monthEnd,
        List<BreakoutEvent> events)
    {
        if (double.IsNaN(close)) return;
        double high = double.IsFinite(barHigh) ? barHigh : close;
        double low = double.IsFinite(barLow) ? barLow : close;

        if (_phase != Phase.AfterBreakout)
        {
            if (close > Level * (1 + rules.Buffer))
            {
                _phase = Phase.AfterBreakout;
                _breakoutIndex = i;
                _streak = 1;
                _confirmed = _retested = false;
                _breakoutDate = date;
                _recentTop = history is not null && date.DayNumber - history.HeldSince.DayNumber < rules.MinHeldDays;
                Emit(events, date, BreakoutEventType.Breakout, close, BreakoutState.Breakout);
                TryConfirm(events, date, close, monthEnd);
            }
            else if (_phase == Phase.AfterFailure) Enter(date, BreakoutState.Failed);
            else Enter(date, Classify(high, close));
            return;
        }

        if (close < Level * (1 - rules.FailBand))
        {
            bool early = i - _breakoutIndex <= rules.FailBars;
            _phase = early ? Phase.AfterFailure : Phase.BeforeBreakout;
            Emit(events, date, early ? BreakoutEventType.Failed : BreakoutEventType.Reversed, close,
                early ? BreakoutState.Failed : Classify(high, close));
            return;
        }
        if (!_confirmed)
        {
            _streak = close > Level ? _streak + 1 : 0;
            TryConfirm(events, date, close, monthEnd);
            return;
        }
        bool inRetestBand = low <= Level * (1 + rules.RetestBand);
        if (!_retested && inRetestBand && close >= Level)
        {
            _retested = true;
            Emit(events, date, BreakoutEventType.Retest, close, BreakoutState.Retest);
        }
        // A retest lasts while price is at the level: a bar wholly above the band ends it, a bar back in it resumes it.
        else if (_retested) Enter(date, inRetestBand ? BreakoutState.Retest : BreakoutState.Above);
    }

    /// <summary>Writes the level and the machine's state (a stream's checkpoint).</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Level); w.Write((int)Kind); w.Write(LevelDate.DayNumber);
        w.Write(history is not null);
        if (history is not null) { w.Write(history.HeldSince.DayNumber); w.Write(history.AllTimeHigh); }
        w.Write((int)_phase); w.Write(_breakoutIndex); w.Write(_streak);
        w.Write(_confirmed); w.Write(_retested); w.Write(_started); w.Write(_recentTop);
        w.Write((int)_state); w.Write(_since.DayNumber); w.Write(_breakoutDate.DayNumber);
    }

    /// <summary>The machine <see cref="Write"/> wrote, under <paramref name="rules"/>.</summary>
    public static LevelStateMachine Read(BinaryReader r, BreakoutParameters rules)
    {
        var (level, kind, levelDate) = (r.ReadDouble(), (LevelKind)r.ReadInt32(),
            DateOnly.FromDayNumber(r.ReadInt32()));
        var history = r.ReadBoolean() ? new LevelHistory(DateOnly.FromDayNumber(r.ReadInt32()), r.ReadBoolean()) : null;
        return new LevelStateMachine(level, kind, levelDate, history, rules)
        {
            _phase = (Phase)r.ReadInt32(),
            _breakoutIndex = r.ReadInt32(),
            _streak = r.ReadInt32(),
            _confirmed = r.ReadBoolean(),
            _retested = r.ReadBoolean(),
            _started = r.ReadBoolean(),
            _recentTop = r.ReadBoolean(),
            _state = (BreakoutState)r.ReadInt32(),
            _since = DateOnly.FromDayNumber(r.ReadInt32()),
            _breakoutDate = DateOnly.FromDayNumber(r.ReadInt32()),
        };
    }

    private void TryConfirm(List<BreakoutEvent> events, DateOnly date, double close, bool monthEnd)
    {
        if (_streak >= rules.ConfirmCloses || (rules.ConfirmOnMonthEnd && monthEnd && close > Level))
        {
            _confirmed = true;
            Emit(events, date, BreakoutEventType.Confirmed, close, BreakoutState.Confirmed);
        }
    }

    private BreakoutState Classify(double high, double close) =>
        high >= Level * (1 - rules.TestBand) ? BreakoutState.Testing
        : close >= Level * (1 - rules.ApproachBand) ? BreakoutState.Approaching
        : BreakoutState.Below;

    private void Emit(List<BreakoutEvent> events, DateOnly date, BreakoutEventType type, double close,
        BreakoutState state)
    {
        events.Add(new BreakoutEvent(date, type, Level, close, Kind, LevelDate));
        _state = state;
        _since = date;
        _started = true;
    }

    private void Enter(DateOnly date, BreakoutState state)
    {
        if (_started && state == _state) return;
        _state = state;
        _since = date;
        _started = true;
    }
}

/// <summary>What a level's own history says about it.</summary>
/// <param name="HeldSince">Since when price has respected it: a multi-year high's bar, a zone's first touch.</param>
/// <param name="AllTimeHigh">Whether it was at or above every earlier value of the stored history.</param>
internal sealed record LevelHistory(DateOnly HeldSince, bool AllTimeHigh);
