using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bellwether.Core.Board;
using Bellwether.Core.Text;

namespace Bellwether.Core.Alerts;

/// <summary>Whether an alert is firing or has resolved.</summary>
public enum AlertStatus
{
    Firing,
    Resolved,
}

/// <summary>
/// One notification: an alert started firing, is still firing (a repeat), or resolved, on <paramref name="Date"/>.
/// </summary>
/// <param name="Key">Idempotency key: the same transition always has the same key, whenever it is evaluated.</param>
/// <param name="Fingerprint">The alert's identity: a stable hash of its labels (rule name included).</param>
/// <param name="Date">The board's date: the day the transition happened, however late it was evaluated.</param>
/// <param name="Since">The day the alert started firing.</param>
/// <param name="Value">The number the condition read that day (NaN for state and stale conditions).</param>
/// <param name="Silenced">A silence muted it: recorded, not delivered.</param>
public sealed record AlertNotification(
    string Key, string Fingerprint, string Rule, AlertStatus Status, bool Repeat, DateOnly Date, DateOnly Since,
    IReadOnlyDictionary<string, string> Labels, string Summary, string Description, double Value, bool Silenced);

/// <summary>What the engine remembers of one alert between days (persisted between runs).</summary>
/// <param name="Observed">The last state or stale flag seen (state conditions: the state word), null before
/// any.</param>
/// <param name="Sent">The day a notification of the current firing was last sent, null when none was
/// (silenced).</param>
public sealed record AlertMemory(
    string Fingerprint, string Rule, IReadOnlyDictionary<string, string> Labels, bool Firing, DateOnly? Since,
    DateOnly? Sent, string? Observed);

/// <summary>
/// Evaluates alert rules day by day over a thesis's boards, as Alertmanager does over its alerts: each rule and
/// signal is one alert, identified by a fingerprint of its labels; it fires when its condition starts to hold,
/// notifies again after the rule's repeat interval, and resolves when the condition stops holding. Silences mute
/// notifications dated in their window. Pure: the date of each board is the only clock, so evaluating missed days
/// late gives the same notifications, dated the same, as evaluating them on time (docs/alerts.md).
/// </summary>
public sealed class AlertEngine
{
    /// <summary>The signal selector meaning every signal of the thesis.</summary>
    public const string EverySignal = "*";

    private readonly AlertRules _rules;
    private readonly SortedDictionary<string, AlertMemory> _memory = new(StringComparer.Ordinal);

    /// <param name="memory">What an earlier run remembered (<see cref="Memory"/>); none: a first run.</param>
    public AlertEngine(AlertRules rules, IEnumerable<AlertMemory>? memory = null)
    {
        _rules = rules;
        foreach (var m in memory ?? []) _memory[m.Fingerprint] = m;
    }

    /// <summary>Every alert seen so far, by fingerprint.</summary>
    public IReadOnlyList<AlertMemory> Memory => [.. _memory.Values];

    /// <summary>The alerts firing now.</summary>
    public IReadOnlyList<AlertMemory> Firing => [.. _memory.Values.Where(m => m.Firing)];

    /// <summary>
    /// Evaluates every rule on <paramref name="board"/> (the boards must come in date order) and returns the
    /// notifications of its day, in rule order. With <paramref name="notify"/> false the day only sets what the
    /// engine remembers (a warm-up day, so that a state change on the next day is seen as one): nothing is returned,
    /// and what fires then is notified on the next day that notifies.
    /// </summary>
    public IReadOnlyList<AlertNotification> Step(BoardResult board, bool notify = true)
    {
        var notifications = new List<AlertNotification>();
        foreach (var rule in _rules.Rules)
            foreach (var (labels, observation) in Observe(rule, board))
            {
                var fingerprint = Fingerprint(labels);
                var memory = _memory.GetValueOrDefault(fingerprint)
                             ?? new AlertMemory(fingerprint, rule.Name, labels, false, null, null, null);
                var (next, notification) = Advance(rule, memory, observation, board.AsOf, notify);
                _memory[fingerprint] = next;
                if (notification is not null) notifications.Add(notification);
            }
        return notifications;
    }

    /// <summary>What a rule reads on a board: per alert, its labels and the observation.</summary>
    private static IEnumerable<(IReadOnlyDictionary<string, string>, Observation)> Observe(AlertRule rule,
        BoardResult board)
    {
        if (rule.Condition is ReadinessCondition r)
        {
            yield return (Labels(rule, null), new Observation(r.Threshold, board.Readiness, null,
                $"readiness {Readiness(board.Readiness)} (alert when {r.Threshold.Describe()})"));
            yield break;
        }
        foreach (var signal in board.Signals.Where(s => rule.Condition.Signal == EverySignal
            || rule.Condition.Signal == s.Id))
        {
            var labels = Labels(rule, signal.Id);
            yield return (labels, rule.Condition switch
            {
                StateCondition c => new Observation(null, double.NaN, Word(signal.State),
                    $"{signal.Id} is {Word(signal.State)}: {signal.Label}", c),
                ValueCondition { Field: { } field } c => new Observation(c.Threshold,
                    signal.Fields.GetValueOrDefault(field, double.NaN), null,
                    $"{signal.Id} {field} {Field(signal.Fields.GetValueOrDefault(field, double.NaN))} " +
                    $"(alert when {c.Threshold.Describe()})"),
                ValueCondition c => new Observation(c.Threshold, signal.Value, null,
                    $"{signal.Id} {Number(signal.Value, ValueText.KindOf(signal.Unit))} (alert when " +
                    $"{c.Threshold.Describe()})"),
                _ => new Observation(null, double.NaN, signal.Stale ? "stale" : "fresh",
                    $"{signal.Id} inputs: " + string.Join(", ", signal.Inputs.Select(i =>
                        $"{i.Id} last {i.LastDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"}"
                        + (i.Stale ? " (stale)" : "")))),
            });
        }
    }

    /// <param name="Threshold">For numbers: the threshold <paramref name="Value"/> is compared with.</param>
    /// <param name="Word">For states: the state word (a stale condition: <c>stale</c> or <c>fresh</c>).</param>
    private sealed record Observation(Threshold? Threshold, double Value, string? Word, string Summary,
        StateCondition? State = null);

    private (AlertMemory, AlertNotification?) Advance(
        AlertRule rule, AlertMemory memory, Observation o, DateOnly day, bool notify)
    {
        bool? holds = o switch
        {
            { Threshold: { } t } => double.IsFinite(o.Value) ? t.Holds(o.Value, memory.Firing) : null,
            { State: { } c } => memory.Firing
                ? c.To.Any(s => Word(s) == o.Word)
                : c.To.Any(s => Word(s) == o.Word) && memory.Observed is { } before && before != o.Word
                  && (c.From.Count == 0 || c.From.Any(s => Word(s) == before)),
            _ => o.Word == "stale",
        };
        var observed = o.Word ?? memory.Observed;
        if (holds is not { } now || now == memory.Firing)
        {
            // Still firing: a repeat once the interval has passed since the last notification sent (or, when a
            // silence muted the firing, as soon as no silence mutes it).
            bool due = memory.Firing && holds == true && notify && (memory.Sent is not { } sent
                ? !Muted(memory.Labels, day) : rule.RepeatDays > 0 && day.DayNumber
                - sent.DayNumber >= rule.RepeatDays);
            var kept = memory with { Observed = observed };
            if (!due) return (kept, null);
            return (kept with { Sent = day },
                Notify(rule, kept, AlertStatus.Firing, repeat: memory.Sent is not null, day, o));
        }
        if (now)
        {
            // After a warm-up day the first day notified sends what is firing, dated that day, since the warm-up.
            var firing = memory with { Firing = true, Since = day, Sent = null, Observed = observed };
            if (!notify) return (firing, null);
            var n = Notify(rule, firing, AlertStatus.Firing, repeat: false, day, o);
            return (n.Silenced ? firing : firing with { Sent = day }, n);
        }
        var resolved = memory with { Firing = false, Sent = null, Observed = observed };
        // A firing nobody was told of resolves without a word.
        if (!notify || memory.Sent is null) return (resolved, null);
        return (resolved, Notify(rule, memory, AlertStatus.Resolved, repeat: false, day, o));
    }

    private AlertNotification Notify(AlertRule rule, AlertMemory memory, AlertStatus status, bool repeat, DateOnly day,
        Observation o)
    {
        var key = Hash($"{memory.Fingerprint}|{status}|{day:yyyy-MM-dd}");
        return new AlertNotification(key, memory.Fingerprint, rule.Name, status, repeat, day, memory.Since ?? day,
            memory.Labels, o.Summary, rule.Description, o.Value, Muted(memory.Labels, day));
    }

    private bool Muted(IReadOnlyDictionary<string, string> labels, DateOnly day) =>
        _rules.Silences.Any(s => s.Mutes(labels, day));

    /// <summary>An alert's labels: the rule's, its name as <c>alertname</c>, and the signal's id as
    /// <c>signal</c>.</summary>
    private static SortedDictionary<string, string> Labels(AlertRule rule, string? signal)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in rule.Labels) labels[k] = v;
        labels["alertname"] = rule.Name;
        if (signal is not null) labels["signal"] = signal;
        return labels;
    }

    /// <summary>A stable hash of the labels (sorted <c>name=value</c> lines), 16 hex digits.</summary>
    public static string Fingerprint(IReadOnlyDictionary<string, string> labels) =>
        Hash(string.Join("\n", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>A state as rules files write it: <c>supports</c>, <c>neutral</c>, <c>against</c>,
    /// <c>not_measurable</c>.</summary>
    public static string Word(SignalState state) => state switch
    {
        SignalState.NotMeasurable => "not_measurable",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>A value as the formatting table writes it in its unit.</summary>
    private static string Number(double v, ValueKind kind) => double.IsFinite(v) ? ValueText.Of(v, kind)
        : "not measured";

    /// <summary>A signal's field (a close, a level) as a number in running text: up to 4 decimals, as the rule's
    /// level.</summary>
    private static string Field(double v) => double.IsFinite(v) ? ValueText.Number(v, "#,##0.####") : "not measured";

    /// <summary>Readiness as the board writes it: <c>72/100</c>.</summary>
    private static string Readiness(double v) =>
        double.IsFinite(v) ? ValueText.Format(ValueKind.IndexPoints).Number(v) + "/100" : "not measured";
}
