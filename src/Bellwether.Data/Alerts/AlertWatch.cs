using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Data.Market;
using Bellwether.Data.Store;

namespace Bellwether.Data.Alerts;

/// <summary>
/// Keeps a rules file's alerts current in a store: evaluates every day since the last one evaluated, point in time,
/// and records each day's notifications with their deliveries in the store's outbox (docs/alerts.md). Days missed
/// while nothing ran are evaluated when it runs again, each transition dated the day it happened.
/// </summary>
/// <param name="watch">The name the progress is kept under (the rules file's full path).</param>
public sealed class AlertWatch(
    string storePath, ThesisDefinition thesis, SignalKinds kinds, AlertFile file, string watch, bool releaseLags,
    TimeProvider clock)
{
    /// <summary>The outbox channels every notification goes to: the log, then each webhook.</summary>
    public IReadOnlyList<string> Channels { get; } = file.Receivers.Channels;

    /// <summary>The last day that has ended at <paramref name="now"/> (UTC): the last day a scheduled run
    /// evaluates.</summary>
    public static DateOnly LastCompleteDay(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);

    /// <summary>
    /// Evaluates the days after the last one evaluated up to <paramref name="through"/> and records them, one
    /// transaction per day. The first run of a rules file starts at <paramref name="firstDay"/> (default
    /// <paramref name="through"/>), after a warm-up on the day before it. Returns the notifications recorded.
    /// </summary>
    public IReadOnlyList<AlertEvent> CatchUp(DateOnly through, DateOnly? firstDay = null)
    {
        AlertProgress? progress;
        IReadOnlyList<BoardResult> boards;
        DateOnly start;
        // Boards are read on a read-only connection, so an import may run meanwhile; the days are written after.
        using (var store = BellwetherStore.Open(storePath, readOnly: true))
        {
            progress = store.ReadAlertProgress(watch);
            start = progress is { } p ? p.LastDay.AddDays(1) : (firstDay ?? through).AddDays(-1);
            if (start > through) return [];
            boards = AlertReplay.Boards(thesis, new StoreMarketData(store, releaseLags), start, through, kinds);
        }
        var engine = new AlertEngine(file.Rules, progress?.Memory);
        var recorded = new List<AlertEvent>();
        using (var store = BellwetherStore.Open(storePath))
        {
            // Another run may have recorded some of these days meanwhile: those are left as they are.
            var again = store.ReadAlertProgress(watch);
            if (again?.LastDay != progress?.LastDay) return [];
            foreach (var board in boards)
            {
                bool warmUp = progress is null && board.AsOf == start;
                var notifications = engine.Step(board, notify: !warmUp);
                store.RecordAlertDay(watch, thesis.Name, board.AsOf, engine.Memory, notifications, Channels,
                    clock.GetUtcNow());
                recorded.AddRange(notifications.Select(AlertJson.Event));
            }
        }
        return recorded;
    }
}
