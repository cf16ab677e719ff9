using System.CommandLine;
using System.Globalization;
using Bellwether.Core.Board;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Signals;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Study.Readiness;
using Bellwether.Core.Text;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;

namespace Bellwether.Cli.Commands;

/// <summary>Options and loading shared by <c>study</c> and <c>backtest</c>.</summary>
internal static class StudyInputs
{
    public static Option<int> BasketTop() =>
        SeriesArgument.Count("--top", 20, "Altcoins in the equal-weight point-in-time basket", 1, 1_000);

    public static Option<string?> AsOf() =>
        new("--as-of")
        {
            Description =
            "Use only data dated on or before this day (yyyy-MM-dd; default: Bitcoin's last close)"
        };

    public static Option<string?> Thesis() =>
        new("--thesis")
        {
            Description =
            "Thesis file whose readiness is used (YAML, see docs/thesis.md; default: the shipped theses/" +
            $"{ThesisFile.DefaultName})"
        };

    public static Option<int> Every() =>
        SeriesArgument.Count("--every", 1,
            "Evaluate the board every this many days (1: daily; 7 is about 7 times faster, " +
                                          "each signal holding its last state in between)", 1, 365);

    /// <summary>The thesis named by the option (or the shipped default); a bad file is a usage error.</summary>
    public static (ThesisDefinition Thesis, string? File) LoadThesis(ParseResult parse, Option<string?> option)
    {
        var file = parse.GetValue(option);
        return (Definition(() => file is null
            ? ThesisFile.LoadDefault(Concepts.Signals) : ThesisFile.Load(file, Concepts.Signals)), file);
    }

    /// <summary>What <paramref name="read"/> reads from a definition file; a bad file is a usage error.</summary>
    public static T Definition<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DefinitionFileException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>The thesis's signals (and <paramref name="variants"/>) evaluated by the board on every day from
    /// <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static ReadinessComponents Readiness(ParseResult parse, IMarketData data, ThesisDefinition thesis,
        Option<int> every, DateOnly from, DateOnly to, IReadOnlyList<SignalVariant>? variants = null) =>
        ReadinessHistory.Build(thesis, data, Concepts.Signals, from, to, variants, parse.GetValue(every));

    /// <summary>
    /// The assets as of the option's date (default: Bitcoin's last close), from data dated up to it only. They read the
    /// crypto closes, rankings and coin lists through <paramref name="data"/>, so a readiness history on the same data
    /// loads them once.
    /// </summary>
    public static (StudyAssets Assets, DateOnly AsOf) Load(ParseResult parse, IMarketData data, Option<string?> asOf,
        Option<int> top)
    {
        var basket = new AltcoinBasketParameters(parse.GetValue(top));
        var date = StoreAccess.Date(parse, asOf);
        var crypto = data.ClosesOfClass(AssetClass.Crypto);
        var btc = crypto.FirstOrDefault(c => c.Instrument.Id == AltcoinUniverseOptions.Default.Benchmark);
        int lastBtc = btc is null ? -1 : date is { } d ? btc.IndexOnOrBefore(d) : btc.Count - 1;
        if (lastBtc < 0) throw new InvalidOperationException(
            "no BTC closes in the store: import the crypto data first");
        var last = date ?? btc!.Dates[lastBtc];
        var assets = StudyAssets.Build(AltSeasonMeasurement.Index(data), crypto, last, basket,
            new AltcoinSeasonParameters());
        return (assets, last);
    }

    /// <summary>Horizons one study may ask for (each is a bootstrap per asset).</summary>
    public const int MaxHorizons = 20;

    /// <summary>A comma-separated list of at most <see cref="MaxHorizons"/> whole numbers of days, each from 1 to a
    /// century.</summary>
    public static List<int> Days(ParseResult parse, Option<string> option)
    {
        var text = parse.GetValue(option) ?? "";
        var days = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            days.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int d) && d is >= 1
                and <= OptionRange.MaxDays
                ? d : throw new UsageException(
                    $"{option.Name}: '{part}' is not a whole number of days from 1 to {OptionRange.MaxDays:#,0}"));
        if (days.Count > MaxHorizons) throw new UsageException(
            $"{option.Name}: {days.Count} horizons; at most {MaxHorizons}");
        return days.Count > 0 ? days : throw new UsageException($"{option.Name}: give at least one horizon");
    }

    /// <summary>The basket's size over time for JSON: asked, then the fewest and most coins held per month, and the
    /// shortfalls.</summary>
    public static object BasketSize(AltcoinBasketResult basket, DateOnly from, DateOnly to) => new
    {
        asked = basket.Parameters.TopCount,
        by_month = basket.SizeByMonth(from, to)
            .Select(m => new { month = $"{m.Month:yyyy-MM}", fewest = m.Fewest, most = m.Most }),
        shortfalls = basket.Shortfalls(from, to).Select(s => new { from = s.From, to = s.To, fewest = s.Fewest }),
    };

    /// <summary>A value as the formatting table writes it, for a table cell (empty for NaN).</summary>
    public static string Cell(double v, ValueKind kind) => double.IsNaN(v) ? "" : ValueText.Of(v, kind);
}
