using Bellwether.Core.Measurements;
using Bellwether.Core.Series;

namespace Bellwether.Core.Statistics.Liquidity;

/// <summary>US dollar amount units, as written in <see cref="Instruments.Instrument.QuoteUnit"/>.</summary>
public static class UsdUnits
{
    /// <summary>How many US$ billions one unit of <paramref name="series"/> is.</summary>
    /// <exception cref="NotMeasurableException">The unit is not <c>USD millions</c>, <c>USD billions</c> or <c>USD
    /// trillions</c>.</exception>
    public static double BillionsPerUnit(DailySeries series) => BillionsPerUnit(series.Instrument);

    /// <summary>How many US$ billions one unit of <paramref name="instrument"/>'s values is.</summary>
    /// <exception cref="NotMeasurableException">The unit is not a known US dollar amount.</exception>
    public static double BillionsPerUnit(Instruments.Instrument instrument) => instrument.QuoteUnit.Trim()
        .ToLowerInvariant() switch
    {
        "usd millions" => 1e-3,
        "usd billions" => 1,
        "usd trillions" => 1e3,
        var unit => throw new NotMeasurableException(
            $"{instrument.Id}: unit '{unit}' is not a known US dollar amount (USD millions, USD billions, USD " +
            $"trillions); refusing to guess a scale"),
    };
}
