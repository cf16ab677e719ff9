using System.CommandLine;
using Bellwether.Cli.Commands;
using Bellwether.Data.Import;

namespace Bellwether.Cli;

/// <summary>The <c>bellwether</c> command line: exit code 0 on success, 1 on a runtime error, 2 on a usage error.</summary>
public static class Cli
{
    public const int Ok = 0, RuntimeError = 1, UsageError = 2;

    /// <summary>Machine-readable output on stdout, nothing else there.</summary>
    public static readonly Option<bool> Json = new("--json") { Description = "Write machine-readable JSON to stdout (and nothing else)", Recursive = true };

    /// <summary>The store file; see <see cref="Bellwether.Data.Store.BellwetherStore.ResolvePath"/>.</summary>
    public static readonly Option<string?> Store = new("--store") { Description = "Store file (default: $BELLWETHER_STORE, else ~/.local/share/bellwether/store.duckdb)", Recursive = true };

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Bellwether: a cross-asset market thesis turned into measured, reproducible evidence.");
        root.Options.Add(Json);
        root.Options.Add(Store);
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(DataCommands.Create());
        root.Subcommands.Add(DrawdownCommand.Create());
        root.Subcommands.Add(MacroCommand.Create());
        root.Subcommands.Add(FlowsCommand.Create());
        root.Subcommands.Add(DivergenceCommand.Create());
        root.Subcommands.Add(BreakoutCommand.Create());
        root.Subcommands.Add(MonthlyCloseCommand.Create());
        root.Subcommands.Add(TrendlineCommand.Create());
        root.Subcommands.Add(FetchCommand.Create());
        root.Subcommands.Add(SourcesCommand.Create());
        root.Subcommands.Add(AltseasonCommand.Create());
        root.Subcommands.Add(CorrCommand.Create());
        root.Subcommands.Add(CorrMatrixCommand.Create());
        root.Subcommands.Add(LeadLagCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(BoardCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(StudyCommand.Create());
        root.Subcommands.Add(BacktestCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Try 'bellwether --help'.");
            return UsageError;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (Exception e) when (e is UsageException or Core.Instruments.AmbiguousIdException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return UsageError;
        }
        catch (ImportException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            if (e.Line > 0) stderr.WriteLine("Nothing was stored. Fix the file, or re-run with --skip-bad to skip such rows (each is counted and listed).");
            return RuntimeError;
        }
        catch (Exception e) when (e is IOException or KeyNotFoundException or InvalidOperationException
                                       or ArgumentException or FormatException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return RuntimeError;
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            stderr.WriteLine($"error: store: {e.Message}");
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
}

/// <summary>A command line that parsed but makes no sense (bad date range, unknown choice): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
