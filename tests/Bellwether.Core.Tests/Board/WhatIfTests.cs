using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Xunit;

namespace Bellwether.Core.Tests.Board;

public class WhatIfTests
{
    private static readonly SignalKinds Kinds = new([new CloseKind()]);
    private static readonly DateOnly Day = new(2025, 1, 2);

    private static DailySeries Daily(string id, params double[] closes) =>
        new(new Instrument(id, AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay),
            closes.Select((c, i) => new DailyBar(new DateOnly(2025, 1, 1).AddDays(i), double.NaN, double.NaN,
                double.NaN, c, double.NaN, double.NaN, "t")).ToList());

    private static readonly MemoryMarketData Data = new(Daily("A", 120, 120), Daily("B", 50, 50), Daily("C", 90, 90));

    private static SignalSpec Signal(string id, string instrument, double weight, Rule? supports = null,
        Rule? against = null) =>
        new(id, id, "close", weight, new Dictionary<string, string> { ["instrument"] = instrument }, supports, against);

    private static Rule Compare(params (string Field, string Text)[] clauses) =>
        new([.. clauses.Select(c => RuleClause.Comparison(c.Field, c.Text))]);

    private static readonly ThesisDefinition Thesis = new("t", "", [
        Signal("a", "A", 3, supports: new Rule([new RuleClause("label", ["up"], null, 0)])),      // supports
        Signal("b", "B", 1, supports: Compare(("value", ">= 100")), against: Compare(("value", "< 60"))), // against
        Signal("c", "C", 2, supports: Compare(("value", ">= 100"), ("double", "> 150"))),           // neutral
        Signal("n", "NONE", 4, supports: Compare(("value", ">= 0"))),                               // not measurable
    ]);

    private static WhatIf Changes(Dictionary<string, double>? weights = null, params ThresholdChange[] thresholds) =>
        new(weights ?? [], thresholds);

    public static readonly TheoryData<WhatIf> Cases = new()
    {
        WhatIf.None,
        Changes(new() { ["a"] = 0 }),
        Changes(new() { ["b"] = 5, ["c"] = 0.5 }),
        Changes(null, new ThresholdChange("b", RuleSide.Against, "value", 40)),          // against → neutral
        Changes(null, new ThresholdChange("c", RuleSide.Supports, "value", 80)),         // neutral → supports
        Changes(new() { ["a"] = 1 }, new ThresholdChange("b", RuleSide.Supports, "value", 50),
            new ThresholdChange("c", RuleSide.Supports, "double", 200)),
        Changes(new() { ["a"] = 0, ["b"] = 0, ["c"] = 0 }),                              // nothing counts: withheld
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rescoring_the_board_equals_evaluating_the_changed_thesis_afresh(WhatIf changes)
    {
        var changed = changes.Apply(Thesis);
        var fresh = ThesisBoard.Evaluate(changed, Data, Day, Kinds);
        var rescored = WhatIf.Rescore(ThesisBoard.Evaluate(Thesis, Data, Day, Kinds), changed);
        Assert.Equal(fresh.Readiness, rescored.Readiness);
        Assert.Equal(fresh.Counted, rescored.Counted);
        Assert.Equal(fresh.Withheld, rescored.Withheld);
        Assert.Equal(fresh.Signals, rescored.Signals, SameSignal);
        Assert.Equal(fresh.Breakdown, rescored.Breakdown);
    }

    private static bool SameSignal(SignalResult x, SignalResult y) =>
        x with { Inputs = y.Inputs, Fields = y.Fields } == y && x.Inputs.SequenceEqual(y.Inputs)
        && x.Fields.OrderBy(f => f.Key).SequenceEqual(y.Fields.OrderBy(f => f.Key));

    [Fact]
    public void The_changes_move_readiness_as_worked_out_by_hand()
    {
        // The file: a supports (3 × 1), b against (1 × 0), c neutral (2 × 0.5); n is not measurable.
        var board = ThesisBoard.Evaluate(Thesis, Data, Day, Kinds);
        Assert.Equal(100.0 * 4 / 6, board.Readiness, 12);
        // b's against level lowered to 40 (its close is 50): neutral; c's supports level lowered to 80 (close 90,
        // double 180 > 150): supports; a weighs 1.
        var changed = Changes(new() { ["a"] = 1 }, new ThresholdChange("b", RuleSide.Against, "value", 40),
            new ThresholdChange("c", RuleSide.Supports, "value", 80)).Apply(Thesis);
        var rescored = WhatIf.Rescore(board, changed);
        Assert.Equal([SignalState.Supports, SignalState.Neutral, SignalState.Supports, SignalState.NotMeasurable],
            rescored.Signals.Select(s => s.State));
        Assert.Equal(100.0 * (1 * 1 + 1 * 0.5 + 2 * 1) / 4, rescored.Readiness, 12);
        Assert.Equal("value >= 80 and double > 150", changed.Signals[2].Supports!.ToString());
        Assert.Equal("value >= 100 and double > 150", Thesis.Signals[2].Supports!.ToString()); // untouched
    }

    [Theory]
    [InlineData("x", RuleSide.Supports, "value",
        "threshold.x.supports.value: no signal 'x' in the thesis t (its signals: a, b, c, n)")]
    [InlineData("a", RuleSide.Supports, "value", "threshold.a.supports.value: the signal's supports rule has no "
        + "comparison on 'value' (its rules compare no number)")]
    [InlineData("b", RuleSide.Against, "double", "threshold.b.against.double: the signal's against rule has no "
        + "comparison on 'double' (its rules compare: supports.value, against.value)")]
    [InlineData("c", RuleSide.Against, "value", "threshold.c.against.value: the signal's against rule has no "
        + "comparison on 'value' (its rules compare: supports.value, supports.double)")]
    public void A_threshold_the_thesis_does_not_have_is_refused_by_its_parameter(string signal, RuleSide side,
        string field, string message) =>
        Assert.Equal(message, Assert.Throws<WhatIfException>(() =>
            Changes(null, new ThresholdChange(signal, side, field, 1)).Apply(Thesis)).Message);

    [Fact]
    public void A_weight_of_an_unknown_signal_or_below_zero_is_refused()
    {
        var unknown = Assert.Throws<WhatIfException>(() => Changes(new() { ["zz"] = 1 }).Apply(Thesis));
        Assert.Equal("weight.zz", unknown.Parameter);
        var negative = Assert.Throws<WhatIfException>(() => Changes(new() { ["a"] = -1 }).Apply(Thesis));
        Assert.Equal("weight.a: must be 0 or more", negative.Message);
    }

    [Fact]
    public void Two_comparisons_on_one_field_cannot_be_told_apart()
    {
        var band = Thesis with
        {
            Signals = [Signal("a", "A", 1, supports: Compare(("value", "> 100"), ("value", "< 200")))],
        };
        var change = Changes(null, new ThresholdChange("a", RuleSide.Supports, "value", 1));
        var e = Assert.Throws<WhatIfException>(() => change.Apply(band));
        Assert.Equal("the signal's supports rule compares 'value' 2 times", e.Problem);
    }
}
