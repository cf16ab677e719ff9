using System.CommandLine;
using System.Globalization;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.Divergence;
using Bellwether.Core.Statistics.Divergence;
using Bellwether.Core.Text;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether divergence</c>: a risk-on index near its high while a crypto asset is deep in
/// drawdown.</summary>
internal static class DivergenceCommand
{
    public static Command Create()
    {
        var index = new Option<string>("--index") { Description = "Risk-on index", DefaultValueFactory = _ => "RUT" };
        var crypto = new Option<string>("--crypto") { Description = "Crypto asset", DefaultValueFactory = _ => "BTC" };
        // In percent, as the divergence signal's near_high_pct and deep_drawdown_pct; --near and --deep are the older
        // options in fractions, kept as documented aliases.
        var nearPct = new Option<double?>("--near-high-pct")
        {
            Description = "The index is near its high within this many percent (default 5, as near_high_pct)",
        };
        var deepPct = new Option<double?>("--deep-drawdown-pct")
        {
            Description = "Crypto is deep in drawdown beyond this many percent (default 20, as deep_drawdown_pct)",
        };
        var near = new Option<double?>("--near") { Description = "Older --near-high-pct, a fraction (0.05 = 5%)" };
        var deep = new Option<double?>("--deep") { Description = "Older --deep-drawdown-pct, a fraction (0.2 = 20%)" };
        var asOf =
            new Option<string?>("--as-of") { Description = "Use only rows dated on or before this date (yyyy-MM-dd)" };
        var since =
            new Option<string?>("--since")
            {
                Description =
                "Start both running peaks on this date (default: each series' first row)"
            };
        var by = DrawdownCommand.ByOption();
        var command = new Command(Concepts.Signal<DivergenceSignal>().Name,
            "Risk-on index near its high while crypto is deep below its peak: today's reading and past episodes")
        {
            index, crypto, nearPct, deepPct, near, deep, by, asOf, since,
        };
        command.SetAction(parse =>
        {
            var asOfDate = StoreAccess.Date(parse, asOf);
            var sinceDate = StoreAccess.Date(parse, since);
            if (sinceDate > asOfDate) throw new UsageException("--since is after --as-of");
            double nearHigh = Fraction(parse, nearPct, near, 0.05), deepDrawdown = Fraction(parse, deepPct, deep, 0.20);
            // Checked here so that a bad value is a usage error; the parameters check themselves as well.
            if (!(nearHigh is >= 0 and < 1) || !(deepDrawdown is >= 0 and < 1))
                throw new UsageException("--near-high-pct and --deep-drawdown-pct are percents in [0, 100), e.g. 5");
            var p = new DivergenceParameters(nearHigh, deepDrawdown, DrawdownCommand.Basis(parse, by), sinceDate);
            using var store = StoreAccess.OpenForRead(parse);
            var result = RiskOnDivergence.Compute(StoreAccess.Series(parse, store, parse.GetValue(index)!, asOfDate),
                StoreAccess.Series(parse, store, parse.GetValue(crypto)!, asOfDate), asOfDate, p);
            var latest = result.Latest
                ?? throw new InvalidOperationException($"{result.Index} and {result.Crypto} share no day with a close");
            var running = result.Episodes.Count > 0 && result.Episodes[^1].End == latest.Date ? result.Episodes[^1]
                : null;
            if (parse.GetValue(Cli.Json))
            {
                Output.WriteJson(parse, new
                {
                    index = result.Index, crypto = result.Crypto, as_of = asOfDate ?? latest.Date, date = latest.Date,
                    near_high = p.NearHigh,
                    deep_drawdown = p.DeepDrawdown, by = p.Basis, index_drawdown = latest.IndexDrawdown,
                    crypto_drawdown = latest.CryptoDrawdown,
                    active = latest.Active, active_since = running?.Start, shared_days = result.Days.Count,
                    episodes = result.Episodes,
                });
                return Cli.Ok;
            }
            var console = Output.Console(parse);
            var table = new Table().Border(TableBorder.Simple)
                .AddColumns(DrawdownCommand.Dated("start"), DrawdownCommand.Dated("end"), new("shared days"),
                new($"deepest {Markup.Escape(result.Crypto)}"));
            foreach (var e in result.Episodes.TakeLast(15))
                table.AddRow($"{e.Start:yyyy-MM-dd}", $"{e.End:yyyy-MM-dd}",
                    e.Days.ToString(CultureInfo.InvariantCulture), DrawdownCommand.Fall(e.DeepestCrypto));
            console.Write(table);
            console.MarkupLine(
                Markup.Escape(
                    $"{latest.Date:yyyy-MM-dd}: {result.Index} {DrawdownCommand.Fall(latest.IndexDrawdown)} from its " +
                    $"peak, {result.Crypto} {DrawdownCommand.Fall(latest.CryptoDrawdown)}: " +
                (latest.Active ? $"divergence on (since {running!.Start:yyyy-MM-dd})" : "no divergence") +
                $" (near = within {ValueText.Level(p.NearHigh, ValueKind.FractionPercent)}, deep = beyond " +
                $"{ValueText.Level(p.DeepDrawdown, ValueKind.FractionPercent)}); {result.Episodes.Count} " +
                "episode(s) in all."));
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>A threshold as a fraction: from its percent option, else its older fraction option, else the default.
    /// </summary>
    private static double Fraction(ParseResult parse, Option<double?> percent, Option<double?> fraction,
        double fallback)
    {
        var (pct, frac) = (parse.GetValue(percent), parse.GetValue(fraction));
        if (pct is not null && frac is not null)
            throw new UsageException($"give {percent.Name} or {fraction.Name}, not both");
        return pct / 100 ?? frac ?? fallback;
    }
}
