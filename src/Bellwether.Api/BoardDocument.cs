using System.Text.Json;
using Bellwether.Core.Board;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Text;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;

namespace Bellwether.Api;

/// <summary>The board documents: <c>board --json</c> and <c>board --history --json</c>, and the server's
/// copies.</summary>
public static class BoardDocument
{
    /// <summary>
    /// The board of <paramref name="thesis"/> as of <paramref name="asOf"/>, or, without one, as of the thesis's latest
    /// evaluable date with the reason for it (<c>Chosen</c>; null when the date was given).
    /// </summary>
    /// <param name="elsewhere">Evaluates the board on the data and date instead of this process (<c>--cluster</c>: the
    /// thesis's grain); it must give what <see cref="ThesisBoard.Evaluate"/> gives.</param>
    public static (BoardResult Board, DateChoiceJson? Chosen) Evaluate(BellwetherStore store, IMarketData data,
        ThesisDefinition thesis, DateOnly? asOf, SignalKinds kinds,
        Func<IMarketData, ThesisDefinition, DateOnly, BoardResult>? elsewhere = null)
    {
        DateChoiceJson? chosen = null;
        if (asOf is not { } date) (date, chosen) = ThesisDates.Latest(store, data, thesis, kinds);
        return (elsewhere?.Invoke(data, thesis, date) ?? ThesisBoard.Evaluate(thesis, data, date, kinds), chosen);
    }

    /// <summary>The document of <see cref="Evaluate"/>.</summary>
    /// <param name="file">The thesis file given, or null for the shipped thesis.</param>
    public static BoardJson Of(BellwetherStore store, IMarketData data, ThesisDefinition thesis, string? file,
        DateOnly? asOf, SignalKinds kinds, Func<IMarketData, ThesisDefinition, DateOnly, BoardResult>? elsewhere = null)
    {
        var (board, chosen) = Evaluate(store, data, thesis, asOf, kinds, elsewhere);
        return BoardJson.Of(board, ThesisInfo(thesis, file), chosen);
    }

    /// <summary>
    /// The comparison of the board as of <paramref name="before"/> with the board of <see cref="Evaluate"/>.
    /// </summary>
    /// <param name="elsewhere">Gives both boards (earlier date, as-of date) instead of this process: the thesis grain
    /// of a cluster.</param>
    /// <exception cref="ArgumentException"><paramref name="before"/> is after the as-of date.</exception>
    public static (BoardComparison Comparison, DateChoiceJson? Chosen) Compare(BellwetherStore store, IMarketData data,
        ThesisDefinition thesis, DateOnly before, DateOnly? asOf, SignalKinds kinds,
        Func<IMarketData, ThesisDefinition, DateOnly, DateOnly, (BoardResult Before, BoardResult Now)>?
            elsewhere = null)
    {
        DateChoiceJson? chosen = null;
        if (asOf is not { } date) (date, chosen) = ThesisDates.Latest(store, data, thesis, kinds);
        if (before > date)
            throw new ArgumentException(
                $"the date to compare with, {before:yyyy-MM-dd}, is after the as-of date {date:yyyy-MM-dd}");
        var (earlier, now) = elsewhere?.Invoke(data, thesis, before, date)
            ?? (ThesisBoard.Evaluate(thesis, data, before, kinds), ThesisBoard.Evaluate(thesis, data, date, kinds));
        return (BoardComparison.Of(earlier, now), chosen);
    }

    /// <summary>The document's text, as printed: indented JSON and a line break.</summary>
    public static string Text(BoardJson board) => JsonSerializer.Serialize(board, BoardJsonContext.Default.BoardJson)
        + "\n";

    /// <summary>The days of a history in words: "every day", "every Friday", "every month end".</summary>
    public static string Every(Frequency every) => every switch
    {
        Frequency.Daily => "every day",
        Frequency.Monthly => "every month end",
        _ => "every Friday",
    };

    /// <summary>Which thesis, in the documents.</summary>
    public static ThesisJson ThesisInfo(ThesisDefinition thesis, string? file) =>
        new(thesis.Name, thesis.Description, file ?? $"theses/{ThesisFile.DefaultName} (built in)");

    /// <summary>The readiness history document (plain objects for <see cref="ApiJson.Options"/>), weekly unless
    /// <paramref name="every"/> says otherwise.</summary>
    public static object History(ThesisDefinition thesis, string? file, DateOnly from, DateOnly to,
        IReadOnlyList<ReadinessPoint> points, Frequency every = Frequency.Weekly)
    {
        var ids = thesis.Signals.Select(s => s.Id).ToList();
        return new
        {
            thesis = ThesisInfo(thesis, file), from, to, frequency = every switch
            {
                Frequency.Daily => "daily",
                Frequency.Monthly => "monthly (month ends)",
                _ => "weekly (Fridays)",
            },
            points = points.Select(p => new
            {
                date = p.Date, readiness = p.Readiness, readiness_text = BoardText.Readiness(p.Readiness),
                readiness_withheld = ThesisBoard.WithheldReason(p.Counted, thesis.MinMeasured),
                counted = p.Counted, counted_text = ValueText.Of(p.Counted, ValueKind.Share),
                states = ids.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => p.States[x.k]),
                stale = ids.Where((_, k) => p.Stale[k]),
            }),
        };
    }
}
