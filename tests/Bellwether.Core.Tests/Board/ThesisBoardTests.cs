using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Series;
using Xunit;

namespace Bellwether.Core.Tests.Board;

public class ThesisBoardTests
{
    private static readonly SignalKinds Kinds = new([new CloseKind()]);

    /// <summary>A daily series with one close per day from 2025-01-01.</summary>
    private static DailySeries Daily(string id, params double[] closes) =>
        new(new Instrument(id, AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay),
            closes.Select((c, i) => new DailyBar(new DateOnly(2025, 1, 1).AddDays(i), double.NaN, double.NaN, double.NaN, c, double.NaN, double.NaN, "t")).ToList());

    private static SignalSpec Signal(string id, string instrument, double weight, Rule? supports = null, Rule? against = null) =>
        new(id, id, "close", weight, new Dictionary<string, string> { ["instrument"] = instrument }, supports, against);

    private static Rule Label(params string[] words) => new([new RuleClause("label", words, null, 0)]);
    private static Rule Compare(string field, string text) => new([RuleClause.Comparison(field, text)]);

    [Fact]
    public void Readiness_is_the_weighted_mean_of_the_scores_of_the_signals_that_count()
    {
        double[] Ten(double v) => Enumerable.Repeat(v, 10).ToArray();
        var data = new MemoryMarketData(Daily("A", Ten(120)), Daily("B", Ten(50)), Daily("C", Ten(90)), Daily("D", 10));
        var thesis = new ThesisDefinition("t", "", [
            Signal("a", "A", 3, supports: Label("up")),                           // supports: 1 × 3
            Signal("b", "B", 1, supports: Label("up"), against: Label("down")),   // against: 0 × 1
            Signal("c", "C", 2, supports: Compare("value", ">= 100")),            // neutral: 0.5 × 2
            Signal("d", "D", 5, supports: Label("up")),                           // stale (last row 2025-01-01): not counted
            Signal("e", "NONE", 4),                                               // not measurable: not counted
            Signal("f", "A", 0, supports: Label("up")),                           // weight 0: shown only
        ]);
        var board = ThesisBoard.Evaluate(thesis, data, new DateOnly(2025, 1, 2), Kinds);
        Assert.Equal([SignalState.Supports, SignalState.Against, SignalState.Neutral, SignalState.Neutral, SignalState.NotMeasurable, SignalState.Supports],
            board.Signals.Select(s => s.State));
        Assert.False(board.Signals[3].Stale); // one day old: fresh
        Assert.Equal(100.0 * (3 * 1 + 1 * 0 + 2 * 0.5 + 5 * 0.5) / (3 + 1 + 2 + 5), board.Readiness, 12);
        Assert.Equal(board.Readiness, board.Breakdown.Sum(p => p.Contribution), 12);
        Assert.Equal(11.0 / 15, board.Counted, 12);

        var later = ThesisBoard.Evaluate(thesis, data, new DateOnly(2025, 1, 10), Kinds);
        Assert.True(later.Signals[3].Stale); // eight days without a row on an every-day calendar
        Assert.Equal("stale input: not counted", later.Breakdown[3].Note);
        // 6 of 15 weight (40%) is below the default half: readiness is withheld, with the reason in words.
        Assert.Equal(6.0 / 15, later.Counted, 12);
        Assert.True(double.IsNaN(later.Readiness));
        Assert.Equal("insufficient support: 40% of the thesis's weight measured, below the 50% readiness needs (min_measured)",
            later.Withheld);
        Assert.All(later.Breakdown, p => Assert.Equal(0, p.Contribution));
        var lenient = ThesisBoard.Evaluate(thesis with { MinMeasured = 0.4 }, data, new DateOnly(2025, 1, 10), Kinds);
        Assert.Null(lenient.Withheld);
        Assert.Equal(100.0 * (3 * 1 + 1 * 0 + 2 * 0.5) / 6, lenient.Readiness, 12);
        Assert.Equal(lenient.Readiness, lenient.Breakdown.Sum(p => p.Contribution), 12);
    }

    [Fact]
    public void A_failing_signal_surfaces_as_its_own_exception_the_first_in_thesis_order()
    {
        var kinds = new SignalKinds([new CloseKind(), new FailingKind()]);
        SignalSpec Failing(string id) => new(id, id, "fails", 1, new Dictionary<string, string> { ["message"] = id }, null, null);
        var thesis = new ThesisDefinition("t", "", [
            Signal("a", "A", 1), Failing("second"), Signal("c", "A", 1), Failing("fourth"), Signal("e", "A", 1),
        ]);
        var data = new MemoryMarketData(Daily("A", 120));
        for (int run = 0; run < 20; run++) // the signals are read in parallel: the order of failures must not matter
        {
            var e = Assert.Throws<IOException>(() => ThesisBoard.Evaluate(thesis, data, new DateOnly(2025, 1, 1), kinds));
            Assert.Equal("second", e.Message);
        }
    }

    private sealed class FailingKind : SignalKind<string>
    {
        public override string Name => "fails";
        public override string Description => "test: throws its message";
        public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
            [new("message", "", "the exception's message")];
        public override IReadOnlyList<string> Labels { get; } = [];
        public override IReadOnlyList<string> Fields { get; } = [];
        protected override string Parse(SignalSpec spec) => spec.Text(Parameters[0]);
        protected override SignalReading Read(string message, IMarketData data, DateOnly asOf) => throw new IOException(message); // as a failing store would: not a refusal of the data
    }

    [Fact]
    public void Only_a_refusal_of_the_data_is_not_measurable_any_other_exception_is_a_bug_that_surfaces()
    {
        var kinds = new SignalKinds([new RefusingKind()]);
        ThesisDefinition Thesis(string exception) => new("t", "", [
            new("x", "x", "refuses", 1, new Dictionary<string, string> { ["exception"] = exception }, null, null)]);
        var data = new MemoryMarketData();
        var board = ThesisBoard.Evaluate(Thesis("not_measurable"), data, new DateOnly(2025, 1, 1), kinds);
        Assert.Equal(SignalState.NotMeasurable, board.Signals[0].State);
        Assert.Equal("not measurable: no price", board.Signals[0].Explanation);
        Assert.Throws<ArgumentException>(() => ThesisBoard.Evaluate(Thesis("argument"), data, new DateOnly(2025, 1, 1), kinds));
        Assert.Throws<InvalidOperationException>(() => ThesisBoard.Evaluate(Thesis("invalid"), data, new DateOnly(2025, 1, 1), kinds));
    }

    private sealed class RefusingKind : SignalKind<string>
    {
        public override string Name => "refuses";
        public override string Description => "test: throws the exception it is told to";
        public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
            [new("exception", "", "which exception")];
        public override IReadOnlyList<string> Labels { get; } = [];
        public override IReadOnlyList<string> Fields { get; } = [];
        protected override string Parse(SignalSpec spec) => spec.Text(Parameters[0]);
        protected override SignalReading Read(string exception, IMarketData data, DateOnly asOf) => throw (exception switch
        {
            "not_measurable" => new NotMeasurableException("no price"),
            "argument" => new ArgumentException("a bug"),
            _ => (Exception)new InvalidOperationException("a bug"),
        });
    }

    [Fact]
    public void Readiness_is_nan_when_nothing_counts()
    {
        var board = ThesisBoard.Evaluate(new ThesisDefinition("t", "", [Signal("x", "NONE", 1)]), new MemoryMarketData(), new DateOnly(2025, 1, 1), Kinds);
        Assert.True(double.IsNaN(board.Readiness));
        Assert.Equal(0, board.Counted);
        Assert.Equal("no signal counted: nothing of the thesis could be measured", board.Withheld);
        Assert.Equal("not measurable: no data", board.Signals[0].Explanation);
    }

    [Fact]
    public void Supports_is_checked_before_against_and_every_clause_must_hold()
    {
        var data = new MemoryMarketData(Daily("A", 150));
        var both = new Rule([new RuleClause("label", ["up"], null, 0), RuleClause.Comparison("double", "> 400")]);
        var thesis = new ThesisDefinition("t", "", [Signal("a", "A", 1, supports: both, against: Label("up"))]);
        Assert.Equal(SignalState.Against, ThesisBoard.Evaluate(thesis, data, new DateOnly(2025, 1, 1), Kinds).Signals[0].State);
        thesis = new ThesisDefinition("t", "", [Signal("a", "A", 1, supports: Label("UP"), against: Label("up"))]);
        Assert.Equal(SignalState.Supports, ThesisBoard.Evaluate(thesis, data, new DateOnly(2025, 1, 1), Kinds).Signals[0].State);
    }

    [Theory]
    [InlineData("< 5", 4.9, true)]
    [InlineData("<= 5", 5, true)]
    [InlineData("> 5", 5, false)]
    [InlineData(">= -2.5", -2.5, true)]
    [InlineData("== 3", 3, true)]
    [InlineData("!= 3", 3, false)]
    [InlineData(">= 0", double.NaN, false)]
    [InlineData("!= 0", double.NaN, false)]
    public void Comparisons(string text, double value, bool holds)
    {
        var reading = new SignalReading(true, value, "x", null, "", null, null, [], new Dictionary<string, double>());
        Assert.Equal(holds, RuleClause.Comparison("value", text).Matches(reading));
    }

    [Theory]
    [InlineData("= 3")]
    [InlineData(">= three")]
    [InlineData("")]
    public void A_comparison_that_is_not_an_operator_and_a_number_is_refused(string text) =>
        Assert.Throws<FormatException>(() => RuleClause.Comparison("value", text));

    [Fact]
    public void A_missing_field_never_matches()
    {
        var reading = new SignalReading(true, 1, "x", null, "", null, null, [], new Dictionary<string, double>());
        Assert.False(RuleClause.Comparison("other", ">= 0").Matches(reading));
    }

    [Fact]
    public void Validation_names_the_line_and_the_problem()
    {
        ThesisException Fails(SignalSpec spec) => Assert.Throws<ThesisException>(() => Kinds.Validate(new ThesisDefinition("t", "", [spec])));
        var unknownKind = Fails(new SignalSpec("a", "a", "nope", 1, new Dictionary<string, string>(), null, null, 7));
        Assert.Equal(7, unknownKind.Line);
        Assert.Contains("unknown kind 'nope'", unknownKind.Message);
        var unknownParameter = Fails(new SignalSpec("a", "a", "close", 1, new Dictionary<string, string> { ["instrumnet"] = "X" }, null, null, 3));
        Assert.Contains("has no parameter 'instrumnet'; it takes: instrument", unknownParameter.Message);
        var badLabel = Fails(Signal("a", "A", 1, supports: new Rule([new RuleClause("label", ["upp"], null, 0, 12)])));
        Assert.Equal(12, badLabel.Line);
        Assert.Contains("never gives the label 'upp'; its labels: up, down", badLabel.Message);
        var badField = Fails(Signal("a", "A", 1, against: new Rule([RuleClause.Comparison("tripple", "> 1", 9)])));
        Assert.Equal(9, badField.Line);
        Assert.Contains("has no field 'tripple'", badField.Message);
    }

    [Fact]
    public void History_is_the_board_of_every_friday()
    {
        var data = new MemoryMarketData(Daily("A", Enumerable.Range(0, 40).Select(i => 80.0 + i).ToArray()));
        var thesis = new ThesisDefinition("t", "", [Signal("a", "A", 1, supports: Label("up"), against: Label("down"))]);
        var history = ThesisBoard.History(thesis, data, new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 7), Kinds);
        Assert.Equal([new(2025, 1, 3), new(2025, 1, 10), new(2025, 1, 17), new(2025, 1, 24), new(2025, 1, 31), new DateOnly(2025, 2, 7)], history.Select(p => p.Date));
        foreach (var p in history)
        {
            var board = ThesisBoard.Evaluate(thesis, data, p.Date, Kinds);
            Assert.Equal(board.Readiness, p.Readiness);
            Assert.Equal(board.Signals.Select(s => s.State), p.States);
        }
        Assert.Equal([0.0, 0, 0, 100, 100, 100], history.Select(p => p.Readiness)); // closes 82, 89, 96, 103, 110, 117
    }
}
