namespace Bellwether.Core.Board;

/// <summary>A thesis: named signals, each a statistic or detector with parameters, and rules that read it.</summary>
/// <param name="Name">Short title.</param>
/// <param name="Description">What the thesis claims, in a sentence or two.</param>
/// <param name="Signals">Its signals, in display order.</param>
public sealed record ThesisDefinition(string Name, string Description, IReadOnlyList<SignalSpec> Signals);

/// <summary>One signal of a thesis.</summary>
/// <param name="Id">Unique id within the thesis (<c>rut_breakout</c>).</param>
/// <param name="Title">What a reader sees.</param>
/// <param name="Kind">The signal kind that computes it (see <see cref="SignalKinds"/>).</param>
/// <param name="Weight">Its weight in readiness; 0 shows it without counting it.</param>
/// <param name="Parameters">Kind-specific parameters as text (parsed and checked by the kind).</param>
/// <param name="Supports">When the reading supports the thesis; null = never.</param>
/// <param name="Against">When the reading contradicts it; null = never. Checked after <paramref name="Supports"/>.</param>
/// <param name="Line">Line of the signal in its thesis file, for error messages (0 when built in code).</param>
public sealed record SignalSpec(
    string Id, string Title, string Kind, double Weight, IReadOnlyDictionary<string, string> Parameters,
    Rule? Supports, Rule? Against, int Line = 0)
{
    /// <summary>A parameter as text, or <paramref name="fallback"/>.</summary>
    public string Text(string name, string fallback) => Parameters.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>A numeric parameter, or <paramref name="fallback"/>.</summary>
    /// <exception cref="ThesisException">The parameter is not a number.</exception>
    public double Number(string name, double fallback)
    {
        if (!Parameters.TryGetValue(name, out var v)) return fallback;
        return double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d : throw new ThesisException(Line, $"signal '{Id}': parameter '{name}' = '{v}' is not a number");
    }

    /// <summary>An integer parameter, or <paramref name="fallback"/>.</summary>
    public int Integer(string name, int fallback)
    {
        double d = Number(name, fallback);
        return d == Math.Floor(d) ? (int)d : throw new ThesisException(Line, $"signal '{Id}': parameter '{name}' must be a whole number");
    }
}

/// <summary>A thesis or claims file that does not make sense: names the line and the problem.</summary>
public sealed class ThesisException(int line, string problem) : Exception(line > 0 ? $"line {line}: {problem}" : problem)
{
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
