using Bellwether.Core.Board;
using Bellwether.Data.Store;

namespace Bellwether.Data.Alerts;

/// <summary>
/// A rules file's alerts evaluated elsewhere than this process (<c>--cluster</c>: the thesis's grain, docs/scale.md).
/// The notifications are recorded in the store's outbox under the progress <see cref="AlertWatch"/> keeps, so either
/// way of evaluating continues the other.
/// </summary>
public interface IAlertEvaluator
{
    /// <summary>
    /// Evaluates the days after the last one evaluated up to <paramref name="through"/> (a rules file's first run from
    /// <paramref name="firstDay"/>, default <paramref name="through"/>, after a warm-up on the day before), records
    /// the notifications, awaits <paramref name="deliver"/>, then tells the evaluator they are delivered: a process
    /// that dies before that gets them again, with the same keys, on its next run. Returns the notifications recorded.
    /// </summary>
    /// <param name="rulesPath">The rules file (its full path names the progress, as for <see cref="AlertWatch"/>).
    /// </param>
    /// <exception cref="BoardsUnavailableException">The evaluator cannot answer now (another client feeds the grain,
    /// the cluster does not answer); nothing was recorded.</exception>
    Task<IReadOnlyList<AlertEvent>> CatchUpAndDeliver(string storePath, ThesisDefinition thesis, AlertFile file,
        string rulesPath, bool releaseLags, DateOnly through, DateOnly? firstDay, Func<Task> deliver,
        CancellationToken ct);
}
