using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Bellwether.TestSupport;

/// <summary>
/// A real redis-server for the cluster tests: started in a temporary folder on a free loopback port with the
/// append-only file on, stopped (and its folder removed) on dispose. Without redis-server the tests fail under CI
/// (which installs it) and are skipped elsewhere, saying why.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _executable;
    private Process? _process;

    private RedisServer(string executable)
    {
        _executable = executable;
        Folder = Directory.CreateTempSubdirectory("bellwether-redis-").FullName;
        Port = FreePort();
    }

    public string Folder { get; }
    public int Port { get; }
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts a server, or skips (fails under CI) when redis-server is not installed.</summary>
    public static async Task<RedisServer> Start()
    {
        var executable = Find();
        if (executable is null)
        {
            const string why = "redis-server is not installed (apt-get install redis-server; .ci/run installs it)";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 }) Assert.Fail(why);
            Assert.Skip(why);
        }
        var server = new RedisServer(executable);
        await server.Run();
        return server;
    }

    /// <summary>Stops the server (SIGKILL: what it wrote to its append-only file stays) and starts it again on the same
    /// folder and port.</summary>
    public async Task Restart()
    {
        Stop();
        await Run();
    }

    private async Task Run()
    {
        var psi = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder,
        };
        foreach (var arg in new[] { "--port", $"{Port}", "--bind", "127.0.0.1", "--dir", Folder, "--appendonly", "yes",
                     "--appendfsync", "everysec", "--save", "", "--daemonize", "no" })
            psi.ArgumentList.Add(arg);
        _process = Process.Start(psi)!;
        // A test run stopped by SIGTERM or Ctrl+C does not dispose its fixtures: stop the server on the way out too.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (int attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}");
            if (await Answers()) return;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"redis-server did not answer on port {Port} within 10 s");
    }

    private async Task<bool> Answers()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            int read = await stream.ReadAsync(buffer);
            return read >= 5 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Stop()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("BELLWETHER_REDIS_SERVER") is { Length: > 0 } configured) return configured;
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.Append("/usr/bin").Append("/usr/sbin").Select(f => Path.Combine(f, "redis-server")).FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
