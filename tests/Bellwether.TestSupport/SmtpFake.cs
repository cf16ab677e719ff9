using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bellwether.TestSupport;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 (port chosen by the system) for the e-mail alert tests, written from RFC 5321
/// alone: EHLO (advertising AUTH PLAIN when it has a user), AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT. No TLS.
/// It can refuse the first messages with a temporary error (451) or every recipient for good (550). Bounded: it
/// only answers the connections a test makes, and stops when disposed.
/// </summary>
public sealed class SmtpFake : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly ConcurrentQueue<string> _transcript = new();
    private readonly (string User, string Password)? _account;
    private int _temporaryFailuresLeft;

    /// <param name="account">The only user and password AUTH PLAIN accepts (null: no AUTH offered).</param>
    /// <param name="failFirst">Answer the end of the first this many messages' DATA with 451 (try again later).</param>
    /// <param name="refuseRecipients">Answer every RCPT with 550 (no such mailbox).</param>
    public SmtpFake((string User, string Password)? account = null, int failFirst = 0, bool refuseRecipients = false)
    {
        (_account, _temporaryFailuresLeft, RefuseRecipients) = (account, failFirst, refuseRecipients);
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool RefuseRecipients { get; }

    /// <summary>The messages accepted (250 after DATA), as received: headers, a blank line, the body.</summary>
    public IReadOnlyList<string> Messages => [.. _messages];

    /// <summary>Every line the clients sent (DATA excepted), for checking what crossed the wire.</summary>
    public IReadOnlyList<string> Transcript => [.. _transcript];

    /// <summary>Messages whose DATA was refused with 451.</summary>
    public int TemporaryFailures { get; private set; }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 127.0.0.1 bellwether test SMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                _transcript.Enqueue(line);
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync(
                            _account is null ? "250 127.0.0.1" : "250-127.0.0.1\r\n250 AUTH PLAIN");
                        break;
                    case "HELO" or "RSET" or "NOOP" or "MAIL":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "AUTH":
                        var parts = line.Split(' ');
                        if (parts.Length == 2) // no initial response: ask for it
                        {
                            await writer.WriteLineAsync("334 ");
                            parts = [.. parts, await reader.ReadLineAsync(_stop.Token) ?? ""];
                        }
                        await writer.WriteLineAsync(
                            Authenticated(parts) ? "235 accepted" : "535 authentication failed");
                        break;
                    case "RCPT":
                        await writer.WriteLineAsync(RefuseRecipients ? "550 no such mailbox" : "250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var message = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                        {
                            // A line starting with a dot came with one more (dot-stuffing).
                            message.Append(data.StartsWith("..", StringComparison.Ordinal) ? data[1..] : data);
                            message.Append("\r\n");
                        }
                        if (Interlocked.Decrement(ref _temporaryFailuresLeft) >= 0)
                        {
                            TemporaryFailures++;
                            await writer.WriteLineAsync("451 try again later");
                        }
                        else
                        {
                            _messages.Enqueue(message.ToString());
                            await writer.WriteLineAsync("250 queued");
                        }
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the test ended.
        }
    }

    /// <summary><c>AUTH PLAIN base64(\0user\0password)</c> with the one account.</summary>
    private bool Authenticated(string[] parts)
    {
        if (_account is not { } account || parts.Length != 3
            || !parts[1].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
            return false;
        try
        {
            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(parts[2])).Split('\0');
            return fields.Length == 3 && fields[1] == account.User && fields[2] == account.Password;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Dispose();
        _stop.Dispose();
    }
}
