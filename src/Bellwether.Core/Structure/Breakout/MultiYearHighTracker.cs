using Bellwether.Core.Calendars;
using Bellwether.Core.Structure.Resistance;

namespace Bellwether.Core.Structure.Breakout;

/// <summary>
/// The multi-year-high track one row at a time (<see cref="BreakoutAnalysis.Track"/> walks a whole series with it; a
/// stream feeds it rows as they come). At each row the prior multi-year high (<see cref="MultiYearHighScanner"/>);
/// the tracked level's breakout machine, replaced when a different unbroken multi-year high appears and dropped when
/// its bar leaves the lookback. O(1) amortised per row; memory O(rows in the lookback).
/// </summary>
internal sealed class MultiYearHighTracker
{
    private readonly MultiYearHighParameters _parameters;
    private readonly BreakoutParameters _rules;
    private readonly MultiYearHighScanner _scanner;
    /// <summary>Per row from <see cref="_firstRow"/> on (the lookback's rows), the highest value of all earlier
    /// rows.</summary>
    private readonly List<double> _priorMaxima = [];
    private int _firstRow, _rows;
    private double _max = double.NegativeInfinity;
    private MonthEndFlags? _monthEnds;
    private DateOnly? _first;

    public MultiYearHighTracker(MultiYearHighParameters parameters, BreakoutParameters rules)
    {
        (_parameters, _rules) = (parameters, rules);
        _scanner = new MultiYearHighScanner(parameters, rules.Buffer);
    }

    /// <summary>The level tracked after the last row, or null.</summary>
    public LevelStateMachine? Tracked { get; private set; }

    /// <summary>The next row of a series on <paramref name="calendar"/>, in date order; its events go to
    /// <paramref name="events"/>.</summary>
    public void Step(CalendarKind calendar, DateOnly date, double close, double high, double low,
        List<BreakoutEvent> events)
    {
        int i = _rows++;
        _first ??= date;
        _monthEnds ??= new MonthEndFlags(calendar, _first.Value);
        // The value a level is set on: the high (the close when it is missing) or the close.
        double value = _parameters.Basis == PriceBasis.High && double.IsFinite(high) ? high : close;
        _priorMaxima.Add(_max);
        if (value > _max) _max = value; // NaN compares false: skipped
        var standing = _scanner.Step(date, value, close);
        if (_scanner.Start - _firstRow > 256)
        {
            _priorMaxima.RemoveRange(0, _scanner.Start - _firstRow);
            _firstRow = _scanner.Start;
        }
        if (Tracked is not null && Tracked.LevelDate < date.AddYears(-_parameters.LookbackYears)) Tracked = null;
        if (standing is { Unbroken: true } && (Tracked is null || Tracked.LevelDate != standing.Date))
            Tracked = new LevelStateMachine(standing.Price, LevelKind.MultiYearHigh, standing.Date,
                new LevelHistory(standing.Date, standing.Price >= _priorMaxima[standing.Index - _firstRow]), _rules);
        Tracked?.Step(date, close, high, low, i, _monthEnds.At(date), events);
    }

    public void Write(BinaryWriter w)
    {
        _scanner.Write(w);
        // The prior maxima from the lookback's first row on: what a checkpoint needs, whatever was trimmed.
        w.Write(_rows - _scanner.Start);
        for (int row = _scanner.Start; row < _rows; row++) w.Write(_priorMaxima[row - _firstRow]);
        w.Write(_rows); w.Write(_max); w.Write(_first?.DayNumber ?? -1);
        w.Write(Tracked is not null);
        Tracked?.Write(w);
    }

    public void Read(BinaryReader r)
    {
        _scanner.Read(r);
        _priorMaxima.Clear();
        for (int n = r.ReadInt32(), k = 0; k < n; k++) _priorMaxima.Add(r.ReadDouble());
        (_rows, _max) = (r.ReadInt32(), r.ReadDouble());
        _firstRow = _rows - _priorMaxima.Count;
        _first = r.ReadInt32() is var f and >= 0 ? DateOnly.FromDayNumber(f) : null;
        _monthEnds = null; // a cache of the calendar, rebuilt on the next row
        Tracked = r.ReadBoolean() ? LevelStateMachine.Read(r, _rules) : null;
    }
}
