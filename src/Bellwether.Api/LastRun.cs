using System.Globalization;
using System.Text;
using System.Text.Json;
using Bellwether.Core.Board;
using Bellwether.Data.Thesis;

namespace Bellwether.Api;

/// <summary>
/// The board of the last <c>board --compare last</c> run, kept in a small JSON file beside the store (one per thesis:
/// <c>STORE.last-board.THESIS.json</c>, the board document as <c>board --json</c> prints it), so the next run can say
/// what changed since. Only that command writes it; the server reads it.
/// </summary>
public static class LastRun
{
    /// <summary>The value of <c>--compare</c> (and <c>since=</c>) that means "since the last run".</summary>
    public const string Keyword = "last";

    /// <summary>The file of <paramref name="thesisName"/>'s last board beside <paramref name="storePath"/>.</summary>
    public static string FileOf(string storePath, string thesisName)
    {
        var slug = new StringBuilder();
        foreach (char c in thesisName.ToLowerInvariant())
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var name = string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return $"{storePath}.last-board.{(name.Length == 0 ? "thesis" : name)}.json";
    }

    /// <summary>The board recorded in <paramref name="file"/> and when; null when there is none yet.</summary>
    /// <exception cref="InvalidDataException">The file is not a board document (named, with the reason).</exception>
    public static (BoardResult Board, DateTimeOffset RecordedAt)? Read(string file)
    {
        if (!File.Exists(file)) return null;
        BoardJson? board;
        try
        {
            board = JsonSerializer.Deserialize(File.ReadAllText(file), BoardJsonContext.Default.BoardJson);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not a board document ({e.Message}); delete it to start again");
        }
        if (board is null) throw new InvalidDataException($"{file}: empty; delete it to start again");
        return (ToResult(board), new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero));
    }

    /// <summary>Records <paramref name="board"/> as the last run (written whole, then moved into place).</summary>
    public static void Write(string file, BoardJson board)
    {
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, BoardDocument.Text(board));
        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>
    /// The board now (as <see cref="BoardDocument.Evaluate"/> without a date) against the board recorded in
    /// <paramref name="file"/>; nothing is written.
    /// </summary>
    /// <param name="elsewhere">Gives the board now instead of this process
    /// (<see cref="BoardDocument.Evaluate"/>).</param>
    public static SinceLastRun Compare(Data.Store.BellwetherStore store, IMarketData data, ThesisDefinition thesis,
        string? thesisFile, string file, SignalKinds kinds,
        Func<IMarketData, ThesisDefinition, DateOnly, BoardResult>? elsewhere = null)
    {
        var (now, chosen) = BoardDocument.Evaluate(store, data, thesis, null, kinds, elsewhere);
        var last = Read(file);
        return new SinceLastRun(file, last is { } l ? BoardComparison.Of(l.Board, now) : null, last?.RecordedAt,
            BoardJson.Of(now, BoardDocument.ThesisInfo(thesis, thesisFile), chosen));
    }

    private static BoardResult ToResult(BoardJson b) => new(b.AsOf, b.Thesis.Name, b.Readiness, b.Counted,
        b.Signals.Select(s =>
            new SignalResult(s.Id, s.Title, s.Kind, s.State, s.Value, s.Unit, s.Label, s.Since, s.Explanation,
            s.Window.From, s.Window.To, s.Stale, s.Weight,
            s.Inputs.Select(i => new SignalInput(i.Id, i.LastDate, i.Stale)).ToList(), s.Fields)).ToList(),
        b.Breakdown.Select(p => new ReadinessPart(p.Id, p.Weight, p.Score, p.Contribution, p.Note)).ToList(),
        b.MinMeasured);
}

/// <summary>What changed since the last run: null <see cref="Comparison"/> when no run was recorded yet.</summary>
/// <param name="Now">The board now, as the next run's "last run".</param>
public sealed record SinceLastRun(string File, BoardComparison? Comparison, DateTimeOffset? RecordedAt, BoardJson Now)
{
    /// <summary>
    /// The document of <c>board --compare last --json</c> and <c>GET /api/board/compare?since=last</c>: the
    /// comparison's fields (<c>before</c> null and nothing flipped when there was no earlier run) and <c>last_run</c>:
    /// the file and when it was written.
    /// </summary>
    public object Json() => new
    {
        Now.Thesis,
        before = Comparison is { } c ? BoardComparison.Side(c.Before) : null,
        now = new
        {
            as_of = Now.AsOf, readiness = Now.Readiness, readiness_withheld = Now.ReadinessWithheld,
            counted = Now.Counted
        },
        readiness_change = Comparison?.ReadinessChange,
        flipped = Comparison?.Flipped ?? [],
        as_of_chosen = Now.AsOfChosen,
        last_run = new
        {
            file = File,
            recorded_at = RecordedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        },
    };
}
