namespace Bellwether.Core.Streaming;

/// <summary>
/// The inner join of two date-ordered streams of values, as rows arrive: a date is joined once both sides have
/// reached it (every row dated on or before it has arrived on both), and kept when both hold a value that day (nothing
/// filled). Memory: the values of the side that is ahead; O(1) amortised per value.
/// </summary>
internal sealed class DateJoin
{
    private readonly Queue<(DateOnly Date, double Value)> _left = new(), _right = new();

    public void Left(DateOnly date, double value) => _left.Enqueue((date, value));

    public void Right(DateOnly date, double value) => _right.Enqueue((date, value));

    /// <summary>The dates both sides hold up to <paramref name="reached"/>, in order, each once.</summary>
    public IEnumerable<(DateOnly Date, double Left, double Right)> Joined(DateOnly reached)
    {
        while (_left.Count > 0 && _left.Peek().Date <= reached)
        {
            var (date, left) = _left.Dequeue();
            while (_right.Count > 0 && _right.Peek().Date < date) _right.Dequeue();
            if (_right.Count > 0 && _right.Peek().Date == date) yield return (date, left, _right.Dequeue().Value);
        }
        // A right value the left side has passed can no longer be joined.
        while (_right.Count > 0 && _right.Peek().Date <= reached
            && (_left.Count == 0 || _right.Peek().Date < _left.Peek().Date))
            _right.Dequeue();
    }

    public void Write(BinaryWriter w)
    {
        foreach (var queue in new[] { _left, _right })
        {
            w.Write(queue.Count);
            foreach (var (date, value) in queue) { Snapshots.Write(w, date); w.Write(value); }
        }
    }

    public void Read(BinaryReader r)
    {
        foreach (var queue in new[] { _left, _right })
        {
            queue.Clear();
            for (int n = r.ReadInt32(),
                i = 0; i < n; i++) queue.Enqueue((Snapshots.ReadDate(r)!.Value, r.ReadDouble()));
        }
    }
}
