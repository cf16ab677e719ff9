using Bellwether.Core.Board;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;

namespace Bellwether.Core.Measurements;

/// <summary>The parameters shared by the kinds that compare two instruments' returns: the pair, the frequency and the
/// return kind.</summary>
internal static class ReturnsParameters
{
    public static readonly MeasurementParameter A = new("a", "RUT", "first series id");
    public static readonly MeasurementParameter B = new("b", "ETH", "second series id");
    public static readonly MeasurementParameter Freq = new("freq", "daily",
        "daily | weekly (Saturday–Friday, dated Friday) | monthly; each series resampled on its own, then joined on " +
        "shared dates");
    public static readonly MeasurementParameter On = new("on", "log-returns",
        "log-returns | returns | levels (levels are non-stationary: their correlation is inflated by common trends)");

    public static Frequency Frequency(IParameterValues spec) => spec.Choice(Freq, "daily", "weekly", "monthly") switch
    {
        "weekly" => Statistics.Resampling.Frequency.Weekly,
        "monthly" => Statistics.Resampling.Frequency.Monthly,
        _ => Statistics.Resampling.Frequency.Daily,
    };

    public static ReturnKind Kind(IParameterValues spec) => spec.Choice(On, "log-returns", "returns", "levels") switch
    {
        "returns" => ReturnKind.SimpleReturns,
        "levels" => ReturnKind.Levels,
        _ => ReturnKind.LogReturns,
    };

    /// <summary>How an explanation names the rows: "daily log returns", "weekly levels".</summary>
    public static string Describe(Frequency frequency, ReturnKind kind) =>
        $"{frequency.ToString().ToLowerInvariant()} "
        + kind switch { ReturnKind.SimpleReturns => "returns", ReturnKind.Levels => "levels", _ => "log returns" };
}
