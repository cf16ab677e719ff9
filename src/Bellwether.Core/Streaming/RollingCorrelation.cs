using Bellwether.Core.Statistics.Rolling;

namespace Bellwether.Core.Streaming;

/// <summary>
/// Pearson's correlation of the last <see cref="Window"/> pairs fed, kept current in O(1) per pair: the entering pair
/// replaces the leaving one in the co-moments (<see cref="CoMoments.Replace"/>) of values shifted by a recent window
/// mean (so prices far from zero keep the precision of their deviations). The window is recomputed exactly
/// (corrected two-pass) once every <see cref="Window"/> pairs, and at once when a sum of squares falls below 1e-4 of
/// its peak since the last recomputation (a calm window after a volatile one), as <see cref="RollingCoMoments"/>
/// does: O(1) amortised, memory O(window). A pair with a NaN is not fed (the caller aligns the pairs).
/// </summary>
public sealed class RollingCorrelation
{
    private const double CollapseRatio = 1e-4;
    private readonly double[] _x, _y;
    private CoMoments _moments;
    private double _shiftX, _shiftY, _peakX, _peakY;
    private long _fed;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is below 2.</exception>
    public RollingCorrelation(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        (_x, _y) = (new double[window], new double[window]);
    }

    /// <summary>Pairs in the window.</summary>
    public int Window => _x.Length;

    /// <summary>Pairs in the window so far (at most <see cref="Window"/>).</summary>
    public int Count => _moments.Count;

    /// <summary>The correlation of the pairs in the window; NaN below two pairs or with a constant side.</summary>
    public double Correlation => _moments.Correlation;

    /// <summary>Adds the pair (x, y); once the window is full the oldest pair leaves.</summary>
    public void Add(double x, double y)
    {
        int slot = (int)(_fed % _x.Length);
        if (_fed == 0) (_shiftX, _shiftY) = (x, y);
        if (_fed < _x.Length) _moments.Add(x - _shiftX, y - _shiftY);
        else if (slot != 0)
            _moments.Replace(_x[slot] - _shiftX, _y[slot] - _shiftY, x - _shiftX, y - _shiftY, 1.0 / _x.Length);
        _x[slot] = x;
        _y[slot] = y;
        _fed++;
        if (_fed > _x.Length && slot == 0 || _moments.SumSqX < CollapseRatio * _peakX || _moments.SumSqY < CollapseRatio
            * _peakY)
            Recompute();
        _peakX = Math.Max(_peakX, _moments.SumSqX);
        _peakY = Math.Max(_peakY, _moments.SumSqY);
    }

    private void Recompute()
    {
        int n = (int)Math.Min(_fed, _x.Length);
        (_shiftX, _shiftY) = (_shiftX + _moments.MeanX, _shiftY + _moments.MeanY);
        _moments = CoMoments.Of(_x.AsSpan(0, n), _y.AsSpan(0, n), _shiftX, _shiftY);
        (_peakX, _peakY) = (_moments.SumSqX, _moments.SumSqY);
    }
}
