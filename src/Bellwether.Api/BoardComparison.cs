using Bellwether.Core.Board;

namespace Bellwether.Api;

/// <summary>A signal whose state differs between two boards.</summary>
/// <param name="Since">When it took its new state (the later board's <c>since</c>).</param>
public sealed record SignalFlip(string Id, string Title, SignalState From, SignalState To, DateOnly? Since,
    bool StaleBefore, bool StaleNow);

/// <summary>What changed on the board between an earlier date and the as-of date: the flipped signals and
/// readiness.</summary>
public sealed record BoardComparison(BoardResult Before, BoardResult Now, IReadOnlyList<SignalFlip> Flipped)
{
    /// <summary>Readiness now minus readiness before; NaN when either is withheld.</summary>
    public double ReadinessChange => Now.Readiness - Before.Readiness;

    /// <summary>The comparison of <paramref name="before"/> with <paramref name="now"/> (signals matched by
    /// id).</summary>
    public static BoardComparison Of(BoardResult before, BoardResult now)
    {
        var earlier = before.Signals.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var flipped = now.Signals
            .Where(s => earlier.TryGetValue(s.Id, out var old) && old.State != s.State)
            .Select(s =>
                new SignalFlip(s.Id, s.Title, earlier[s.Id].State, s.State, s.Since, earlier[s.Id].Stale, s.Stale))
            .ToList();
        return new BoardComparison(before, now, flipped);
    }

    /// <summary>
    /// The document of <c>board --compare D --json</c> and <c>GET /api/board/compare</c> (plain objects for
    /// <see cref="ApiJson.Options"/>).
    /// </summary>
    public object Json(ThesisJson thesis, DateChoiceJson? chosen) => new
    {
        thesis,
        before = Side(Before),
        now = Side(Now),
        readiness_change = ReadinessChange,
        readiness_change_text = BoardText.ReadinessChange(ReadinessChange),
        flipped = Flipped,
        as_of_chosen = chosen,
    };

    /// <summary>One side of a comparison: its date and readiness.</summary>
    public static object Side(BoardResult board) => new
    {
        as_of = board.AsOf, readiness = board.Readiness, readiness_text = BoardText.Readiness(board.Readiness),
        readiness_withheld = board.Withheld, counted = board.Counted,
    };
}
