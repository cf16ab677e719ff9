namespace Bellwether.Core.Study.Readiness;

/// <summary>One signal evaluated with one parameter changed (e.g. the breakout's <c>buffer_pct</c> at 2).</summary>
/// <param name="SignalId">The signal's id in the thesis.</param>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Value">Its value, as a thesis file writes it.</param>
public sealed record SignalVariant(string SignalId, string Parameter, string Value)
{
    /// <summary>The name of the variant in <see cref="SignalScores.Variant"/>: <c>buffer_pct=2</c>.</summary>
    public string Name => $"{Parameter}={Value}";
}
