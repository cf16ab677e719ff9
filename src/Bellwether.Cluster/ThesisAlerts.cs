using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Data.Alerts;

namespace Bellwether.Cluster;

/// <summary>
/// A rules file evaluated by a thesis grain on each day it closes (docs/scale.md, "Alerts on the thesis grain"): the
/// <see cref="AlertEngine"/>, the first day to evaluate, the last day evaluated, and the notifications no client has
/// acknowledged yet. A day at or before the last evaluated is never evaluated again (a stream closing it again after a
/// reactivation or a restart leaves it alone), as <c>alerts run</c> never evaluates a recorded day again.
/// </summary>
internal sealed class ThesisAlerts
{
    private readonly AlertEngine _engine;
    private readonly List<AlertNotification> _pending;
    private readonly int _from;
    private bool _warmUp;

    private ThesisAlerts(AlertRules rules, AlertState state)
    {
        _engine = new AlertEngine(rules, ThesisJson.Read<List<AlertMemory>>(state.Memory));
        _pending = ThesisJson.Read<List<AlertNotification>>(state.Pending);
        (_from, _warmUp, LastDay) = (state.From, state.WarmUp, state.LastDay);
    }

    /// <summary>The last day evaluated (day number), −1 before any.</summary>
    public int LastDay { get; private set; }

    /// <summary>
    /// The rules of <paramref name="opening"/> with the state the grain <paramref name="kept"/>; without one, or when
    /// the opening starts after the kept state's last day (the client's store recorded later days, e.g. by
    /// <c>alerts run</c> in its process), from where the opening says, keeping the notifications not acknowledged.
    /// </summary>
    /// <exception cref="Data.Thesis.DefinitionFileException">The rules text does not parse.</exception>
    public static ThesisAlerts Open(AlertOpening opening, AlertState? kept)
    {
        var rules = AlertRulesFile.Parse(opening.Rules, opening.File).Rules;
        if (kept is not null && opening.From <= kept.LastDay + 1) return new ThesisAlerts(rules, kept);
        return new ThesisAlerts(rules, new AlertState(opening.From, opening.WarmUp, opening.From - 1, opening.Memory,
            (kept ?? None).Pending));
    }

    /// <summary>Evaluates the rules on the board of a day just closed, unless it comes before the first day to
    /// evaluate or was evaluated already; the first day evaluated of a warm-up opening notifies nothing.</summary>
    public void Closed(BoardResult board)
    {
        int day = board.AsOf.DayNumber;
        if (day < _from || day <= LastDay) return;
        _pending.AddRange(_engine.Step(board, notify: !_warmUp));
        (_warmUp, LastDay) = (false, day);
    }

    /// <summary>Drops the notifications whose keys a client has recorded and delivered; returns how many.</summary>
    public int Acknowledge(IReadOnlySet<string> keys) => _pending.RemoveAll(n => keys.Contains(n.Key));

    /// <summary><see cref="Acknowledge(IReadOnlySet{string})"/> on a state kept without its rules (a grain not
    /// open).</summary>
    public static (AlertState State, int Removed) Acknowledge(AlertState state, IReadOnlySet<string> keys)
    {
        var pending = ThesisJson.Read<List<AlertNotification>>(state.Pending);
        int removed = pending.RemoveAll(n => keys.Contains(n.Key));
        return (state with { Pending = ThesisJson.Of(pending) }, removed);
    }

    /// <summary>The state of rules that evaluated nothing.</summary>
    public static AlertState None { get; } =
        new(0, false, -1, ThesisJson.Of(new List<AlertMemory>()), ThesisJson.Of(new List<AlertNotification>()));

    public AlertState State() =>
        new(_from, _warmUp, LastDay, ThesisJson.Of(_engine.Memory), ThesisJson.Of(_pending));

    /// <summary>The answer to a client: the last day evaluated, the memory and the notifications not acknowledged.
    /// </summary>
    public static byte[] Answer(AlertState state) => ThesisJson.Of(new ThesisAlertsAnswer(state.LastDay,
        ThesisJson.Read<List<AlertMemory>>(state.Memory), ThesisJson.Read<List<AlertNotification>>(state.Pending)));
}

/// <summary>
/// A thesis grain's alerts as a client reads them (<see cref="IThesisGrain.Alerts"/>): the last day evaluated (day
/// number, −1 before any), what the engine remembers after it, and every notification not acknowledged yet, in the
/// order the engine gave them (days in order).
/// </summary>
public sealed record ThesisAlertsAnswer(int LastDay, IReadOnlyList<AlertMemory> Memory,
    IReadOnlyList<AlertNotification> Pending)
{
    /// <summary>Read from the grain's JSON.</summary>
    public static ThesisAlertsAnswer Of(byte[] json) => ThesisJson.Read<ThesisAlertsAnswer>(json);
}
