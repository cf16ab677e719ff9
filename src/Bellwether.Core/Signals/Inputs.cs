using Bellwether.Core.Board;
using Bellwether.Core.Series;

namespace Bellwether.Core.Signals;

/// <summary>Looking up a kind's inputs and recording them for provenance and freshness.</summary>
internal static class Inputs
{
    /// <summary>
    /// The series <paramref name="id"/>, recorded in <paramref name="inputs"/>; null when the data has no such series or
    /// no row on or before <paramref name="asOf"/>.
    /// </summary>
    public static DailySeries? Series(IMarketData data, string id, DateOnly asOf, List<SignalInput> inputs)
    {
        var series = data.Series(id);
        if (series is null)
        {
            inputs.Add(SignalInput.Missing(id));
            return null;
        }
        var input = SignalInput.Of(series, asOf);
        inputs.Add(input);
        return input.LastDate is null ? null : series;
    }

    /// <summary>The reading when an input is missing: names the inputs without data.</summary>
    public static SignalReading Missing(List<SignalInput> inputs, DateOnly asOf) =>
        SignalReading.NotMeasurable($"no data for {string.Join(", ", inputs.Where(i => i.LastDate is null).Select(i => i.Id))} on or before {Say.Date(asOf)}", inputs);
}
