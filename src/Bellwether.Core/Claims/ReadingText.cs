using System.Globalization;
using System.Text.Json;
using Bellwether.Core.Text;

namespace Bellwether.Core.Claims;

/// <summary>Small text helpers shared by the claim kinds.</summary>
internal static class ReadingText
{
    /// <summary>An enum value as a snake_case word (<c>BothInflow</c> → <c>both_inflow</c>), as in the JSON.</summary>
    public static string Snake<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percent with <paramref name="decimals"/> decimals.</summary>
    public static string Percent(double fraction, int decimals = 1) =>
        ValueText.Number(fraction * 100, "F" + decimals) + "%";

    /// <summary>A number with up to <paramref name="decimals"/> decimals, invariant.</summary>
    public static string Number(double v, int decimals = 2) =>
        ValueText.Number(v, "#,##0." + new string('#', decimals));

    /// <summary>A figure dictionary from pairs.</summary>
    public static Dictionary<string, double> Figures(params (string Name, double Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value);

    /// <summary>A date dictionary from pairs, leaving out null dates.</summary>
    public static Dictionary<string, DateOnly> Dates(params (string Name, DateOnly? Date)[] pairs) =>
        pairs.Where(p => p.Date is not null).ToDictionary(p => p.Name, p => p.Date!.Value);
}
