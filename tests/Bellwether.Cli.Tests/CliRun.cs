using System.Text.Json;
using Bellwether.TestSupport;

namespace Bellwether.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it writes.</summary>
public static class CliRun
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Stdout parsed as JSON (the command must have been run with <c>--json</c>).</summary>
        public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
    }

    /// <summary>Runs <c>bellwether ARGS</c> with the given store.</summary>
    public static Result Invoke(string store, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Cli.Run([.. args, "--store", store], stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>bellwether ARGS</c> against the store holding the whole real data folder (read-only use).</summary>
    public static Result OnRealData(params string[] args)
    {
        using (RealData.OpenStore()) { } // imports the folder once per test process, or skips without BELLWETHER_DATA
        return Invoke(RealData.StorePath, args);
    }
}
