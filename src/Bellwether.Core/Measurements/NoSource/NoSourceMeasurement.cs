using Bellwether.Core.Board;

namespace Bellwether.Core.Measurements.NoSource;

/// <summary>
/// <c>no_source</c>: evidence a thesis or a claim names but no data source covers (small-cap ETF flows, earnings
/// forecasts). Never measurable, saying what it would need, so the board and the check show the gap instead of
/// guessing. Its parameter is the data it would need (as text); it has no result.
/// </summary>
public sealed class NoSourceMeasurement : Measurement<string, string>
{
    public static readonly MeasurementParameter Needs = new("needs", "",
        "the data it would need, e.g. 'small-cap ETF flows'")
    {
        Aliases = ["what"],
    };

    public override string Name => "no_source";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } = [Needs];

    public override string Parse(IParameterValues values) => values.Text(Needs).Trim();

    public override Measured<string> Measure(string needs, IMarketData data, DateOnly asOf) =>
        Measured.NotMeasurable<string>(needs.Length > 0 ? $"not measurable: no source for {needs}"
            : "not measurable: no source", []);
}
