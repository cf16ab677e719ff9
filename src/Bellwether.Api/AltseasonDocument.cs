using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Crypto.MarketSeries;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Series;
using Bellwether.Core.Text;
using Bellwether.Core.Universe;
using Bellwether.Data.Store;

namespace Bellwether.Api;

/// <summary>What <c>altseason</c> is asked: the CLI's options, the API's query parameters (same names, snake
/// case).</summary>
public sealed record AltseasonQuery
{
    /// <summary>The name of the command, the API path and the page that answer it: the signal kind's.</summary>
    public static string Name => Concepts.Signal<AltSeasonSignal>().Name;

    /// <summary>The longest return window or history asked for, in days (a century).</summary>
    public const int MaxDays = 36_500;

    /// <summary>The most altcoins counted.</summary>
    public const int MaxTop = 10_000;

    public DateOnly? AsOf { get; init; }

    /// <summary>N, the return window in calendar days.</summary>
    public int Window { get; init; } = 90;

    /// <summary>K, the number of eligible altcoins counted.</summary>
    public int Top { get; init; } = 50;

    /// <summary>First and last day of a daily history (none when both are null).</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Ranking lists in order of priority; null: the default order.</summary>
    public IReadOnlyList<string>? Rankings { get; init; }

    public RankingCombination RankingMode { get; init; } = RankingCombination.Latest;

    public double MinCoverage { get; init; } = AltcoinSeasonParameters.DefaultMinCoverage;

    public int MaxRankingAge { get; init; } = AltcoinSeasonParameters.DefaultMaxRankingAgeDays;

    /// <summary>Extra symbols to leave out, and symbols to keep although a coin list flags them.</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    public IReadOnlyList<string>? Include { get; init; }

    /// <summary>RANKSYM=SERIES pairs.</summary>
    public IReadOnlyList<string> Alias { get; init; } = [];

    /// <summary>A comma-separated list, upper-cased; null for none given.</summary>
    public static List<string>? List(string? text) =>
        text?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.ToUpperInvariant()).ToList();

    /// <exception cref="QueryException">A value out of range, or dates out of order.</exception>
    public AltcoinSeasonParameters Parameters()
    {
        if (Window is < 1 or > MaxDays) throw new QueryException("window", $"{Window} is outside 1 to {MaxDays} days");
        if (Top is < 1 or > MaxTop) throw new QueryException("top", $"{Top} is outside 1 to {MaxTop}");
        if (!(MinCoverage is >= 0 and <= 1)) throw new QueryException("min_coverage", "must lie in 0-1");
        if (MaxRankingAge < 0) throw new QueryException("max_ranking_age", "must be at least 0");
        if (From > To) throw new QueryException("from", "is after to");
        if (AsOf is { } a && To is { } t && a > t) throw new QueryException("as_of", "is after to");
        return new AltcoinSeasonParameters(Window, Top, MinCoverage: MinCoverage, MaxRankingAgeDays: MaxRankingAge);
    }

    /// <summary>The universe's options; ranking lists must be in <paramref name="known"/>.</summary>
    /// <exception cref="QueryException">An unknown ranking list or a malformed alias.</exception>
    public AltcoinUniverseOptions Options(IReadOnlyList<string> known)
    {
        foreach (var name in Rankings ?? [])
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new QueryException("rankings",
                    $"no ranking list '{name}' in the store (known: {string.Join(", ", known)})");
        var aliases = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in Alias)
        {
            var parts = spec.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new QueryException("alias", $"'{spec}' is not RANKSYM=SERIES");
            var key = parts[0].ToUpperInvariant();
            aliases[key] = [.. aliases.GetValueOrDefault(key) ?? [], parts[1].ToUpperInvariant()];
        }
        return new AltcoinUniverseOptions(RankingPriority: Rankings?.ToList(), Combination: RankingMode,
            Exclude: Exclude?.ToList(), Include: Include?.ToList(), Aliases: aliases);
    }
}

/// <summary>A series' latest value on or before a reading's date, and whether it is too old to be current.</summary>
public sealed record LatestValue(DateOnly Date, double Value, bool Stale)
{
    public static LatestValue? Of((DateOnly Date, double Value)? latest, CalendarKind calendar, DateOnly asOf) =>
        latest is { } l
            ? new LatestValue(l.Date, l.Value, Freshness.IsStale(TradingCalendar.For(calendar, l.Date), l.Date, asOf))
            : null;

    /// <summary>The stale value said in words, or null when it is current.</summary>
    public string? Warning(string what, DateOnly asOf) => Stale
        ? $"stale: {what}'s last value is {asOf.DayNumber - Date.DayNumber} days before {asOf:yyyy-MM-dd}, not a " +
        "current reading"
        : null;
}

/// <summary>
/// The Altcoin Season Index as of a date, its daily history when asked, the published readings on the days shown,
/// ETH/BTC and Bitcoin dominance: what <c>altseason</c> prints and <c>GET /api/altseason</c> answers.
/// </summary>
public sealed record AltseasonAnswer(AltcoinSeasonReading Reading, AltcoinSeasonPoint[]? History,
    PublishedComparison Published, LatestValue? EthBtc, LatestValue? Dominance)
{
    private const string DominanceId = "BTC_DOMINANCE";

    /// <summary>Reads the store for <paramref name="query"/>.</summary>
    /// <exception cref="QueryException">A bad parameter.</exception>
    /// <exception cref="InvalidOperationException">No Bitcoin closes stored.</exception>
    public static AltseasonAnswer Of(BellwetherStore store, AltseasonQuery query)
    {
        var parameters = query.Parameters();
        var options = query.Options(store.ListNames().Rankings);
        // Load only what is dated on or before the last day asked for: nothing later can leak into a result.
        DateOnly? loadTo = query.To ?? query.AsOf;
        var coins = store.LoadSeriesOfClass(AssetClass.Crypto, loadTo);
        var index = new AltcoinSeasonIndex(coins, store.LoadRankings().Where(r => loadTo is null || r.Date <= loadTo),
            store.LoadClassifications(), options);
        var lastClose = index.BenchmarkRange?.Last
            ?? throw new InvalidOperationException(
                $"no {options.Benchmark} closes in the store: import the crypto data first");
        var date = query.AsOf ?? query.To ?? lastClose;
        var reading = index.At(date, parameters);
        AltcoinSeasonPoint[]? history = null;
        if (query.From is not null || query.To is not null)
        {
            var first = query.From
                ?? (index.Rankings.Snapshots.Count > 0 ? index.Rankings.Snapshots.Min(s => s.Date) : date);
            history = index.History(first, query.To ?? date, parameters);
        }
        // Published readings of this K and N, on the days shown (the as-of date, or the history's days).
        var shownFrom = history is { Length: > 0 } ? history[0].Date : date;
        var shownTo = history is { Length: > 0 } ? history[^1].Date : date;
        var published = PublishedComparison.Of(
            store.LoadPublishedReadings().Where(r => r.Date >= shownFrom && r.Date <= shownTo), parameters,
            d => history is { Length: > 0 } h ? h[d.DayNumber - h[0].Date.DayNumber]
            : index.History(d, d, parameters)[0]);
        var ethBtc = LatestValue.Of(EthBtcOf(coins, options.Benchmark)?.LatestOnOrBefore(date), CalendarKind.EveryDay,
            date);
        var dominance = store.FindInstrument(DominanceId) is not { } dominanceSeries ? null
            : LatestValue.Of(CryptoMarketSeries.BitcoinDominance(store.LoadSeries(DominanceId, to: date))
                .LatestOnOrBefore(date), dominanceSeries.Calendar, date);
        return new AltseasonAnswer(reading, history, published, ethBtc, dominance);
    }

    private static DatedValues? EthBtcOf(List<DailySeries> coins, string benchmark)
    {
        var eth = coins.FirstOrDefault(s => s.Instrument.Id == "ETH");
        var btc = coins.FirstOrDefault(s =>
            string.Equals(s.Instrument.Id, benchmark, StringComparison.OrdinalIgnoreCase));
        return eth is null || btc is null ? null : CryptoMarketSeries.EthBtc(eth, btc);
    }

    /// <summary>The document (plain objects for <see cref="ApiJson.Options"/>).</summary>
    public object Json()
    {
        var r = Reading;
        return new
        {
            as_of = r.Date,
            window_days = r.Parameters.WindowDays,
            top = r.Parameters.TopCount,
            index = r.Index,
            // What the /altseason page writes (Core.Text.ValueText).
            index_text = Points(r.Index),
            season = r.Season,
            status = r.Status,
            eligible = r.EligibleCount,
            outperformer_count = r.Outperformers.Count,
            short_of_top = r.ShortOfTop,
            coverage = new
            {
                eligible = r.EligibleCount, top = r.Parameters.TopCount, share = r.Coverage,
                ranking_age_days = r.RankingAgeDays,
                min_share = r.Parameters.MinCoverage, max_ranking_age_days = r.Parameters.MaxRankingAgeDays,
                share_text = ValueText.Of(r.Coverage, ValueKind.Share),
            },
            bitcoin_return = r.BenchmarkReturn,
            bitcoin_return_text = ValueText.Of(r.BenchmarkReturn, ValueKind.FractionPercent),
            thresholds = new
            {
                altcoin_season = r.Parameters.AltcoinSeasonThreshold,
                bitcoin_season = r.Parameters.BitcoinSeasonThreshold
            },
            ranking = r.Ranking is { } k
                ? new { list = k.List, date = k.Date, age_days = r.Date.DayNumber - k.Date.DayNumber } : null,
            outperformers = r.Outperformers.Select(c => new
            {
                symbol = c.Symbol, rank = c.Rank, @return = c.Return, series = c.Series,
                return_text = ValueText.Of(c.Return, ValueKind.FractionPercent),
            }),
            coins = r.Eligible.Select(c => new
            {
                symbol = c.Symbol, rank = c.Rank, @return = c.Return, series = c.Series,
                beats_bitcoin = c.BeatsBenchmark,
                return_text = ValueText.Of(c.Return, ValueKind.FractionPercent),
            }),
            skipped = r.Skipped.Select(s =>
                new { symbol = s.Symbol, rank = s.Rank, reason = s.Reason, detail = s.Detail }),
            eth_btc = EthBtc is { } e
                ? new
                {
                    date = e.Date, value = e.Value, stale = e.Stale,
                    value_text = ValueText.Number(e.Value, "0.00000")
                } : null,
            btc_dominance = Dominance is { } d
                ? new
                {
                    date = d.Date, value = d.Value, stale = d.Stale,
                    value_text = ValueText.Level(d.Value, ValueKind.Percent)
                } : null,
            warnings = new[] { EthBtc?.Warning("ETH/BTC", r.Date),
                Dominance?.Warning("Bitcoin dominance", r.Date) }.OfType<string>(),
            history = History?.Select(h =>
                new { date = h.Date, index = h.Index, eligible = h.Eligible, status = h.Status }),
            published = Published.Readings.Select(c => new
            {
                date = c.Published.Date, value = c.Published.Value, provider = c.Published.Provider,
                definition = c.Published.Definition,
                computed = c.Computed.Index, difference = c.Difference, status = c.Computed.Status,
                eligible = c.Computed.Eligible,
                ranking_age_days = c.Computed.RankingAgeDays, source_url = c.Published.SourceUrl,
                value_text = Points(c.Published.Value), computed_text = Points(c.Computed.Index),
                difference_text = ValueText.Format(ValueKind.IndexPointsChange).Number(c.Difference),
            }),
            published_summary = new { all = Summary(Published.All), comparable = Summary(Published.Comparable) },
        };
    }

    /// <summary>An index reading's digits (the page writes "/ 100" after it); an em dash when not defined.</summary>
    private static string Points(double v) => ValueText.Format(ValueKind.IndexPoints).Number(v);

    private static object? Summary(ComparisonSummary? s) => s is null ? null : new
    {
        count = s.Count, mean_absolute_error = s.MeanAbsoluteError, bias = s.Bias,
        largest_gap = new
        {
            date = s.LargestGap.Published.Date, published = s.LargestGap.Published.Value,
            computed = s.LargestGap.Computed.Index, difference = s.LargestGap.Difference
        },
    };
}
