using System.Globalization;
using Bellwether.Api;

namespace Bellwether.Server;

/// <summary>Query-string values read as the CLI reads its options; a bad one is a <see cref="QueryException"/>
/// (400).</summary>
internal static class QueryValues
{
    public static DateOnly? Date(string? text, string name) =>
        ServerApp.TryDate(text, out var date) ? date
        : throw new QueryException(name, $"'{text}' is not a date (expected yyyy-MM-dd)");

    public static int Integer(string? text, string name, int otherwise) =>
        string.IsNullOrEmpty(text) ? otherwise
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
        : throw new QueryException(name, $"'{text}' is not a whole number");

    public static double Number(string? text, string name, double otherwise) =>
        string.IsNullOrEmpty(text) ? otherwise
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? x
        : throw new QueryException(name, $"'{text}' is not a number");

    /// <summary>One of an enum's names, in snake case (as the CLI takes it, case-insensitive).</summary>
    public static TEnum Choice<TEnum>(string? text, string name, TEnum otherwise) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text)) return otherwise;
        foreach (var value in Enum.GetValues<TEnum>())
            if (string.Equals(Snake(value), text, StringComparison.OrdinalIgnoreCase)) return value;
        throw new QueryException(name,
            $"'{text}' is not one of {string.Join(", ", Enum.GetValues<TEnum>().Select(Snake))}");
    }

    private static string Snake<TEnum>(TEnum value) where TEnum : struct, Enum =>
        ApiJson.Options.PropertyNamingPolicy!.ConvertName(value.ToString());
}
