using System.Text.Json;
using Xunit;

namespace Bellwether.Core.Tests.Statistics;

/// <summary>Comparisons with reference output: relative tolerance, with a floor of 1 unit for values near zero.</summary>
internal static class RelativeAssert
{
    public const double Tolerance = 1e-9;

    public static void Equal(double expected, double actual, string what, double tolerance = Tolerance)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual)) return;
        double scale = Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(actual)));
        if (!(Math.Abs(expected - actual) <= tolerance * scale))
            Assert.Fail($"{what}: expected {expected:R}, got {actual:R} (relative difference {Math.Abs(expected - actual) / scale:E2})");
    }

    /// <summary>A JSON number, or NaN for null.</summary>
    public static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();

    public static DateOnly Date(JsonElement e) => DateOnly.Parse(e.GetString()!);

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(Number).ToArray();

    public static DateOnly[] Dates(JsonElement array) => array.EnumerateArray().Select(Date).ToArray();
}
