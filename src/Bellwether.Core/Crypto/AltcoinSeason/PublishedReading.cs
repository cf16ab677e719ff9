using System.Text.RegularExpressions;

namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>
/// An index value as a publisher printed it (a reference series, never mixed with computed values).
/// </summary>
/// <param name="Date">The date the publisher gives the value for.</param>
/// <param name="Value">The published value.</param>
/// <param name="Provider">Who published it, e.g. <c>CoinMarketCap</c>.</param>
/// <param name="Definition">What it measures in the publisher's words, e.g. <c>top 100, 90 days</c>.</param>
/// <param name="Note">Free text (how the value was found), or null.</param>
/// <param name="SourceUrl">Where it was published, or null.</param>
public sealed partial record PublishedReading(
    DateOnly Date, double Value, string Provider, string Definition, string? Note, string? SourceUrl)
{
    /// <summary>The series the reading belongs to: provider and definition.</summary>
    public string Series => $"{Provider}: {Definition}";

    /// <summary>
    /// K and N as the definition names them (<c>top 100</c>, <c>90 days</c> or <c>90d</c>), or null when it names
    /// either not at all or more than once: such readings are listed but compared with nothing.
    /// </summary>
    public (int Top, int WindowDays)? Variant
    {
        get
        {
            var tops = TopPattern().Matches(Definition);
            var windows = WindowPattern().Matches(Definition);
            return tops.Count == 1 && windows.Count == 1 && int.TryParse(tops[0].Groups[1].Value, out int k)
                   && int.TryParse(windows[0].Groups[1].Value, out int n) && k > 0 && n > 0 ? (k, n) : null;
        }
    }

    [GeneratedRegex(@"(?<![a-z])top[\s_-]*(\d+)(?![0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex TopPattern();

    [GeneratedRegex(@"(?<![0-9])(\d+)[\s_-]*(?:d|days?)(?![a-z])", RegexOptions.IgnoreCase)]
    private static partial Regex WindowPattern();
}
