using Bellwether.Core.Measurements;

namespace Bellwether.Core.Board;

/// <summary>A thesis: named signals, each a statistic or detector with parameters, and rules that read it.</summary>
/// <param name="Name">Short title.</param>
/// <param name="Description">What the thesis claims, in a sentence or two.</param>
/// <param name="Signals">Its signals, in display order.</param>
/// <param name="MinMeasured">The share of the thesis's weight (0–1) that must be measured for readiness to be
/// reported; below it readiness is withheld with a reason, as a score from a sliver of the thesis would
/// mislead.</param>
/// <param name="Prediction">Its trigger, outcome, trade and claims file (null: none declared).</param>
public sealed record ThesisDefinition(
    string Name, string Description, IReadOnlyList<SignalSpec> Signals,
    double MinMeasured = ThesisDefinition.DefaultMinMeasured, ThesisPrediction? Prediction = null)
{
    /// <summary>What the thesis predicts; <see cref="ThesisPrediction.None"/> when it declares nothing.</summary>
    public ThesisPrediction Predicts => Prediction ?? ThesisPrediction.None;

    /// <summary>Readiness needs half the thesis's weight measured unless the thesis says otherwise.</summary>
    public const double DefaultMinMeasured = 0.5;
}

/// <summary>One signal of a thesis.</summary>
/// <param name="Id">Unique id within the thesis (<c>rut_breakout</c>).</param>
/// <param name="Title">What a reader sees.</param>
/// <param name="Kind">The signal kind that computes it (see <see cref="SignalKinds"/>).</param>
/// <param name="Weight">Its weight in readiness; 0 shows it without counting it.</param>
/// <param name="Parameters">Kind-specific parameters as text (parsed and checked by the kind).</param>
/// <param name="Supports">When the reading supports the thesis; null = never.</param>
/// <param name="Against">When the reading contradicts it; null = never. Checked after
/// <paramref name="Supports"/>.</param>
/// <param name="Line">Line of the signal in its thesis file, for error messages (0 when built in code).</param>
/// <param name="ParameterLines">Line of each parameter in the thesis file, when known.</param>
public sealed record SignalSpec(
    string Id, string Title, string Kind, double Weight, IReadOnlyDictionary<string, string> Parameters,
    Rule? Supports, Rule? Against, int Line = 0, IReadOnlyDictionary<string, int>? ParameterLines = null)
    : IParameterValues
{
    /// <summary>A parameter as text, or <paramref name="fallback"/>.</summary>
    public string Text(string name, string fallback) => Parameters.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>A thesis error about this signal, on the line of <paramref name="parameter"/> when known, else the
    /// signal's.</summary>
    public ThesisException Problem(string problem, string? parameter = null) =>
        new(parameter is not null && ParameterLines?.GetValueOrDefault(parameter) is > 0 and var l ? l : Line,
            $"signal '{Id}': {problem}");
}

/// <summary>A thesis or claims file that does not make sense: names the line and the problem.</summary>
public sealed class ThesisException(int line, string problem)
    : Exception(line > 0 ? $"line {line}: {problem}" : problem)
{
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
