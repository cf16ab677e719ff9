using System.CommandLine;
using System.CommandLine.Parsing;
using Bellwether.Cli.Commands;
using Bellwether.Core.Text;
using Bellwether.Data.Import;

namespace Bellwether.Cli;

/// <summary>
/// The <c>bellwether</c> command line: exit code 0 on success, 1 on a runtime error, 2 on a usage error; 3 when
/// <c>board --compare</c> found signals that flipped (for a cron job to test).
/// </summary>
public static class Cli
{
    public const int Ok = 0, RuntimeError = 1, UsageError = 2, SignalsFlipped = 3;

    /// <summary>Machine-readable output on stdout, nothing else there.</summary>
    public static readonly Option<bool> Json =
        new("--json") { Description = "Write machine-readable JSON to stdout (and nothing else)", Recursive = true };

    /// <summary>The store file; see <see cref="Bellwether.Data.Store.BellwetherStore.ResolvePath"/>.</summary>
    public static readonly Option<string?> Store =
        new("--store")
        {
            Description =
            "Store file (default: $BELLWETHER_STORE, else ~/.local/share/bellwether/store.duckdb)", Recursive = true
        };

    /// <summary>Read every row as public on its own date, as Bellwether did before release rules (for
    /// comparison).</summary>
    public static readonly Option<bool> IgnoreReleaseLags = new("--ignore-release-lags")
    {
        Description = "Treat every observation as public on its own date (no release lags; see docs/release-lags.md)",
        Recursive = true,
    };

    /// <param name="clock">The clock of commands that wait or read the time (fetch); default: the system's.</param>
    public static RootCommand BuildRoot(TimeProvider? clock = null)
    {
        var root =
            new RootCommand("Bellwether: a cross-asset market thesis turned into measured, reproducible evidence.");
        root.Options.Add(Json);
        root.Options.Add(Store);
        root.Options.Add(IgnoreReleaseLags);
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(DataCommands.Create());
        root.Subcommands.Add(DrawdownCommand.Create());
        root.Subcommands.Add(MacroCommand.Create());
        root.Subcommands.Add(FlowsCommand.Create());
        root.Subcommands.Add(DivergenceCommand.Create());
        root.Subcommands.Add(BreakoutCommand.Create());
        root.Subcommands.Add(MonthlyCloseCommand.Create());
        root.Subcommands.Add(TrendlineCommand.Create());
        root.Subcommands.Add(FetchCommand.Create(clock ?? TimeProvider.System));
        root.Subcommands.Add(SourcesCommand.Create());
        root.Subcommands.Add(AltseasonCommand.Create());
        root.Subcommands.Add(CorrCommand.Create());
        root.Subcommands.Add(CorrMatrixCommand.Create());
        root.Subcommands.Add(LeadLagCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(BoardCommand.Create());
        root.Subcommands.Add(StreamCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(StudyCommand.Create());
        root.Subcommands.Add(BacktestCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AlertsCommand.Create());
        root.Subcommands.Add(ScreenCommand.Create());
        root.Subcommands.Add(SiloCommand.Create());
        root.Subcommands.Add(ClusterCheckCommand.Create());
        return root;
    }

    /// <param name="clock">The clock (see <see cref="BuildRoot"/>); tests pass a fake one.</param>
    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null,
        TimeProvider? clock = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var parse = BuildRoot(clock).Parse(args);
        if (parse.Errors.Count > 0) return ParseError(parse, stderr);
        var config = new InvocationConfiguration
        {
            Output = stdout, Error = stderr,
            EnableDefaultExceptionHandler = false
        };
        try
        {
            return parse.Invoke(config);
        }
        catch (Exception e) when (e is UsageException or Core.Instruments.AmbiguousIdException)
        {
            WriteError(stderr, e.Message);
            return UsageError;
        }
        catch (Api.QueryException e)
        {
            WriteError(stderr, e.OptionMessage);
            return UsageError;
        }
        catch (ImportException e)
        {
            WriteError(stderr, e.Message);
            if (e.Line > 0) stderr.WriteLine(
                "Nothing was stored. Fix the file, or re-run with --skip-bad to skip such rows (each is counted and " +
                "listed).");
            return RuntimeError;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or KeyNotFoundException
            or InvalidOperationException
                                       or ArgumentException or FormatException or UnauthorizedAccessException)
        {
            WriteError(stderr, e.Message);
            return RuntimeError;
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            WriteError(stderr, $"store: {e.Message}");
            return RuntimeError;
        }
        catch (Core.Measurements.NotMeasurableException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return RuntimeError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not bad input: say so, with where it happened, and fail.
            stderr.WriteLine($"error: internal error (a bug in Bellwether): {e.GetType().Name}: {e.Message}");
            stderr.WriteLine(e.StackTrace);
            return RuntimeError;
        }
    }

    /// <summary>An error line; control characters from file names or input are shown escaped, never sent to the
    /// terminal.</summary>
    private static void WriteError(TextWriter stderr, string message) =>
        stderr.WriteLine($"error: {Printable.Escape(message, keepLineBreaks: true)}");

    /// <summary>
    /// The parse errors; for each word that matched nothing, the closest commands and options of the command it was
    /// given to; then a pointer to that command's help. System.CommandLine's own typo corrections are not used: they
    /// write to stdout and offer any short option for any short word ('-h' for '3').
    /// </summary>
    private static int ParseError(ParseResult parse, TextWriter stderr)
    {
        foreach (var error in parse.Errors) WriteError(stderr, error.Message);
        var command = parse.CommandResult.Command;
        var names = command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(OptionsOf(parse.CommandResult).SelectMany(o => o.Aliases.Prepend(o.Name))).ToList();
        foreach (var token in parse.UnmatchedTokens)
        {
            var closest = ClosestNames.Find(token, names, bestOnly: true);
            if (closest.Count > 0) stderr.WriteLine(
                $"'{Printable.Escape(token)}': did you mean {string.Join(" or ", closest.Select(n => $"'{n}'"))}?");
        }
        var path = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
            // the root is named after the process
            path.Insert(0, result.Parent is null ? "bellwether" : result.Command.Name);
        stderr.WriteLine($"Try '{string.Join(' ', path)} --help'.");
        return UsageError;
    }

    /// <summary>The options a command accepts: its own and its ancestors' recursive ones (--json, --store,
    /// --help).</summary>
    private static IEnumerable<Option> OptionsOf(CommandResult result)
    {
        foreach (var option in result.Command.Options) yield return option;
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
            foreach (var option in parent.Command.Options.Where(o => o.Recursive)) yield return option;
    }
}

/// <summary>A command line that parsed but makes no sense (bad date range, unknown choice): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
