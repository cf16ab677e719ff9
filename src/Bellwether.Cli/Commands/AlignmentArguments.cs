using System.CommandLine;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;

namespace Bellwether.Cli.Commands;

/// <summary>The options shared by the statistics commands: date range, point in time, frequency and return
/// kind.</summary>
internal sealed class AlignmentArguments
{
    public readonly Option<string?> Since =
        new("--since") { Description = "First date used (yyyy-MM-dd; default: the start of the shared data)" };
    public readonly Option<string?> Until =
        new("--until") { Description = "Last date used (yyyy-MM-dd; default: the end of the data)" };
    public readonly Option<string?> AsOf =
        new("--as-of") { Description = "Point in time (yyyy-MM-dd): only data dated on or before it is read" };
    public readonly Option<string> Freq =
        new("--freq")
        {
            Description =
            "daily (shared dates), weekly (Sat–Fri weeks keyed by Friday) or monthly (keyed by month end)",
            DefaultValueFactory = _ => "daily"
        };
    public readonly Option<string> On;

    public AlignmentArguments(bool allowLevels)
    {
        Freq.AcceptOnlyFromAmong("daily", "weekly", "monthly");
        On = new Option<string>("--on")
        {
            Description = allowLevels
                ? "log-returns, returns (simple) or levels (prices; flagged non-stationary)"
                : "log-returns or returns (simple)",
            DefaultValueFactory = _ => "log-returns",
        };
        if (allowLevels) On.AcceptOnlyFromAmong("log-returns", "returns", "levels");
        else On.AcceptOnlyFromAmong("log-returns", "returns");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Since);
        command.Options.Add(Until);
        command.Options.Add(AsOf);
        command.Options.Add(Freq);
        command.Options.Add(On);
    }

    /// <summary>The alignment the command line asks for; <c>--as-of</c> caps the last date.</summary>
    public AlignmentOptions Parse(ParseResult parse)
    {
        var since = StoreAccess.Date(parse, Since);
        var until = StoreAccess.Date(parse, Until);
        var asOf = StoreAccess.Date(parse, AsOf);
        if (asOf is { } a && (until is null || until > a)) until = a;
        if (since > until) throw new UsageException(
            $"--since {since:yyyy-MM-dd} is after the last date used ({until:yyyy-MM-dd})");
        var frequency = parse.GetValue(Freq) switch
        {
            "weekly" => Frequency.Weekly,
            "monthly" => Frequency.Monthly,
            _ =>
            Frequency.Daily
        };
        var kind = parse.GetValue(On) switch
        {
            "returns" => ReturnKind.SimpleReturns,
            "levels" => ReturnKind.Levels,
            _ => ReturnKind.LogReturns
        };
        return new AlignmentOptions(since, until, frequency, kind);
    }

    /// <summary>The <c>--on</c> spelling of a return kind, for output.</summary>
    public static string Name(ReturnKind kind) => kind switch
    {
        ReturnKind.SimpleReturns => "returns",
        ReturnKind.Levels => "levels",
        _ => "log-returns",
    };

    /// <summary>A p-value for a table cell as the formatting table writes it (<c>&lt; 0.001</c> below that, never 0),
    /// empty for NaN.</summary>
    public static string PValue(double p) =>
        double.IsNaN(p) ? "" : Core.Text.ValueText.Of(p, Core.Text.ValueKind.PValue);

    /// <summary>A short phrase for a sentence: "weekly log returns".</summary>
    public static string Describe(AlignmentOptions o) =>
        $"{o.Frequency.ToString().ToLowerInvariant()} " + o.Kind switch
        {
            ReturnKind.SimpleReturns => "simple returns",
            ReturnKind.Levels => "price levels",
            _ => "log returns",
        };
}
