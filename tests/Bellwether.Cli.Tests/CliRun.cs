using System.Text.Json;
using Bellwether.TestSupport;
using Bellwether.TestSupport.Sources;
using Microsoft.Extensions.Time.Testing;

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
    public static Result Invoke(string store, params string[] args) => Invoke(store, clock: null, args);

    /// <summary>Runs <c>bellwether ARGS</c> with the given store on <paramref name="clock"/>: retry delays and
    /// timeouts wait on it, and <see cref="FakeClock"/> moves it while no loopback server works.</summary>
    public static Result Invoke(string store, FakeTimeProvider? clock, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = clock is null ? Cli.Run([.. args, "--store", store], stdout, stderr)
            : FakeClock.Drive(clock, Task.Run(() => Cli.Run([.. args, "--store", store], stdout, stderr, clock)));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>bellwether ARGS</c> against the store holding the whole real data folder (read-only use).</summary>
    public static Result OnRealData(params string[] args)
    {
        using (RealData.OpenStore()) { } // imports the folder once per test process, or skips without BELLWETHER_DATA
        return Invoke(RealData.StorePath, args);
    }
}
