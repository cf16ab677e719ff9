using Bellwether.Core.Study.Bootstrap;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.Multiplicity;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Study.EventStudy;

/// <summary>
/// What happened after each event, and whether it differs from what happened after an ordinary day (docs/study.md).
/// For every event, asset and horizon h: the move from the event day's value to the value h calendar days later.
/// For every asset and horizon: the mean after events against the mean over all days (the unconditional
/// distribution), a stationary-bootstrap interval and p-value of the difference, the hit rate, the number of
/// non-overlapping events, and Holm-adjusted p-values across the whole table.
/// </summary>
/// <remarks>
/// Point in time: paths are cut at <c>asOf</c>, events come from the source as of <c>asOf</c>. An event before an
/// asset's first value has no forward value for it (said in the event's note), and nothing is filled.
/// </remarks>
public static class EventStudy
{
    /// <summary>Runs the study on <paramref name="assets"/> with data up to <paramref name="asOf"/>; its notes and
    /// warnings name the assets by <paramref name="names"/> (default: the study's own).</summary>
    public static EventStudyResult Run(IEventSource source, IReadOnlyList<CalendarPath> assets, DateOnly asOf,
        EventStudyParameters parameters, AssetNames? names = null)
    {
        names ??= AssetNames.Study;
        var events = source.Events(asOf);
        var paths = assets.Select(a => a.AsOf(asOf)).ToList();
        var horizons = parameters.Horizons.Distinct().Order().ToList();

        var outcomes = events.Select(e => new EventOutcome(e,
            paths.SelectMany(p => horizons.Select(h => Forward(p, e.Date, h, names))).ToList(),
            paths.Select(p => Path(p, e.Date, horizons[^1])).ToList())).ToList();

        var eventDays = events.Select(e => e.Date).Distinct().ToList();
        var summaries = new HorizonSummary[paths.Count * horizons.Count];
        Parallel.For(0, summaries.Length, k =>
            summaries[k] = Summarise(paths[k / horizons.Count], horizons[k % horizons.Count], eventDays, parameters,
                names));

        var adjusted = Holm.Adjust(summaries.Select(s => s.PValue).ToList());
        var table = summaries.Select((s, i) => s with { PHolm = adjusted[i] }).ToList();

        var warnings = new List<string>();
        int tests = table.Count(s => !double.IsNaN(s.PValue));
        if (tests > 1)
            warnings.Add(
                $"{tests} tests in one table: read p_holm (Holm-adjusted), not p_value; overlapping windows and few " +
                $"events make every p-value fragile.");
        if (eventDays.Count < events.Count)
            warnings.Add(
                $"{events.Count - eventDays.Count} events share a day with another: each day counts once in the " +
                $"summaries.");
        foreach (var p in paths)
        {
            var first = p.ValueRange?.First;
            int before = events.Count(e => first is null || e.Date < first);
            if (before > 0)
                warnings.Add(
                    $"{before} of {events.Count} events come before {names.Name(p.Id)}'s first value" +
                    $"{(first is { } f ? $" ({f:yyyy-MM-dd})" : "")}: they have no forward values for it.");
        }
        return new EventStudyResult(source.Id, source.Description, asOf, parameters, outcomes, table, warnings);
    }

    /// <summary>Calendar days between the points of an event's path (a week: a year's path is 53 points).</summary>
    public const int PathStepDays = 7;

    private static EventPath Path(CalendarPath path, DateOnly date, int longest) =>
        new(path.Id,
            [.. Enumerable.Range(0, longest / PathStepDays + 1).Select(k => path.Forward(date, k * PathStepDays))]);

    private static ForwardValue Forward(CalendarPath path, DateOnly date, int days, AssetNames names)
    {
        double value = path.Forward(date, days);
        double max = path.MaxForward(date, days);
        if (!double.IsNaN(value)) return new ForwardValue(path.Id, days, value, max, null);
        var end = date.AddDays(days);
        var range = path.ValueRange;
        string name = names.Name(path.Id);
        string note = range is not { } r ? $"{name} has no values"
            : date < r.First ? $"{name} has no value before {r.First:yyyy-MM-dd}"
            : end > path.Last
            ? $"the window ends {end:yyyy-MM-dd}, after the last data ({path.Last:yyyy-MM-dd}); best so far is " +
            "max_value"
            : double.IsNaN(path.At(date)) ? $"{name} has no value on {date:yyyy-MM-dd}"
            : $"{name} has no value on {end:yyyy-MM-dd}";
        return new ForwardValue(path.Id, days, value, max, note);
    }

    private static HorizonSummary Summarise(CalendarPath path, int days, List<DateOnly> eventDays,
        EventStudyParameters p, AssetNames names)
    {
        var warnings = new List<string>();
        var range = path.ValueRange;
        int n = range is { } r ? r.Last.DayNumber - days - r.First.DayNumber + 1 : 0;
        if (n <= 0)
        {
            warnings.Add($"{names.Name(path.Id)} has fewer than {days} days of values: nothing to compare.");
            return Empty(path.Id, days, warnings);
        }
        var first = range!.Value.First;
        var values = new double[n];
        var isEvent = new bool[n];
        for (int t = 0; t < n; t++) values[t] = path.Forward(first.AddDays(t), days);
        foreach (var d in eventDays)
        {
            int t = d.DayNumber - first.DayNumber;
            if ((uint)t < (uint)n) isEvent[t] = true;
        }

        double sum = 0, eventSum = 0;
        int count = 0, positives = 0, events = 0, eventPositives = 0, independent = 0, lastKept = int.MinValue;
        var eventValues = new List<double>();
        for (int t = 0; t < n; t++)
        {
            if (double.IsNaN(values[t])) continue;
            sum += values[t]; count++;
            if (values[t] > 0) positives++;
            if (!isEvent[t]) continue;
            eventSum += values[t]; events++;
            eventValues.Add(values[t]);
            if (values[t] > 0) eventPositives++;
            if (t >= lastKept + days)
            {
                independent++;
                lastKept = t;
            }
        }
        int outside = eventDays.Count - events;
        if (outside > 0) warnings.Add(
            $"{outside} of {eventDays.Count} events have no {days}-day value for {names.Name(path.Id)} " +
            "(before its data, or the window is not over).");
        var baseline = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(baseline);
        double baselineMedian = StationaryBootstrap.Quantile(baseline, 0.5);
        if (events == 0)
        {
            warnings.Add($"no event has a {days}-day value for {names.Name(path.Id)}.");
            return Empty(path.Id, days, warnings) with
            {
                BaselineMean = sum / count,
                BaselineHitRate = (double)positives
                / count,
                BaselineDays = count,
                BaselineFrom = first,
                BaselineTo = first.AddDays(n - 1),
                BaselineMedian = baselineMedian
            };
        }
        eventValues.Sort();
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(eventValues);
        if (independent < p.MinIndependentEvents)
            warnings.Add(
                $"only {independent} non-overlapping {days}-day windows among {events} events (fewer than " +
                $"{p.MinIndependentEvents}): an anecdote, not a statistic.");

        double blockLength = p.BlockLength(days, n);
        var boot = StationaryBootstrap.EventMeanDifference(values, isEvent, p.Resamples, blockLength,
            SplitMix64.Stream(p.Seed, $"{path.Id}/{days}"), p.Confidence);
        return new HorizonSummary(path.Id, days, events, independent, eventSum / events, sum / count, boot.Estimate,
            boot.Low, boot.High, boot.PValue, double.NaN, (double)eventPositives / events, (double)positives / count,
            count, first, first.AddDays(n - 1), blockLength, boot.Usable, warnings)
        {
            Median = StationaryBootstrap.Quantile(sorted, 0.5),
            LowerQuartile = StationaryBootstrap.Quantile(sorted, 0.25),
            UpperQuartile = StationaryBootstrap.Quantile(sorted, 0.75),
            BaselineMedian = baselineMedian,
        };
    }

    private static HorizonSummary Empty(string asset, int days, List<string> warnings) =>
        new(asset, days, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
            double.NaN, double.NaN, 0, null, null, double.NaN, 0, warnings);
}
