using System.Globalization;
using Bellwether.Core.Board;

namespace Bellwether.Core.Measurements;

/// <summary>
/// A parameter of a measurement, the same for the signal and the claim that read it (one model for both files).
/// </summary>
/// <param name="Name">The key under <c>params:</c>.</param>
/// <param name="Default">Its value when absent, as text ("" = none).</param>
/// <param name="Description">What it does, for documentation.</param>
public sealed record MeasurementParameter(string Name, string Default, string Description)
{
    /// <summary>Older keys that still work in thesis and claims files (documented aliases of <see cref="Name"/>).
    /// </summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Whether <paramref name="key"/> names this parameter (its name or an alias).</summary>
    public bool IsNamed(string key) =>
        Name.Equals(key, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(key, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// Parameter values as text from a thesis signal or a claim, with the error that names where they were written.
/// A claim may give a list (<c>[close, high]</c>, stored comma-separated) where it reads the measurement several ways.
/// </summary>
public interface IParameterValues
{
    /// <summary>The values as written, by key.</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>An error about these values, on the line of <paramref name="parameter"/> when known.</summary>
    ThesisException Problem(string problem, string? parameter = null);
}

/// <summary>Typed reads of <see cref="IParameterValues"/> by <see cref="MeasurementParameter"/>, for signals and
/// claims.</summary>
public static class ParameterValues
{
    /// <summary>No values: every parameter at its default.</summary>
    public static IParameterValues None { get; } = new NoValues();

    /// <summary>The value as text (under its name or an alias), or the parameter's default.</summary>
    public static string Text(this IParameterValues values, MeasurementParameter p) =>
        Find(values, p) is { } key ? values.Parameters[key] : p.Default;

    /// <summary>Whether the values give <paramref name="p"/> (under its name or an alias).</summary>
    public static bool Has(this IParameterValues values, MeasurementParameter p) => Find(values, p) is not null;

    /// <summary>A number, or the default; a trailing <c>%</c> divides by 100 (<c>-27%</c> = −0.27).</summary>
    /// <exception cref="ThesisException">Not a number.</exception>
    public static double Number(this IParameterValues values, MeasurementParameter p) =>
        ParseNumber(values.Text(p)) ?? throw Bad(values, p, $" = '{values.Text(p)}' is not a number");

    /// <summary>A whole number, or the default.</summary>
    /// <exception cref="ThesisException">Not a whole number.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720",
        Justification = "'integer' is the files' parameter type")]
    public static int Integer(this IParameterValues values, MeasurementParameter p)
    {
        double d = values.Number(p);
        return d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue
            ? (int)d : throw Bad(values, p, " must be a whole number");
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive; returned lower case), or the default.</summary>
    /// <exception cref="ThesisException">Another word.</exception>
    public static string Choice(this IParameterValues values, MeasurementParameter p, params string[] allowed)
    {
        var v = values.Text(p).Trim().ToLowerInvariant();
        return allowed.Contains(v) ? v
            : throw Bad(values, p, $" = '{values.Text(p)}' must be one of: {string.Join(", ", allowed)}");
    }

    /// <summary>A date (<c>yyyy-MM-dd</c>), or null when it is absent and has no default.</summary>
    /// <exception cref="ThesisException">Not a date.</exception>
    public static DateOnly? Date(this IParameterValues values, MeasurementParameter p)
    {
        var v = values.Text(p);
        if (v.Length == 0) return null;
        return DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw Bad(values, p, $" = '{v}' is not a date (yyyy-MM-dd)");
    }

    /// <summary>A list (<c>[a, b]</c>; one value is a list of one), or the default split the same way.</summary>
    public static string[] Words(this IParameterValues values, MeasurementParameter p) =>
        values.Text(p).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A list whose words come from <paramref name="allowed"/> (returned lower case), or the default.
    /// </summary>
    /// <exception cref="ThesisException">A word is not allowed, or the list is empty.</exception>
    public static string[] Choices(this IParameterValues values, MeasurementParameter p, params string[] allowed)
    {
        var words = values.Words(p);
        var bad = words.FirstOrDefault(w => !allowed.Contains(w, StringComparer.OrdinalIgnoreCase));
        if (bad is not null) throw Bad(values, p, $": '{bad}' is not one of {string.Join(", ", allowed)}");
        if (words.Length == 0) throw Bad(values, p, " is empty");
        return words.Select(w => w.ToLowerInvariant()).ToArray();
    }

    /// <summary>A list of whole numbers of at least <paramref name="min"/>, or the default.</summary>
    /// <exception cref="ThesisException">An entry is not such a number, or the list is empty.</exception>
    public static int[] Integers(this IParameterValues values, MeasurementParameter p, int min)
    {
        var words = values.Words(p);
        if (words.Length == 0) throw Bad(values, p, " is empty");
        var invariant = CultureInfo.InvariantCulture;
        return words.Select(w => int.TryParse(w, NumberStyles.Integer, invariant, out var i) && i >= min
            ? i : throw Bad(values, p, $": '{w}' is not a whole number of at least {min}")).ToArray();
    }

    /// <summary>The key of the first value naming an unknown parameter, or null (aliases count as known).</summary>
    public static string? Unknown(this IParameterValues values, IReadOnlyList<MeasurementParameter> known) =>
        values.Parameters.Keys.FirstOrDefault(key => !known.Any(p => p.IsNamed(key)));

    /// <summary>Parses <c>0.75</c>, <c>-27%</c> (−0.27) or <c>380%</c> (3.8); null when it is not a finite number.
    /// </summary>
    public static double? ParseNumber(string text)
    {
        var t = text.Trim();
        bool percent = t.EndsWith('%');
        if (percent) t = t[..^1].TrimEnd();
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? percent ? v / 100 : v : null;
    }

    /// <summary>The value as text; an error when it is absent or empty (a parameter without a useful default).
    /// </summary>
    /// <exception cref="ThesisException">It is missing.</exception>
    public static string Required(this IParameterValues values, MeasurementParameter p) =>
        Find(values, p) is { } key && values.Parameters[key].Length > 0 ? values.Parameters[key]
            : throw values.Problem($"parameter '{p.Name}' is required", p.Name);

    /// <summary>A parameter record from <paramref name="build"/>; a value its constructor refuses is an error naming
    /// where the values were written.</summary>
    /// <exception cref="ThesisException">The record refused a value.</exception>
    public static T Build<T>(this IParameterValues values, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw values.Problem(e.Message);
        }
    }

    /// <summary>An error about <paramref name="p"/>, naming the key as written (an alias, perhaps).</summary>
    private static ThesisException Bad(IParameterValues values, MeasurementParameter p, string problem)
    {
        var key = Find(values, p) ?? p.Name;
        return values.Problem($"parameter '{key}'{problem}", key);
    }

    private static string? Find(IParameterValues values, MeasurementParameter p)
    {
        if (values.Parameters.ContainsKey(p.Name)) return p.Name;
        return p.Aliases.FirstOrDefault(values.Parameters.ContainsKey);
    }

    private sealed class NoValues : IParameterValues
    {
        public IReadOnlyDictionary<string, string> Parameters { get; } = new Dictionary<string, string>();

        public ThesisException Problem(string problem, string? parameter = null) => new(0, problem);
    }
}
