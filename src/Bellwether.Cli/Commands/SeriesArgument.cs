using System.CommandLine;
using Bellwether.Core.Series;
using Bellwether.Data.Store;

namespace Bellwether.Cli.Commands;

/// <summary>Options and loading shared by the market-structure commands.</summary>
internal static class SeriesArgument
{
    /// <summary>A percentage option (1 means 1%) with a default.</summary>
    public static Option<double> Percent(string name, double defaultPercent, string description) =>
        new(name)
        {
            Description = $"{description} (percent, default {defaultPercent})", DefaultValueFactory = _ =>
            defaultPercent
        };

    /// <summary>An integer option with a default; a value outside [<paramref name="min"/>, <paramref name="max"/>] is a
    /// usage error.</summary>
    public static Option<int> Count(string name, int defaultValue, string description, int min, int max) =>
        new Option<int>(name)
        {
            Description = $"{description} (default {defaultValue}, {min} to {max:#,0})", DefaultValueFactory = _ =>
                defaultValue,
        }.Between(min, max);

    /// <summary>The value of a percentage option as a fraction; outside [0, 100) is a usage error.</summary>
    public static double Fraction(ParseResult parse, Option<double> option)
    {
        double v = parse.GetValue(option);
        if (!double.IsFinite(v) || v < 0
            || v >= 100) throw new UsageException($"{option.Name}: {v} is not a percentage in [0, 100)");
        return v / 100;
    }

    /// <summary>
    /// Loads <c>ID</c>, or the ratio of two closes when written <c>A/B</c> (common dates only); with
    /// <paramref name="asOf"/>, what was published by then (<see cref="StoreAccess.Series"/>).
    /// </summary>
    public static DailySeries Load(ParseResult parse, BellwetherStore store, string idOrRatio, DateOnly? asOf)
    {
        var parts = idOrRatio.Split('/');
        if (parts.Length > 2
            || parts.Any(string.IsNullOrWhiteSpace)) throw new UsageException(
            $"'{idOrRatio}' is neither an id nor a ratio A/B");
        DailySeries Part(string id) => StoreAccess.Series(parse, store, id, asOf);
        var series = parts.Length == 1 ? Part(parts[0]) : RatioSeries.Of(Part(parts[0]), Part(parts[1]));
        return series.Count > 0 ? series : throw new InvalidOperationException($"{series.Instrument.Id} has no rows");
    }

    /// <summary>A price for a table: two decimals from 100 up, else six significant digits (ratios such as
    /// ETH/BTC).</summary>
    public static string Price(double v) => double.IsNaN(v) ? ""
        : Core.Text.ValueText.Number(v, Math.Abs(v) >= 100 ? "#,##0.00" : "G6");

    /// <summary>The as-of date: the option, else the series' last date; a date before the first row is a usage
    /// error.</summary>
    public static DateOnly AsOf(ParseResult parse, Option<string?> option, DailySeries series)
    {
        var asOf = StoreAccess.Date(parse, option) ?? series.Dates[^1];
        return asOf >= series.Dates[0] ? asOf
            : throw new UsageException(
                $"{option.Name}: {asOf:yyyy-MM-dd} is before {series.Instrument.Id}'s first row (" +
                $"{series.Dates[0]:yyyy-MM-dd})");
    }
}
