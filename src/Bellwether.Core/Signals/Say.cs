using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Bellwether.Core.Text;

namespace Bellwether.Core.Signals;

/// <summary>Numbers and dates as the explanations write them (invariant culture, the minus sign of
/// <see cref="ValueText"/>).</summary>
internal static class Say
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A date, <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant);

    /// <summary>A month, <c>yyyy-MM</c>.</summary>
    public static string Month(DateOnly d) => d.ToString("yyyy-MM", Invariant);

    /// <summary>A percentage already in percent, one decimal, without sign: <c>4.4%</c>.</summary>
    public static string Pct(double percent) => Math.Abs(percent).ToString("0.0", Invariant) + "%";

    /// <summary>A signed percentage already in percent: <c>+4.4%</c>, <c>−3.0%</c>.</summary>
    public static string SignedPct(double percent) => Signed(percent, "0.0") + "%";

    /// <summary>A signed number with thousands separators and one decimal: <c>+54.6</c>, <c>−1,305.3</c>.</summary>
    public static string Signed(double v, string format = "#,##0.0") =>
        double.IsNaN(v) ? "n/a" : (v > 0 ? "+" : v < 0 ? ValueText.Minus : "") + Math.Abs(v)
        .ToString(format, Invariant);

    /// <summary>A price: two decimals from 100 up, else six significant digits (ratios such as ETH/BTC).</summary>
    public static string Price(double v) => double.IsNaN(v) ? "n/a"
        : ValueText.Number(v, Math.Abs(v) >= 100 ? "#,##0.00" : "G6");

    /// <summary>A number with a fixed format.</summary>
    public static string Number(double v, string format = "#,##0.0") => double.IsNaN(v) ? "n/a"
        : ValueText.Number(v, format);

    /// <summary>An enum value as a label word: <c>BothOutflow</c> → <c>both_outflow</c>.</summary>
    public static string Word<T>(T value) where T : struct, Enum =>
        WordsOf<T>.Cache.GetOrAdd(value, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    /// <summary>The label words of an enum, for <see cref="Board.ISignalKind.Labels"/>.</summary>
    public static string[] Words<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Word).ToArray();

    /// <summary>1 for true, 0 for false (rule fields are numbers).</summary>
    public static double Flag(bool b) => b ? 1 : 0;

    /// <summary>The words of an enum's values, made once (a stream reads a label every day).</summary>
    private static class WordsOf<T> where T : struct, Enum
    {
        public static readonly ConcurrentDictionary<T, string> Cache = new();
    }
}
