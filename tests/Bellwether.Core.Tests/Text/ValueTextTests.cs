using Bellwether.Core.Text;
using Xunit;

namespace Bellwether.Core.Tests.Text;

public sealed class ValueTextTests
{
    [Theory]
    [InlineData(ValueKind.Percent, 3.5996, "+3.6%")]
    [InlineData(ValueKind.Percent, -30.664, "−30.7%")]
    [InlineData(ValueKind.FractionPercent, 3.8, "+380.0%")]
    [InlineData(ValueKind.Return, 9.593, "+959%")]
    [InlineData(ValueKind.Return, -0.2049, "−20%")]
    [InlineData(ValueKind.Return, 12.34, "+1,234%")]
    [InlineData(ValueKind.Share, 0.9286, "93%")]
    [InlineData(ValueKind.Rate, 3.64, "3.64%")]
    [InlineData(ValueKind.PercentagePoints, 28.35, "+28.4 pp")]
    [InlineData(ValueKind.BasisPoints, -75.00000000000004, "−75 bp")]
    [InlineData(ValueKind.Correlation, 0.5115, "0.51 r")]
    [InlineData(ValueKind.Correlation, -0.07, "−0.07 r")]
    [InlineData(ValueKind.CorrelationChange, 0.1815, "+0.18 r")]
    [InlineData(ValueKind.UsdMillions, 1218.0000000000002, "+1,218.0 US$ m")]
    [InlineData(ValueKind.UsdBillions, -228.976, "−229.0 US$ bn")]
    [InlineData(ValueKind.IndexPoints, 14, "14 points")]
    [InlineData(ValueKind.IndexPointsChange, -6, "−6 points")]
    [InlineData(ValueKind.ReadinessPart, 15.384615, "15.4 points")]
    [InlineData(ValueKind.ReadinessPart, 0, "0.0 points")]
    [InlineData(ValueKind.Ratio, 1.4949, "1.49")]
    [InlineData(ValueKind.Ratio, -0.2, "−0.20")]
    [InlineData(ValueKind.PValue, 0.0004, "< 0.001")]
    [InlineData(ValueKind.PValue, 0.04567, "0.046")]
    [InlineData(ValueKind.Count, 604889, "604,889")]
    [InlineData(ValueKind.Days, 90, "90 days")]
    [InlineData(ValueKind.Months, 3.52, "3.5 months")]
    [InlineData(ValueKind.Plain, 0.49, "0.49")]
    public void Every_kind_is_written_by_its_row(ValueKind kind, double value, string expected) =>
        Assert.Equal(expected, ValueText.Of(value, kind));

    [Fact]
    public void The_table_has_one_row_per_kind()
    {
        Assert.Equal(Enum.GetValues<ValueKind>(), ValueText.Table.Select(r => r.Kind).Order());
        Assert.All(Enum.GetValues<ValueKind>(), k => Assert.Equal(k, ValueText.Format(k).Kind));
    }

    [Theory]
    [InlineData(ValueKind.Percent, -0.04)]
    [InlineData(ValueKind.UsdMillions, -0.01)]
    [InlineData(ValueKind.Return, -0.001)]
    public void A_value_that_rounds_to_zero_has_no_sign(ValueKind kind, double value) =>
        Assert.DoesNotContain(ValueText.Minus, ValueText.Of(value, kind));

    [Fact]
    public void One_minus_sign_no_space_before_percent_and_a_dash_for_nothing()
    {
        foreach (var kind in Enum.GetValues<ValueKind>())
        {
            string text = ValueText.Of(-12.5, kind);
            Assert.DoesNotContain("-", text);
            Assert.DoesNotContain(" %", text);
            Assert.Equal(ValueText.Missing, ValueText.Of(double.NaN, kind));
        }
        Assert.Equal("", ValueText.Of(double.NaN, "%")); // a board cell without a value
        Assert.Equal("−2,442.74", ValueText.Number(-2442.74, "#,##0.00"));
    }

    [Theory]
    [InlineData("%", ValueKind.Percent)]
    [InlineData("fraction", ValueKind.FractionPercent)]
    [InlineData("US$ m", ValueKind.UsdMillions)]
    [InlineData("r", ValueKind.Correlation)]
    [InlineData("Δr", ValueKind.CorrelationChange)]
    [InlineData("index", ValueKind.IndexPoints)]
    [InlineData("something else", ValueKind.Plain)]
    public void Signal_and_claim_units_name_their_kind(string unit, ValueKind kind) =>
        Assert.Equal(kind, ValueText.KindOf(unit));
}
