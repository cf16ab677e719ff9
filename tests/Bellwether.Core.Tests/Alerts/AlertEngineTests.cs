using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Xunit;

namespace Bellwether.Core.Tests.Alerts;

/// <summary>The alert engine on hand-made boards: each expected notification is derived by hand from the rule.</summary>
public class AlertEngineTests
{
    private static readonly DateOnly Day1 = new(2025, 3, 1);

    private static SignalResult Signal(string id, SignalState state, double value, bool stale = false,
        IReadOnlyDictionary<string, double>? fields = null) =>
        new(id, id, "test", state, value, "", "label", null, "", null, null, stale, 1, [],
            fields ?? new Dictionary<string, double>());

    private static BoardResult Board(int day, double readiness, params SignalResult[] signals) =>
        new(Day1.AddDays(day - 1), "t", readiness, 1, signals, []);

    private static AlertRule Rule(string name, AlertCondition condition, int repeatDays = 0) =>
        new(name, condition, new Dictionary<string, string> { ["severity"] = "warning" }, repeatDays);

    private static List<AlertNotification> Run(AlertRules rules, IEnumerable<BoardResult> boards)
    {
        var engine = new AlertEngine(rules);
        return [.. boards.SelectMany(b => engine.Step(b))];
    }

    private static string Brief(AlertNotification n) =>
        $"{n.Date.Day} {n.Status}{(n.Repeat ? " repeat" : "")}{(n.Silenced ? " silenced" : "")} since {n.Since.Day}";

    [Fact]
    public void A_value_fires_on_the_day_it_reaches_the_level_and_resolves_only_past_the_hysteresis()
    {
        // at_least 75, hysteresis 5: fires at 76 (day 2); 74 and 72 still hold (>= 70); 69 resolves; 80 fires again.
        var rules = new AlertRules([Rule("asi", new ValueCondition("asi", null, new Threshold(Comparison.AtLeast, 75, Hysteresis: 5)))], []);
        double[] values = [70, 76, 74, 72, 69, 80];
        var sent = Run(rules, values.Select((v, k) => Board(k + 1, 50, Signal("asi", SignalState.Neutral, v))));
        Assert.Equal(["2 Firing since 2", "5 Resolved since 2", "6 Firing since 6"], sent.Select(Brief));
        Assert.Equal([76.0, 69, 80], sent.Select(n => n.Value));
    }

    [Fact]
    public void A_value_not_measured_changes_nothing()
    {
        var rules = new AlertRules([Rule("asi", new ValueCondition("asi", null, new Threshold(Comparison.Above, 75)))], []);
        double[] values = [80, double.NaN, 80, 10];
        var sent = Run(rules, values.Select((v, k) => Board(k + 1, 50, Signal("asi", SignalState.Neutral, v))));
        Assert.Equal(["1 Firing since 1", "4 Resolved since 1"], sent.Select(Brief));
    }

    [Fact]
    public void A_field_is_compared_and_a_band_fires_on_entering_and_resolves_on_leaving()
    {
        var rules = new AlertRules([Rule("band", new ValueCondition("eb", "close", new Threshold(Comparison.Enters, 0.03, 0.04)))], []);
        double[] closes = [0.025, 0.031, 0.04, 0.041, 0.035];
        var sent = Run(rules, closes.Select((c, k) => Board(k + 1, 50,
            Signal("eb", SignalState.Neutral, -1, fields: new Dictionary<string, double> { ["close"] = c }))));
        Assert.Equal(["2 Firing since 2", "4 Resolved since 2", "5 Firing since 5"], sent.Select(Brief));
    }

    [Fact]
    public void Leaving_a_band_fires_outside_and_resolves_inside_the_band_narrowed_by_the_hysteresis()
    {
        var t = new Threshold(Comparison.Leaves, 40, 60, Hysteresis: 2);
        Assert.True(t.Holds(39.9, firing: false));
        Assert.False(t.Holds(40, firing: false));
        Assert.True(t.Holds(41.9, firing: true));
        Assert.False(t.Holds(42, firing: true));
        Assert.True(t.Holds(58.1, firing: true));
    }

    [Fact]
    public void Readiness_crossing_down_fires_once_and_withheld_readiness_changes_nothing()
    {
        var rules = new AlertRules([Rule("low", new ReadinessCondition(new Threshold(Comparison.Below, 40, Hysteresis: 5)))], []);
        double[] readiness = [50, 39, double.NaN, 44, 45.5, 30];
        var sent = Run(rules, readiness.Select((r, k) => Board(k + 1, r)));
        Assert.Equal(["2 Firing since 2", "5 Resolved since 2", "6 Firing since 6"], sent.Select(Brief));
        Assert.DoesNotContain("signal", sent[0].Labels.Keys);
    }

    [Fact]
    public void A_state_change_fires_only_from_the_states_named_and_not_on_the_first_day_seen()
    {
        var rules = new AlertRules([Rule("turn", new StateCondition("s", [SignalState.Neutral], [SignalState.Supports]))], []);
        SignalState[] states = [SignalState.Supports, SignalState.Neutral, SignalState.Supports, SignalState.Supports,
            SignalState.Against, SignalState.Supports];
        var sent = Run(rules, states.Select((s, k) => Board(k + 1, 50, Signal("s", s, 0))));
        // Day 1 is the first day seen (no change); day 3 neutral -> supports; day 5 leaves; day 6 comes from against.
        Assert.Equal(["3 Firing since 3", "5 Resolved since 3"], sent.Select(Brief));
    }

    [Fact]
    public void Every_signal_is_its_own_alert_with_its_own_fingerprint()
    {
        var rules = new AlertRules([Rule("stale", new StaleCondition(AlertEngine.EverySignal))], []);
        var sent = Run(rules, [
            Board(1, 50, Signal("a", SignalState.Neutral, 0), Signal("b", SignalState.Neutral, 0)),
            Board(2, 50, Signal("a", SignalState.Neutral, 0, stale: true), Signal("b", SignalState.Neutral, 0, stale: true)),
            Board(3, 50, Signal("a", SignalState.Neutral, 0), Signal("b", SignalState.Neutral, 0, stale: true)),
        ]);
        Assert.Equal(["2 Firing a", "2 Firing b", "3 Resolved a"], sent.Select(n => $"{n.Date.Day} {n.Status} {n.Labels["signal"]}"));
        Assert.NotEqual(sent[0].Fingerprint, sent[1].Fingerprint);
        Assert.Equal(sent[0].Fingerprint, sent[2].Fingerprint);
    }

    [Fact]
    public void A_firing_alert_repeats_after_its_interval_counted_in_board_days()
    {
        var rules = new AlertRules([Rule("r", new ReadinessCondition(new Threshold(Comparison.AtLeast, 60)), repeatDays: 2)], []);
        var sent = Run(rules, Enumerable.Range(1, 5).Select(d => Board(d, 70)));
        Assert.Equal(["1 Firing since 1", "3 Firing repeat since 1", "5 Firing repeat since 1"], sent.Select(Brief));
        Assert.Equal(3, sent.Select(n => n.Key).Distinct().Count());
    }

    [Fact]
    public void A_silenced_firing_is_recorded_muted_and_sent_once_the_silence_ends_if_still_firing()
    {
        var silence = new Silence([new LabelMatcher("alertname", "=", "r")], Day1, Day1.AddDays(2));
        var rules = new AlertRules([Rule("r", new ReadinessCondition(new Threshold(Comparison.AtLeast, 60)))], [silence]);
        var sent = Run(rules, Enumerable.Range(1, 5).Select(d => Board(d, 70)));
        Assert.Equal(["1 Firing silenced since 1", "4 Firing since 1"], sent.Select(Brief));
    }

    [Fact]
    public void A_firing_muted_throughout_resolves_without_a_word()
    {
        var silence = new Silence([new LabelMatcher("severity", "=~", "warn.*")], Day1, Day1.AddDays(9));
        var rules = new AlertRules([Rule("r", new ReadinessCondition(new Threshold(Comparison.AtLeast, 60)))], [silence]);
        var sent = Run(rules, [Board(1, 70), Board(2, 70), Board(3, 10)]);
        Assert.Equal(["1 Firing silenced since 1"], sent.Select(Brief));
    }

    [Fact]
    public void Matchers_follow_alertmanager()
    {
        var labels = new Dictionary<string, string> { ["alertname"] = "x", ["severity"] = "critical" };
        Assert.True(new LabelMatcher("severity", "=~", "crit.*|warning").Matches(labels));
        Assert.False(new LabelMatcher("severity", "=~", "crit").Matches(labels)); // anchored to the whole value
        Assert.True(new LabelMatcher("team", "=", "").Matches(labels)); // a missing label is the empty value
        Assert.True(new LabelMatcher("alertname", "!~", "y|z").Matches(labels));
        Assert.False(new LabelMatcher("alertname", "!=", "x").Matches(labels));
    }

    [Fact]
    public void Days_evaluated_late_from_remembered_state_give_what_evaluating_on_time_gave()
    {
        var rules = new AlertRules([
            Rule("asi", new ValueCondition("asi", null, new Threshold(Comparison.AtLeast, 75, Hysteresis: 5)), repeatDays: 3),
            Rule("turn", new StateCondition(AlertEngine.EverySignal, [], [SignalState.Supports])),
        ], []);
        var boards = Enumerable.Range(1, 30).Select(d => Board(d, 50,
            Signal("asi", d % 7 < 3 ? SignalState.Supports : SignalState.Neutral, 60 + 3 * (d % 11)))).ToList();
        var onTime = Run(rules, boards);
        var first = new AlertEngine(rules);
        var before = boards.Take(12).SelectMany(b => first.Step(b)).ToList();
        var resumed = new AlertEngine(rules, first.Memory); // a restart after 12 days, then 18 days caught up at once
        var late = before.Concat(boards.Skip(12).SelectMany(b => resumed.Step(b))).ToList();
        Assert.Contains(onTime, n => n.Date.Day > 12);
        static string Full(AlertNotification n) => $"{n.Key} {n.Fingerprint} {Brief(n)} {n.Summary} {n.Value}";
        Assert.Equal(onTime.Select(Full), late.Select(Full));
    }

    [Fact]
    public void The_fingerprint_and_the_key_are_sha256_of_the_sorted_labels_and_the_transition()
    {
        // Reference: python3 hashlib.sha256("alertname=altcoin_season\nseverity=critical\nsignal=altseason_90d_k50\n
        // team=crypto").hexdigest()[:16], and of that + "|Firing|2025-03-04".
        var labels = new Dictionary<string, string> { ["team"] = "crypto", ["severity"] = "critical" };
        var rule = new AlertRule("altcoin_season", new ValueCondition("altseason_90d_k50", null,
            new Threshold(Comparison.AtLeast, 75)), labels, 0);
        var sent = Run(new AlertRules([rule], []), Enumerable.Range(1, 4).Select(d =>
            Board(d, 50, Signal("altseason_90d_k50", SignalState.Neutral, d == 4 ? 80 : 10))));
        var n = Assert.Single(sent);
        Assert.Equal("aec28f22ab8a5e3f", n.Fingerprint);
        Assert.Equal("74be76663000440d", n.Key);
    }

    [Fact]
    public void A_warm_up_day_sends_nothing_and_what_fires_then_is_sent_on_the_next_day()
    {
        var rules = new AlertRules([Rule("r", new ReadinessCondition(new Threshold(Comparison.AtLeast, 60)))], []);
        var engine = new AlertEngine(rules);
        Assert.Empty(engine.Step(Board(1, 70), notify: false));
        Assert.Equal(["2 Firing since 1"], engine.Step(Board(2, 70)).Select(Brief));
        Assert.Single(engine.Firing);
    }
}
