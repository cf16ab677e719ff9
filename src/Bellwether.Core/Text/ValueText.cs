using System.Globalization;

namespace Bellwether.Core.Text;

/// <summary>What a number is, which decides how it is written wherever it is shown
/// (<see cref="ValueText.Table"/>).</summary>
public enum ValueKind
{
    /// <summary>A change already in percent (a signal's <c>%</c>): <c>+3.6%</c>.</summary>
    Percent,
    /// <summary>A change or return held as a fraction, shown in percent: 0.354 → <c>+35.4%</c>.</summary>
    FractionPercent,
    /// <summary>A return held as a fraction, in whole percent (an event's forward move, CAGR, drawdown):
    /// <c>+959%</c>.</summary>
    Return,
    /// <summary>A part of a whole held as a fraction (weight counted, hit rate, time held, turnover per year):
    /// <c>93%</c>.</summary>
    Share,
    /// <summary>A level that is a rate in percent (the fed funds rate): <c>3.64%</c>.</summary>
    Rate,
    /// <summary>A difference of two percentages: <c>+28.4 pp</c>.</summary>
    PercentagePoints,
    /// <summary>A change of a rate in basis points: <c>−75 bp</c>.</summary>
    BasisPoints,
    /// <summary>A correlation coefficient: <c>0.51 r</c>, <c>−0.07 r</c>.</summary>
    Correlation,
    /// <summary>A change of a correlation coefficient: <c>+0.18 r</c>.</summary>
    CorrelationChange,
    /// <summary>A flow in US$ millions: <c>+1,218.0 US$ m</c>.</summary>
    UsdMillions,
    /// <summary>A change in US$ billions: <c>−229.0 US$ bn</c>.</summary>
    UsdBillions,
    /// <summary>An index reading in points (the Altcoin Season Index, 0–100): <c>14 points</c>.</summary>
    IndexPoints,
    /// <summary>A move of an index in points: <c>+5 points</c>.</summary>
    IndexPointsChange,
    /// <summary>A signal's part in a thesis's readiness, in points of its 100: <c>15.4 points</c>.</summary>
    ReadinessPart,
    /// <summary>A ratio without a unit (Sharpe): <c>1.49</c>, <c>−0.20</c>.</summary>
    Ratio,
    /// <summary>A p-value: three decimals, <c>&lt; 0.001</c> below that.</summary>
    PValue,
    /// <summary>A count: <c>1,234</c>.</summary>
    Count,
    /// <summary>A span in days: <c>90 days</c>.</summary>
    Days,
    /// <summary>A span in months: <c>3.5 months</c>.</summary>
    Months,
    /// <summary>A number with no kind known (a claim without a unit): up to 3 decimals, <c>0.49</c>.</summary>
    Plain,
}

/// <summary>When a value carries a sign.</summary>
public enum SignRule
{
    /// <summary><c>+</c> above zero, <c>−</c> below: a change.</summary>
    Always,
    /// <summary><c>−</c> below zero only: a level.</summary>
    NegativeOnly,
}

/// <summary>One row of the formatting table.</summary>
/// <param name="Unit">The unit written after the number (<c>%</c> is written without a space, others after
/// one).</param>
/// <param name="Scale">What the stored value is multiplied by before it is written (100 for a fraction shown in
/// percent).</param>
/// <param name="Decimals">Digits after the point; <see cref="ValueKind.Plain"/> writes up to this many.</param>
/// <param name="Grouped">Thousands separated by commas.</param>
public sealed record ValueFormat(ValueKind Kind, string Unit, double Scale, int Decimals, SignRule Sign, bool Grouped)
{
    /// <summary><paramref name="v"/> by this row; an em dash for NaN.</summary>
    public string Write(double v)
    {
        string number = Number(v);
        return double.IsNaN(v) || Unit.Length == 0 ? number
            : Unit == "%" ? number + "%" : number + " " + Unit;
    }

    /// <summary>This row for a level in its unit: a sign only when negative.</summary>
    public ValueFormat AsLevel => this with { Sign = SignRule.NegativeOnly };

    /// <summary>The number as <see cref="Write"/> writes it, without the unit (for a column whose header names
    /// it).</summary>
    public string Number(double v)
    {
        if (double.IsNaN(v)) return ValueText.Missing;
        if (Kind == ValueKind.PValue && v < 0.001) return "< 0.001";
        string digits = (Grouped ? "#,##0" : "0")
            + (Decimals == 0 ? "" : (Kind == ValueKind.Plain ? "." + new string('#', Decimals)
            : "." + new string('0', Decimals)));
        string number = Math.Abs(v * Scale).ToString(digits, CultureInfo.InvariantCulture);
        // A value that rounds to zero has no sign.
        bool zero = number.All(c => c is '0' or '.' or ',');
        string sign = zero ? "" : v < 0 ? ValueText.Minus : Sign == SignRule.Always ? "+" : "";
        return sign + number;
    }
}

/// <summary>
/// The one set of rules by which every figure is written, in the terminal, the HTML and Markdown report and the
/// server's pages (docs/report.md, "How figures are written"): per <see cref="ValueKind"/> its unit, sign, decimals and
/// separators. The minus sign is U+2212 (<c>−</c>) everywhere and percent follows its number without a space
/// (<c>93%</c>). JSON keeps the raw number beside a <c>unit</c> field (and, for the board, <c>value_text</c> written by
/// this table).
/// </summary>
public static class ValueText
{
    /// <summary>The minus sign of every figure shown: U+2212.</summary>
    public const string Minus = "\u2212";

    /// <summary>What is shown for a value that is not there.</summary>
    public const string Missing = "—";

    /// <summary>The formatting table, one row per kind.</summary>
    public static IReadOnlyList<ValueFormat> Table { get; } =
    [
        new(ValueKind.Percent, "%", 1, 1, SignRule.Always, true),
        new(ValueKind.FractionPercent, "%", 100, 1, SignRule.Always, true),
        new(ValueKind.Return, "%", 100, 0, SignRule.Always, true),
        new(ValueKind.Share, "%", 100, 0, SignRule.NegativeOnly, true),
        new(ValueKind.Rate, "%", 1, 2, SignRule.NegativeOnly, false),
        new(ValueKind.PercentagePoints, "pp", 1, 1, SignRule.Always, true),
        new(ValueKind.BasisPoints, "bp", 1, 0, SignRule.Always, true),
        new(ValueKind.Correlation, "r", 1, 2, SignRule.NegativeOnly, false),
        new(ValueKind.CorrelationChange, "r", 1, 2, SignRule.Always, false),
        new(ValueKind.UsdMillions, "US$ m", 1, 1, SignRule.Always, true),
        new(ValueKind.UsdBillions, "US$ bn", 1, 1, SignRule.Always, true),
        new(ValueKind.IndexPoints, "points", 1, 0, SignRule.NegativeOnly, true),
        new(ValueKind.IndexPointsChange, "points", 1, 0, SignRule.Always, true),
        new(ValueKind.ReadinessPart, "points", 1, 1, SignRule.NegativeOnly, true),
        new(ValueKind.Ratio, "", 1, 2, SignRule.NegativeOnly, true),
        new(ValueKind.PValue, "", 1, 3, SignRule.NegativeOnly, false),
        new(ValueKind.Count, "", 1, 0, SignRule.NegativeOnly, true),
        new(ValueKind.Days, "days", 1, 0, SignRule.NegativeOnly, true),
        new(ValueKind.Months, "months", 1, 1, SignRule.NegativeOnly, true),
        new(ValueKind.Plain, "", 1, 3, SignRule.NegativeOnly, true),
    ];

    /// <summary>The kind of a value by the unit name a signal or claim reading gives it (<c>%</c>, <c>US$ m</c>,
    /// <c>fraction</c>, <c>r</c>, …); <see cref="ValueKind.Plain"/> for a name not listed.</summary>
    public static ValueKind KindOf(string unit) => unit switch
    {
        "%" => ValueKind.Percent,
        "fraction" => ValueKind.FractionPercent,
        "share" => ValueKind.Share,
        "rate %" => ValueKind.Rate,
        "pp" => ValueKind.PercentagePoints,
        "bp" => ValueKind.BasisPoints,
        "r" => ValueKind.Correlation,
        "Δr" => ValueKind.CorrelationChange,
        "US$ m" => ValueKind.UsdMillions,
        "US$ bn" => ValueKind.UsdBillions,
        "index" or "points" => ValueKind.IndexPoints,
        "ratio" => ValueKind.Ratio,
        "count" => ValueKind.Count,
        "days" => ValueKind.Days,
        "months" => ValueKind.Months,
        _ => ValueKind.Plain,
    };

    /// <summary>The table's row for <paramref name="kind"/>.</summary>
    public static ValueFormat Format(ValueKind kind) => Rows[kind];

    private static readonly Dictionary<ValueKind, ValueFormat> Rows = Table.ToDictionary(r => r.Kind);

    /// <summary><paramref name="v"/> as <paramref name="kind"/> is written: <c>+3.6%</c>, <c>−75 bp</c>, <c>0.51 r</c>;
    /// <see cref="Missing"/> for NaN.</summary>
    public static string Of(double v, ValueKind kind) => Format(kind).Write(v);

    /// <summary><paramref name="v"/> as a level in <paramref name="kind"/>'s unit: its digits and unit, a sign only
    /// when negative (a balance in US$ bn, the size of a move written beside its direction).</summary>
    public static string Level(double v, ValueKind kind) => Format(kind).AsLevel.Write(v);

    /// <summary><paramref name="v"/> in the unit a signal or claim reading names (<see cref="KindOf"/>); empty for NaN,
    /// as a board cell with no value.</summary>
    public static string Of(double v, string unit) => double.IsNaN(v) ? "" : Of(v, KindOf(unit));

    /// <summary>A number in running text (a price, a level) with the table's minus sign:
    /// <c>v.ToString(format)</c> with U+2212 for a negative value.</summary>
    public static string Number(double v, string format) => double.IsNaN(v) ? Missing
        : v.ToString(format, CultureInfo.InvariantCulture).Replace("-", Minus, StringComparison.Ordinal);
}
