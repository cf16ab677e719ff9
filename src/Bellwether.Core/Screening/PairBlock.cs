using Bellwether.Core.Statistics.Rolling;

namespace Bellwether.Core.Screening;

/// <summary>
/// The rolling correlations of a block of pairs (<see cref="ScreenLayout"/>), fed one step of the universe's calendar
/// at a time with each member's close (NaN: no bar that step). A member's return at step t is
/// <c>ln(close_t / close at its previous bar)</c>, spanning t minus that bar's step. Per pair and lag k (0 to
/// <see cref="ScreenOptions.MaxLag"/>, both directions) the block keeps the co-moments of the return pairs of the last
/// <see cref="ScreenOptions.Window"/> steps: at lag 0 a step counts when both members have a return of the same span
/// (so a weekday market's Monday return, Friday to Monday, never meets a coin's Sunday to Monday one); at lag k it
/// counts when the follower has a return at t and the leader one at t − k.
/// </summary>
/// <remarks>
/// Returns live once per member in a ring of W + MaxLag + 1 steps, so a pair lane costs one <see cref="CoMoments"/>
/// (48 bytes): the entering pair replaces the leaving one in O(1), and every lane is recomputed exactly (two-pass)
/// at each step t with (t + 1) divisible by W, so rounding never accumulates past one window. Every lane's arithmetic
/// depends on its two members' returns only: any layout gives the same values to the last bit.
/// </remarks>
public sealed class PairBlock
{
    private const int SnapshotVersion = 1;
    private readonly ScreenOptions _options;
    private readonly int[] _members;
    private readonly (int A, int B)[] _pairs;
    private readonly int _ring;
    private readonly double[] _returns;
    private readonly int[] _spans;
    private readonly double[] _lastClose;
    private readonly int[] _lastBar;
    private readonly CoMoments[] _lanes;

    /// <param name="members">The block's instruments, ascending (their universe indices).</param>
    /// <param name="pairs">Pairs as indices into <paramref name="members"/>.</param>
    public PairBlock(ScreenOptions options, int[] members, (int A, int B)[] pairs)
    {
        (_options, _members, _pairs) = (options, members, pairs);
        _ring = options.Window + options.MaxLag + 1;
        _returns = new double[members.Length * _ring];
        _spans = new int[members.Length * _ring];
        _lastClose = new double[members.Length];
        _lastBar = new int[members.Length];
        Array.Fill(_lastBar, -1);
        _lanes = new CoMoments[pairs.Length * LanesPerPair];
    }

    /// <summary>Block <paramref name="block"/> of <paramref name="layout"/>.</summary>
    public static PairBlock Of(ScreenLayout layout, int block, ScreenOptions options) =>
        new(options, layout.Members(block), layout.Pairs(block));

    /// <summary>
    /// The pairs of <paramref name="target"/> with each other instrument of a universe of
    /// <paramref name="instruments"/>, the lower index first as in every layout (so the values are the layout's to the
    /// last bit): the in-process screen of one instrument, O(n) per step instead of O(n²).
    /// </summary>
    public static PairBlock Star(int instruments, int target, ScreenOptions options) =>
        new(options, [.. Enumerable.Range(0, instruments)],
            [.. Enumerable.Range(0, instruments).Where(j => j != target)
                .Select(j => (Math.Min(j, target), Math.Max(j, target)))]);

    public IReadOnlyList<int> Members => _members;
    public int PairCount => _pairs.Length;

    /// <summary>The last step fed; −1 before the first.</summary>
    public int LastStep { get; private set; } = -1;

    /// <summary>Lane 0: lag 0; lane 2k − 1: the pair's second member leads by k; lane 2k: its first leads by
    /// k.</summary>
    private int LanesPerPair => 2 * _options.MaxLag + 1;

    /// <summary>
    /// Feeds step <paramref name="step"/>: <paramref name="closes"/> holds one close per member (NaN: no bar).
    /// </summary>
    /// <exception cref="ArgumentException">The step is not the next one, the closes do not match the members, or a
    /// close is zero, negative or infinite.</exception>
    public void Step(int step, ReadOnlySpan<double> closes)
    {
        if (step != LastStep + 1) throw new ArgumentException($"step {step} fed after step {LastStep}", nameof(step));
        if (closes.Length != _members.Length)
            throw new ArgumentException($"{closes.Length} closes for {_members.Length} members", nameof(closes));
        int slot = step % _ring;
        for (int m = 0; m < _members.Length; m++)
        {
            double close = closes[m];
            int at = m * _ring + slot;
            (_returns[at], _spans[at]) = (double.NaN, 0);
            if (double.IsNaN(close)) continue;
            if (!(close > 0) || double.IsInfinity(close))
                throw new ArgumentException($"instrument {_members[m]}: close {close} at step {step}", nameof(closes));
            if (_lastBar[m] >= 0) (_returns[at], _spans[at]) = (Math.Log(close / _lastClose[m]), step - _lastBar[m]);
            (_lastClose[m], _lastBar[m]) = (close, step);
        }
        LastStep = step;
        if ((step + 1) % _options.Window == 0) Recompute();
        else Slide(step);
    }

    /// <summary>Feeds the steps of <paramref name="universe"/> after <see cref="LastStep"/> up to <paramref name="to"/>
    /// (exclusive).</summary>
    public void Feed(ScreenUniverse universe, int to)
    {
        int from = LastStep + 1;
        if (to <= from) return;
        var closes = universe.Slice(_members, from, to - from);
        for (int t = from; t < to; t++) Step(t, closes.AsSpan((t - from) * _members.Length, _members.Length));
    }

    /// <summary>Every pair's lanes: corr(r_A(t), r_B(t − Lag)), so a positive lag means B leads A.</summary>
    public IEnumerable<PairReading> Readings() => Enumerable.Range(0, _pairs.Length).SelectMany(PairReadings);

    /// <summary>The lanes of the pairs holding universe instrument <paramref name="instrument"/>.</summary>
    public IEnumerable<PairReading> ReadingsOf(int instrument) =>
        Enumerable.Range(0, _pairs.Length)
            .Where(p => _members[_pairs[p].A] == instrument || _members[_pairs[p].B] == instrument)
            .SelectMany(PairReadings);

    private IEnumerable<PairReading> PairReadings(int pair)
    {
        var (a, b) = (_members[_pairs[pair].A], _members[_pairs[pair].B]);
        for (int lane = 0; lane < LanesPerPair; lane++)
        {
            var m = _lanes[pair * LanesPerPair + lane];
            int lag = lane == 0 ? 0 : lane % 2 == 1 ? (lane + 1) / 2 : -(lane / 2);
            yield return new PairReading(a, b, lag, m.Correlation, m.Count);
        }
    }

    /// <summary>The entering step's pair replaces the one leaving the window, lane by lane.</summary>
    private void Slide(int step)
    {
        int leaving = step - _options.Window;
        for (int p = 0; p < _pairs.Length; p++)
        {
            var (a, b) = _pairs[p];
            for (int lane = 0; lane < LanesPerPair; lane++)
            {
                var (follower, leader, lag) = Roles(a, b, lane);
                bool enters = Pair(follower, leader, lag, step, out double x, out double y);
                bool leaves = Pair(follower, leader, lag, leaving, out double oldX, out double oldY);
                ref var moments = ref _lanes[p * LanesPerPair + lane];
                if (enters && leaves) moments.Replace(oldX, oldY, x, y, 1.0 / moments.Count);
                else if (enters) moments.Add(x, y);
                else if (leaves) moments.Remove(oldX, oldY);
            }
        }
    }

    /// <summary>Every lane from the returns of the window ending at <see cref="LastStep"/>, two-pass.</summary>
    private void Recompute()
    {
        int w = _options.Window, first = LastStep - w + 1;
        var (x, y) = (new double[w], new double[w]);
        for (int p = 0; p < _pairs.Length; p++)
        {
            var (a, b) = _pairs[p];
            for (int lane = 0; lane < LanesPerPair; lane++)
            {
                var (follower, leader, lag) = Roles(a, b, lane);
                for (int i = 0; i < w; i++)
                    if (!Pair(follower, leader, lag, first + i, out x[i], out y[i])) (x[i], y[i]) = (double.NaN,
                        double.NaN);
                _lanes[p * LanesPerPair + lane] = CoMoments.Of(x, y);
            }
        }
    }

    private static (int Follower, int Leader, int Lag) Roles(int a, int b, int lane) =>
        lane == 0 ? (a, b, 0) : lane % 2 == 1 ? (a, b, (lane + 1) / 2) : (b, a, lane / 2);

    /// <summary>The follower's return at <paramref name="step"/> and the leader's at step − lag, when both
    /// count.</summary>
    private bool Pair(int follower, int leader, int lag, int step, out double x, out double y)
    {
        (x, y) = (0, 0);
        if (step - lag < 0) return false;
        int f = follower * _ring + step % _ring, l = leader * _ring + (step - lag) % _ring;
        if (_spans[f] == 0 || _spans[l] == 0 || lag == 0 && _spans[f] != _spans[l]) return false;
        (x, y) = (_returns[f], _returns[l]);
        return true;
    }

    /// <summary>
    /// The whole state, exactly (little-endian, versioned): a block read back from it continues bit for bit as if
    /// it had never stopped.
    /// </summary>
    public byte[] Snapshot()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(SnapshotVersion); w.Write(_options.Window); w.Write(_options.MaxLag);
            w.Write(_members.Length); foreach (int m in _members) w.Write(m);
            w.Write(_pairs.Length); w.Write(LastStep);
            foreach (double r in _returns) w.Write(r);
            foreach (int s in _spans) w.Write(s);
            foreach (double c in _lastClose) w.Write(c);
            foreach (int b in _lastBar) w.Write(b);
            foreach (var lane in _lanes) lane.Write(w);
        }
        return stream.ToArray();
    }

    /// <summary>Continues from <paramref name="snapshot"/>.</summary>
    /// <exception cref="InvalidDataException">The snapshot is of another version, window, lag or set of members or
    /// pairs.
    /// </exception>
    public void Resume(byte[] snapshot)
    {
        using var r = new BinaryReader(new MemoryStream(snapshot));
        int version = r.ReadInt32(), window = r.ReadInt32(), maxLag = r.ReadInt32();
        if (version != SnapshotVersion || window != _options.Window || maxLag != _options.MaxLag)
            throw new InvalidDataException(
                $"pair block snapshot v{version} (window {window}, lag {maxLag}) does not fit this block: replay its " +
                $"bars");
        int[] members = [.. Enumerable.Range(0, r.ReadInt32()).Select(_ => r.ReadInt32())];
        if (!members.SequenceEqual(_members) || r.ReadInt32() != _pairs.Length)
            throw new InvalidDataException("pair block snapshot of other members: replay its bars");
        LastStep = r.ReadInt32();
        for (int i = 0; i < _returns.Length; i++) _returns[i] = r.ReadDouble();
        for (int i = 0; i < _spans.Length; i++) _spans[i] = r.ReadInt32();
        for (int i = 0; i < _lastClose.Length; i++) _lastClose[i] = r.ReadDouble();
        for (int i = 0; i < _lastBar.Length; i++) _lastBar[i] = r.ReadInt32();
        for (int i = 0; i < _lanes.Length; i++) _lanes[i] = CoMoments.Read(r);
    }
}

/// <summary>
/// One lane of a pair: Pearson's correlation of r_A(t) with r_B(t − Lag) over the window (NaN below two pairs or
/// with a constant side) and the number of return pairs it is read from.
/// </summary>
public readonly record struct PairReading(int A, int B, int Lag, double Correlation, int Count)
{
    /// <summary>The same lane read from B's side: corr(r_B(t), r_A(t + Lag)).</summary>
    public PairReading Flipped => new(B, A, -Lag, Correlation, Count);
}

/// <summary>The screen's settings: the window in steps of the calendar and the largest lead-lag in steps.</summary>
public sealed record ScreenOptions
{
    /// <exception cref="ArgumentOutOfRangeException">A window below 4 steps or a lag outside 0–5.</exception>
    public ScreenOptions(int window = 90, int maxLag = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 4);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLag);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLag, 5);
        (Window, MaxLag) = (window, maxLag);
    }

    public int Window { get; }
    public int MaxLag { get; }
}
