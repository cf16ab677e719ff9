using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Bellwether.Data.Store;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bellwether.Data.Alerts;

/// <summary>A rules file's receivers cannot be used as configured (a secret variable not set).</summary>
public sealed class AlertReceiverException(string message) : Exception(message);

/// <summary>What one round of deliveries did.</summary>
public sealed record DeliveryRound(int Delivered, int Retrying, int Dead);

/// <summary>
/// Delivers the outbox (docs/alerts.md, "Delivery"): each pending notification due by now, on its channel — the
/// JSON-lines log, or a webhook (HTTP POST of the JSON, signed with HMAC-SHA256 over timestamp and body, with the
/// notification's key as <c>Idempotency-Key</c>). A failed webhook is retried at once a few times (Polly, exponential
/// backoff with jitter), then again later from the outbox with a growing pause (1 minute doubling to 1 hour) until the
/// receiver's <c>give_up_after</c> has passed since it was queued; then it is a dead letter. A receiver's refusal
/// (4xx other than 408 and 429) is a dead letter at once. An e-mail receiver gets each notification as a mail sent
/// over SMTP (MailKit), retried from the outbox the same way; an SMTP server's permanent refusal (5xx) is a dead
/// letter at once. The store is opened only to read what is due and to mark
/// each outcome, never held while a request is out; a process stopped after a POST but before its mark sends that
/// notification again, with the same key, when it restarts.
/// </summary>
public sealed class AlertDeliverer
{
    /// <summary>The header with the Unix time (seconds) the signature covers.</summary>
    public const string TimestampHeader = "Bellwether-Timestamp";
    /// <summary>The header with <c>sha256=</c> and the hex HMAC-SHA256 of <c>TIMESTAMP.BODY</c>.</summary>
    public const string SignatureHeader = "Bellwether-Signature";
    /// <summary>The header with the notification's key.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";
    /// <summary>The outbox channel of the JSON-lines log.</summary>
    public const string LogChannel = "log";

    private static readonly TimeSpan FirstPause = TimeSpan.FromMinutes(1), LongestPause = TimeSpan.FromHours(1);

    private readonly string _storePath, _logPath, _thesis;
    private readonly TimeProvider _clock;
    private readonly HttpClient _http;
    private readonly Dictionary<string, (WebhookReceiver Receiver, byte[] Secret)> _hooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (EmailReceiver Receiver, NetworkCredential? Account)> _mails =
        new(StringComparer.Ordinal);
    private readonly ResiliencePipeline<HttpResponseMessage> _attempt;

    /// <param name="storePath">The store with the outbox.</param>
    /// <param name="logPath">The JSON-lines log.</param>
    /// <param name="thesis">The thesis's name, sent with each notification.</param>
    /// <param name="environment">Reads the receivers' secret variables.</param>
    /// <param name="http">Sends the webhooks; its own timeout should be infinite (each attempt has 10 s).</param>
    /// <param name="retryPause">The first pause between the quick retries of one attempt (default 0.5 s).</param>
    /// <exception cref="AlertReceiverException">A webhook's secret variable, or an e-mail receiver's user or password
    /// variable, is not set.</exception>
    public AlertDeliverer(string storePath, AlertReceivers receivers, string logPath, string thesis, TimeProvider clock,
        HttpClient http, Func<string, string?> environment, TimeSpan? retryPause = null)
    {
        (_storePath, _logPath, _thesis, _clock, _http) = (storePath, logPath, thesis, clock, http);
        foreach (var hook in receivers.Webhooks)
        {
            var secret = environment(hook.SecretVariable);
            if (string.IsNullOrEmpty(secret))
                throw new AlertReceiverException(
                    $"webhook '{hook.Name}': the environment variable {hook.SecretVariable} that holds its secret is " +
                    $"not set");
            _hooks[hook.Channel] = (hook, Encoding.UTF8.GetBytes(secret));
        }
        foreach (var mail in receivers.Emails)
        {
            NetworkCredential? account = null;
            if (mail.UserVariable is { } userVariable && mail.PasswordVariable is { } passwordVariable)
            {
                var (user, password) = (environment(userVariable), environment(passwordVariable));
                if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
                    throw new AlertReceiverException($"e-mail '{mail.Name}': the environment variable "
                        + $"{(string.IsNullOrEmpty(user) ? userVariable : passwordVariable)} is not set");
                account = new NetworkCredential(user, password);
            }
            _mails[mail.Channel] = (mail, account);
        }
        // The quick retries run on the system clock: they are seconds, inside one attempt; the outbox's schedule
        // runs on the injected clock.
        _attempt = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retryPause ?? TimeSpan.FromSeconds(0.5),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>().Handle<TimeoutRejectedException>()
                    .HandleResult(r => Transient(r.StatusCode)),
            })
            .AddTimeout(TimeSpan.FromSeconds(10))
            .Build();
    }

    /// <summary>Delivers every pending notification due now, one at a time, in date order.</summary>
    public async Task<DeliveryRound> DeliverDueAsync(CancellationToken ct = default)
    {
        List<AlertDelivery> due;
        using (var store = BellwetherStore.Open(_storePath, readOnly: true))
            due = store.AlertDeliveries(DeliveryState.Pending, _clock.GetUtcNow());
        int delivered = 0, retrying = 0, dead = 0;
        foreach (var d in due)
        {
            ct.ThrowIfCancellationRequested();
            if (d.Channel != LogChannel && !_hooks.ContainsKey(d.Channel) && !_mails.ContainsKey(d.Channel))
                continue; // a receiver no longer configured
            var error = d.Channel == LogChannel ? AppendToLog(d)
                : _hooks.ContainsKey(d.Channel) ? await PostAsync(d, ct)
                : await MailAsync(d, ct);
            var now = _clock.GetUtcNow();
            using var store = BellwetherStore.Open(_storePath);
            if (error is null)
            {
                store.MarkDelivered(d.Key, d.Channel, now);
                delivered++;
                continue;
            }
            var pause = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, FirstPause.Ticks << Math.Min(d.Attempts, 10)));
            bool giveUp = error.Permanent || now - d.QueuedAt >= GiveUpAfter(d.Channel);
            store.MarkAttemptFailed(d.Key, d.Channel, error.Message, giveUp ? null : now + pause);
            if (giveUp) dead++;
            else retrying++;
        }
        return new DeliveryRound(delivered, retrying, dead);
    }

    private TimeSpan GiveUpAfter(string channel) =>
        _hooks.TryGetValue(channel, out var hook) ? hook.Receiver.GiveUpAfter
        : _mails.TryGetValue(channel, out var mail) ? mail.Receiver.GiveUpAfter
        : TimeSpan.FromHours(48);

    private sealed record Failure(string Message, bool Permanent);

    private Failure? AppendToLog(AlertDelivery d)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_logPath))!);
            File.AppendAllText(_logPath, AlertJson.Of(d.Event, _thesis) + "\n");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Failure($"log {_logPath}: {e.Message}", Permanent: false);
        }
    }

    private async Task<Failure?> PostAsync(AlertDelivery d, CancellationToken ct)
    {
        var (hook, secret) = _hooks[d.Channel];
        var body = AlertJson.Of(d.Event, _thesis);
        try
        {
            using var response = await _attempt.ExecuteAsync(async token =>
            {
                using var request = SignedPost(hook.Url, body, d.Event.Key, secret, _clock.GetUtcNow());
                return await _http.SendAsync(request, token);
            }, ct);
            if (response.IsSuccessStatusCode) return null;
            return new Failure($"HTTP {(int)response.StatusCode} from {hook.Name}",
                Permanent: !Transient(response.StatusCode));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                   || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            // The message names the receiver and the failure, never the secret or the body.
            return new Failure($"{hook.Name}: {(e is TimeoutRejectedException ? "no answer within 10 s" : e.Message)}",
                Permanent: false);
        }
    }

    /// <summary>Sends one notification as a mail; the server's 250 after the message is the delivery.</summary>
    private async Task<Failure?> MailAsync(AlertDelivery d, CancellationToken ct)
    {
        var (mail, account) = _mails[d.Channel];
        using var message = Mail(mail, d.Event, _thesis, _clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)MailTimeout.TotalMilliseconds };
        try
        {
            var security = mail.Security switch
            {
                "tls" => SecureSocketOptions.SslOnConnect,
                "none" => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(mail.Host, mail.Port, security, ct);
            if (account is not null) await client.AuthenticateAsync(account, ct);
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException e)
        {
            // The server's answer: 4xx is for later, 5xx refuses the mail (or a recipient) for good.
            int code = (int)e.StatusCode;
            return new Failure($"{mail.Name}: SMTP {code} {e.Message}", Permanent: code >= 500);
        }
        catch (Exception e) when (e is AuthenticationException or NotSupportedException)
        {
            // A refused sign-in, or a server that offers none: trying again will not help. The message never
            // holds the password.
            return new Failure($"{mail.Name}: {e.Message}", Permanent: true);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException
                                   or SslHandshakeException or TimeoutException
                                   || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new Failure($"{mail.Name}: {e.Message}", Permanent: false);
        }
        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException
                                   or SmtpCommandException)
        {
            // The server accepted the mail already: a failed goodbye does not make it undelivered.
        }
        return null;
    }

    /// <summary>How long one SMTP command may take.</summary>
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A notification as a mail: the console's line as the subject; the summary, description and labels, then the
    /// notification's JSON (the webhook body) in the text. Its Message-ID and <c>Idempotency-Key</c> header carry the
    /// notification's key, the same on every attempt, so a resent mail can be recognised.
    /// </summary>
    public static MimeMessage Mail(EmailReceiver receiver, AlertEvent e, string thesis, DateTimeOffset now)
    {
        var message = new MimeMessage { Subject = "Bellwether: " + AlertJson.Line(e), Date = now };
        message.From.Add(MailboxAddress.Parse(receiver.From));
        foreach (var to in receiver.To) message.To.Add(MailboxAddress.Parse(to));
        message.MessageId = $"{e.Key}.{e.Fingerprint}@bellwether.alerts";
        message.Headers.Add(IdempotencyHeader, e.Key);
        var text = new StringBuilder()
            .Append(thesis).Append("\n\n")
            .Append(AlertJson.Line(e)).Append("\n\n");
        if (e.Description.Length > 0) text.Append(e.Description).Append("\n\n");
        foreach (var (k, v) in e.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            text.Append(k).Append(": ").Append(v).Append('\n');
        text.Append("\nAs JSON (the webhook body):\n").Append(AlertJson.Of(e, thesis)).Append('\n');
        message.Body = new TextPart("plain") { Text = text.ToString() };
        return message;
    }

    /// <summary>A POST of <paramref name="body"/> with the signature headers (docs/alerts.md, "Verifying a
    /// webhook").</summary>
    public static HttpRequestMessage SignedPost(Uri url, string body, string key, byte[] secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post,
            url)
        { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Signature(secret, timestamp, body));
        request.Headers.Add(IdempotencyHeader, key);
        request.Headers.UserAgent.ParseAdd("bellwether-alerts/1");
        return request;
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of <c>TIMESTAMP.BODY</c> (UTF-8) under the
    /// secret.</summary>
    public static string Signature(byte[] secret, string timestamp, string body) =>
        "sha256="
        + Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static bool Transient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
