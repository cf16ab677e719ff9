using System.Globalization;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;

namespace Bellwether.Core.Claims;

/// <summary>A dated, quantitative claim to check against data.</summary>
/// <param name="Id">Unique id within its file (<c>rut_eth_correlation</c>).</param>
/// <param name="Text">The claim as written.</param>
/// <param name="Date">The date the claim was made: "as of" readings use only data dated on or before it.</param>
/// <param name="Kind">The claim kind that measures it (see <see cref="ClaimKinds"/>).</param>
/// <param name="Parameters">Kind-specific parameters as text; a list is stored comma-separated.</param>
/// <param name="Target">The claimed figure and how close a reading must come.</param>
/// <param name="Line">Line of the claim in its file, for error messages (0 when built in code).</param>
public sealed record ClaimDefinition(
    string Id, string Text, DateOnly Date, string Kind, IReadOnlyDictionary<string, string> Parameters,
    ClaimTarget Target, int Line = 0)
    : IParameterValues
{
    /// <summary>A parameter as text, or <paramref name="fallback"/>.</summary>
    public string Parameter(string name, string fallback) => Parameters.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>A required parameter as text.</summary>
    /// <exception cref="ThesisException">It is missing.</exception>
    public string Required(string name) =>
        Parameters.TryGetValue(name, out var v) && v.Length > 0 ? v : throw Problem($"parameter '{name}' is required");

    /// <summary>A list parameter (<c>[a, b]</c> in the file) as words, or <paramref name="fallback"/>.</summary>
    public string[] Words(string name, params string[] fallback) =>
        Parameters.TryGetValue(name, out var v)
        ? v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : fallback;

    /// <summary>A number parameter, or <paramref name="fallback"/>; a trailing <c>%</c> divides by 100.</summary>
    /// <exception cref="ThesisException">It is not a number.</exception>
    public double Number(string name, double fallback) =>
        Parameters.TryGetValue(name, out var v) ? ParseNumber(v)
        ?? throw Problem($"parameter '{name}' = '{v}' is not a number") : fallback;

    /// <summary>A list of whole numbers, or <paramref name="fallback"/>; each must be at least
    /// <paramref name="min"/>.</summary>
    /// <exception cref="ThesisException">An entry is not a whole number, or is below
    /// <paramref name="min"/>.</exception>
    public int[] Integers(string name, int min, params int[] fallback)
    {
        if (!Parameters.ContainsKey(name)) return fallback;
        var words = Words(name);
        if (words.Length == 0) throw Problem($"parameter '{name}' is empty");
        return words.Select(w => int.TryParse(w, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
            && i >= min
            ? i : throw Problem($"parameter '{name}': '{w}' is not a whole number of at least {min}")).ToArray();
    }

    /// <summary>A date parameter (<c>yyyy-MM-dd</c>), or <paramref name="fallback"/>.</summary>
    /// <exception cref="ThesisException">It is not a date.</exception>
    public DateOnly Day(string name, DateOnly fallback) =>
        Parameters.TryGetValue(name, out var v)
            ? DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw Problem($"parameter '{name}' = '{v}' is not a date (yyyy-MM-dd)")
            : fallback;

    /// <summary>A required date parameter (<c>yyyy-MM-dd</c>).</summary>
    /// <exception cref="ThesisException">It is missing or not a date.</exception>
    public DateOnly RequiredDay(string name) =>
        Parameters.ContainsKey(name) ? Day(name, default) : throw Problem($"parameter '{name}' is required");

    /// <summary>A list parameter whose words must come from <paramref name="allowed"/>, or
    /// <paramref name="fallback"/>.</summary>
    /// <exception cref="ThesisException">A word is not allowed.</exception>
    public string[] Choices(string name, string[] allowed, params string[] fallback)
    {
        var words = Words(name, fallback);
        var bad = words.FirstOrDefault(w => !allowed.Contains(w, StringComparer.OrdinalIgnoreCase));
        if (bad is not null) throw Problem($"parameter '{name}': '{bad}' is not one of {string.Join(", ", allowed)}");
        if (words.Length == 0) throw Problem($"parameter '{name}' is empty");
        return words.Select(w => w.ToLowerInvariant()).ToArray();
    }

    /// <summary>An error about this claim, naming its line.</summary>
    public ThesisException Problem(string problem, string? parameter = null) => new(Line, $"claim '{Id}': {problem}");

    /// <summary>Parses <c>0.75</c>, <c>-27%</c> (−0.27) or <c>380%</c> (3.8); null when it is not a number.</summary>
    public static double? ParseNumber(string text)
    {
        var t = text.Trim();
        bool percent = t.EndsWith('%');
        if (percent) t = t[..^1].TrimEnd();
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? percent ? v / 100 : v : null;
    }
}
