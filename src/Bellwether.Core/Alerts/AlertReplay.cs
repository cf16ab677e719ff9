using Bellwether.Core.Board;

namespace Bellwether.Core.Alerts;

/// <summary>The boards alert rules are evaluated on: one per day, each point in time.</summary>
public static class AlertReplay
{
    /// <summary>
    /// The board as of every day from <paramref name="from"/> to <paramref name="to"/> (both inclusive), in date
    /// order, each from what was published by the end of its day. Days are read in parallel; each is independent.
    /// </summary>
    /// <exception cref="ThesisException">The thesis does not validate against <paramref name="kinds"/>.</exception>
    public static IReadOnlyList<BoardResult> Boards(ThesisDefinition thesis, IMarketData data, DateOnly from,
        DateOnly to, SignalKinds kinds)
    {
        kinds.Validate(thesis);
        int days = Math.Max(0, to.DayNumber - from.DayNumber + 1);
        var boards = new BoardResult[days];
        Parallel.For(0, days, k => boards[k] = ThesisBoard.EvaluateValidated(thesis, data, from.AddDays(k), kinds));
        return boards;
    }
}
