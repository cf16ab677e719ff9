using Bellwether.Core.Board;
using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;

namespace Bellwether.Core.Signals;

/// <summary>Looking up a kind's inputs and recording them for provenance and freshness.</summary>
internal static class Inputs
{
    /// <summary>
    /// The series <paramref name="id"/>, recorded in <paramref name="inputs"/>; null when the data has no such series
    /// or no row on or before <paramref name="asOf"/>.
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

    /// <summary>
    /// <see cref="Series"/> as a prefix of the stored rows (<see cref="IMarketData.Prefix"/>), for a kind that reads
    /// the values from a whole-history structure.
    /// </summary>
    public static SeriesPrefix? Prefix(IMarketData data, string id, DateOnly asOf, List<SignalInput> inputs)
    {
        if (data.Prefix(id) is not { } prefix)
        {
            inputs.Add(SignalInput.Missing(id));
            return null;
        }
        var input = SignalInput.Of(prefix, asOf);
        inputs.Add(input);
        return input.LastDate is null ? null : prefix;
    }

    /// <summary>The reading when an input is missing: names the inputs without data.</summary>
    public static SignalReading Missing(List<SignalInput> inputs, DateOnly asOf) =>
        SignalReading.NotMeasurable(
            $"no data for {string.Join(", ", inputs.Where(i => i.LastDate is null).Select(i => i.Id))} on or before " +
            $"{Say.Date(asOf)}", inputs);

    /// <summary>
    /// The aligned returns of <paramref name="a"/> and <paramref name="b"/> under <paramref name="options"/>, the rows
    /// <see cref="ReturnAlignment.Align(DailySeries, DailySeries, AlignmentOptions)"/> gives. Daily rows are cut from
    /// one join of the whole histories (<see cref="DailyAlignment"/>), built once per data set; weekly and monthly rows
    /// are resampled from the window itself (a period at the window's edge depends on where it starts).
    /// </summary>
    public static AlignedReturns Align(IMarketData data, DailySeries a, DailySeries b, AlignmentOptions options) =>
        options.Frequency == Frequency.Daily
            ? data.Shared(new AlignmentKey(a.Instrument.Id, b.Instrument.Id, options.Kind),
                _ => DailyAlignment.Of([a, b], options.Kind)).Window(options)
            : ReturnAlignment.Align(a, b, options);

    /// <summary>The daily join of two whole histories.</summary>
    private sealed record AlignmentKey(string A, string B, ReturnKind Kind) : SharedKey<DailyAlignment>;
}
