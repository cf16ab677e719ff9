using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Data.Alerts;
using Bellwether.Data.Store;

namespace Bellwether.Cluster;

/// <summary>
/// Alerts evaluated by the thesis's grain on a cluster (<see cref="ClusterAlertWatch"/>): <c>alerts run --cluster</c>
/// and the scheduled runs of <c>serve --alerts --cluster</c>.
/// </summary>
/// <param name="thesisText">The thesis file's text (the grain's key hashes it, and the grain reads it).</param>
/// <param name="thesisFile">The file it came from (named in errors).</param>
public sealed class ThesisGrainAlerts(IGrainFactory grains, string thesisText, string thesisFile, TimeProvider clock)
    : IAlertEvaluator
{
    public async Task<IReadOnlyList<AlertEvent>> CatchUpAndDeliver(string storePath, ThesisDefinition thesis,
        AlertFile file, string rulesPath, bool releaseLags, DateOnly through, DateOnly? firstDay, Func<Task> deliver,
        CancellationToken ct)
    {
        var clustered = new ClusterAlertWatch(storePath, thesis, thesisText, thesisFile, file,
            Path.GetFullPath(rulesPath), releaseLags, clock);
        var recorded = await clustered.CatchUp(grains, through, firstDay, ct);
        await deliver();
        await clustered.Acknowledge(grains, ct);
        return recorded;
    }
}
