using Bellwether.Core.Statistics.Resampling;

namespace Bellwether.Core.Board;

/// <summary>
/// A thesis's boards evaluated elsewhere than this process (<c>--cluster</c>: the thesis's grain). Every answer is
/// what this process gives on the same data and dates; one that cannot be given now is a
/// <see cref="BoardsUnavailableException"/>.
/// </summary>
public interface IBoardEvaluator
{
    /// <summary>The board as of <paramref name="date"/>, as <see cref="ThesisBoard.Evaluate"/> gives it.</summary>
    BoardResult Board(IMarketData data, ThesisDefinition thesis, DateOnly date);

    /// <summary>The boards of a comparison: as of <paramref name="before"/> (all a comparison reads of it: readiness,
    /// weight counted, each signal's state and staleness) and as of <paramref name="date"/>.</summary>
    (BoardResult Before, BoardResult Now) Compare(IMarketData data, ThesisDefinition thesis, DateOnly before,
        DateOnly date);

    /// <summary>The readiness of the days from <paramref name="from"/> to <paramref name="to"/> that
    /// <paramref name="every"/> keeps (every day, Fridays, month ends).</summary>
    IReadOnlyList<ReadinessPoint> History(IMarketData data, ThesisDefinition thesis, DateOnly from, DateOnly to,
        Frequency every);
}

/// <summary>
/// An <see cref="IBoardEvaluator"/> cannot answer now (the thesis's grain is fed by another client, or the cluster does
/// not answer); nothing is wrong with the data, and asking again later may succeed.
/// </summary>
public sealed class BoardsUnavailableException(string message, Exception? inner = null)
    : InvalidOperationException(message, inner);
