using Bellwether.Core.Board;
using Bellwether.Core.Statistics.Resampling;

namespace Bellwether.Cluster;

/// <summary>
/// The boards of one thesis answered by its grain on a cluster (<see cref="ThesisReplay"/>: the grain is brought to
/// the date asked for, then read), one evaluation at a time: two at once would each set the grain to their own date.
/// </summary>
/// <param name="text">The thesis file's text (the grain's key hashes it, and the grain reads it).</param>
/// <param name="file">The file it came from (named in errors).</param>
public sealed class ThesisGrainBoards(IGrainFactory grains, string text, string file) : IBoardEvaluator
{
    private readonly Lock _one = new();

    public BoardResult Board(IMarketData data, ThesisDefinition thesis, DateOnly date) =>
        One(data, thesis, date, replay => replay.Board(grains));

    public (BoardResult Before, BoardResult Now) Compare(IMarketData data, ThesisDefinition thesis, DateOnly before,
        DateOnly date) => One(data, thesis, date, replay => replay.Compare(grains, before));

    public IReadOnlyList<ReadinessPoint> History(IMarketData data, ThesisDefinition thesis, DateOnly from,
        DateOnly to, Frequency every) => One(data, thesis, to, replay => replay.History(grains, from, every));

    private T One<T>(IMarketData data, ThesisDefinition thesis, DateOnly last, Func<ThesisReplay, Task<T>> read)
    {
        lock (_one) return read(new ThesisReplay(data, thesis, text, file, last)).GetAwaiter().GetResult();
    }
}
