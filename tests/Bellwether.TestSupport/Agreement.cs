using System.Text.Json;
using Xunit;

namespace Bellwether.TestSupport;

/// <summary>Numeric agreement checks between Bellwether and a reference implementation.</summary>
public static class Agreement
{
    /// <summary>Relative tolerance for coefficients, sums and drawdowns.</summary>
    public const double Coefficient = 1e-9;

    /// <summary>Relative tolerance for test statistics and p-values.</summary>
    public const double TestStatistic = 1e-6;

    /// <summary>
    /// Fails unless <paramref name="actual"/> is within <paramref name="relative"/> of <paramref name="expected"/>
    /// (relative to |expected|, with an absolute floor of 1e-13 for values at zero); NaN agrees only with NaN.
    /// </summary>
    public static void Close(double expected, double actual, double relative, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            if (double.IsNaN(expected) != double.IsNaN(actual)) Assert.Fail($"{what}: expected {expected:R}, got {actual:R}");
            return;
        }
        double difference = Math.Abs(expected - actual);
        if (difference <= relative * Math.Abs(expected) || difference <= 1e-13) return;
        Assert.Fail($"{what}: expected {expected:R}, got {actual:R} (relative difference {difference / Math.Abs(expected):E2}, allowed {relative:E0})");
    }

    /// <summary>A JSON number, with null read as NaN.</summary>
    public static double Number(this JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();

    /// <summary>A JSON number property, with null read as NaN.</summary>
    public static double Number(this JsonElement e, string property) => e.GetProperty(property).Number();
}
