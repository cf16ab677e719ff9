using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Data.Alerts;
using Bellwether.Data.Market;
using Bellwether.Data.Store;

namespace Bellwether.Cluster;

/// <summary>
/// <c>alerts run --cluster</c> (docs/alerts.md): the rules are evaluated by the thesis's grain as it closes each day;
/// this client feeds the grain as <c>board --cluster</c> does, records the notifications the grain has not had
/// acknowledged in the store's outbox (as <see cref="AlertWatch"/> records its own, under the same progress, so either
/// mode continues the other), and, once they are delivered, acknowledges them (<see cref="Acknowledge"/>). A client
/// that dies before acknowledging leaves them with the grain: the next run gets them again with the same keys, and
/// records them again without a second pending delivery (the outbox keeps a key once).
/// </summary>
/// <param name="thesisText">The thesis file's text (the grain reads it).</param>
/// <param name="thesisFile">The file it came from.</param>
/// <param name="watch">The name the progress is kept under (the rules file's full path), and the rules' name in
/// errors.</param>
public sealed class ClusterAlertWatch(
    string storePath, ThesisDefinition thesis, string thesisText, string thesisFile, AlertFile file, string watch,
    bool releaseLags, TimeProvider clock)
{
    private ThesisReplay? _replay;
    private List<string> _recorded = [];

    /// <summary>
    /// Brings the grain to <paramref name="through"/>, evaluating the days after the last one evaluated (the first run
    /// of a rules file from <paramref name="firstDay"/>, default <paramref name="through"/>, after a warm-up on the
    /// day before), and records every notification not acknowledged, with the grain's progress. Returns them.
    /// </summary>
    /// <exception cref="BoardsUnavailableException">Another client is feeding the grain, or the cluster did
    /// not answer.</exception>
    public async Task<IReadOnlyList<AlertEvent>> CatchUp(IGrainFactory grains, DateOnly through,
        DateOnly? firstDay = null, CancellationToken ct = default)
    {
        AlertProgress? progress;
        ThesisAlertsAnswer? answer;
        using (var store = BellwetherStore.Open(storePath, readOnly: true))
        {
            progress = store.ReadAlertProgress(watch);
            var start = progress is { } p ? p.LastDay.AddDays(1) : (firstDay ?? through).AddDays(-1);
            _replay = new ThesisReplay(new StoreMarketData(store, releaseLags), thesis, thesisText, thesisFile, through)
            {
                Alerts = new AlertOpening(file.Text, watch, start.DayNumber, WarmUp: progress is null,
                    ThesisJson.Of(progress?.Memory ?? [])),
            };
            // Nothing to evaluate: only what the grain keeps (notifications a client that died did not acknowledge).
            answer = start > through
                ? await _replay.KeptNotifications(grains, ct)
                : await _replay.Notifications(grains, ct);
        }
        if (answer is null) return [];
        using (var store = BellwetherStore.Open(storePath))
            store.RecordAlertDays(watch, thesis.Name,
                answer.LastDay > (progress?.LastDay.DayNumber ?? -1)
                    ? new AlertProgress(DateOnly.FromDayNumber(answer.LastDay), answer.Memory, thesis.Name) : null,
                answer.Pending, file.Receivers.Channels, clock.GetUtcNow());
        _recorded = [.. answer.Pending.Select(n => n.Key)];
        return [.. answer.Pending.Select(AlertJson.Event)];
    }

    /// <summary>Tells the grain that what the last <see cref="CatchUp"/> recorded has been delivered (or is in the
    /// outbox's hands: retries, dead letters); returns how many notifications it dropped.</summary>
    /// <inheritdoc cref="CatchUp" path="/exception"/>
    public async Task<int> Acknowledge(IGrainFactory grains, CancellationToken ct = default) =>
        _replay is null || _recorded.Count == 0 ? 0 : await _replay.Acknowledge(grains, _recorded, ct);
}
