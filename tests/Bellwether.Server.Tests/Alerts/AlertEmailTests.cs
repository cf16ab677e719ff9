using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Data.Alerts;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Xunit;

namespace Bellwether.Server.Tests.Alerts;

/// <summary>
/// Alerts by e-mail through the outbox, to an SMTP server on 127.0.0.1 (<see cref="SmtpFake"/>), on the excerpt's
/// July 2025 as in <see cref="AlertDeliveryTests"/>: each transition mailed once, across a server that refuses the
/// first messages for now; a refusal for good and a server that is down end as dead letters; the password is sent
/// only to the server.
/// </summary>
public sealed class AlertEmailTests : IDisposable
{
    private static readonly DateOnly First = new(2025, 7, 1), Last = new(2025, 7, 21);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private const string User = "alerts@example.org";
    private const string Password = "an smtp password, never in a mail, a log or the store";

    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-alerts-mail-").FullName;
    private readonly string _store;
    private readonly string _userVariable = $"BW_SMTP_USER_{Guid.NewGuid():N}".ToUpperInvariant();
    private readonly string _passwordVariable = $"BW_SMTP_PASSWORD_{Guid.NewGuid():N}".ToUpperInvariant();
    private readonly ThesisDefinition _thesis = ThesisFile.LoadDefault(Concepts.Signals);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 7, 22, 6, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public AlertEmailTests()
    {
        _store = Path.Combine(_dir, "store.duckdb");
        File.Copy(TestStores.ExcerptStore, _store);
        Environment.SetEnvironmentVariable(_userVariable, User);
        Environment.SetEnvironmentVariable(_passwordVariable, Password);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_userVariable, null);
        Environment.SetEnvironmentVariable(_passwordVariable, null);
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Rules(int port, bool signIn = true, string giveUpAfter = "48h")
    {
        var path = Path.Combine(_dir, "rules.yaml");
        var account = signIn ? $"""

                  user_env: {_userVariable}
                  password_env: {_passwordVariable}
            """ : "";
        File.WriteAllText(path, $"""
            rules:
              - name: against
                when: {"{"} state: {"{"} signal: "*", to: against {"}"} {"}"}
              - name: fed_stale
                when: {"{"} stale: {"{"} signal: fed_path {"}"} {"}"}
            receivers:
              log: alerts.jsonl
              email:
                - name: desk
                  host: 127.0.0.1
                  port: {port}
                  security: none
                  from: bellwether@example.org
                  to: [desk@example.org, "Second Reader <second@example.org>"]
                  give_up_after: {giveUpAfter}{account}
            """);
        return path;
    }

    /// <summary>Records July's notifications in the outbox (as <c>alerts run</c> does).</summary>
    private (AlertDeliverer Deliverer, List<AlertNotification> Expected) Queue(string rules)
    {
        var file = AlertRulesFile.LoadFor(rules, _thesis, Concepts.Signals);
        List<AlertNotification> expected;
        using (var store = BellwetherStore.Open(_store, readOnly: true))
        {
            var engine = new AlertEngine(file.Rules);
            var boards = AlertReplay.Boards(_thesis, new StoreMarketData(store), First.AddDays(-1), Last,
                Concepts.Signals);
            expected = [.. boards.SelectMany(b => engine.Step(b, notify: b.AsOf >= First))];
        }
        var recorded = new AlertWatch(_store, _thesis, Concepts.Signals, file, rules, releaseLags: true, _clock)
            .CatchUp(Last, First);
        Assert.Equal(expected.Select(n => n.Key), recorded.Select(e => e.Key));
        Assert.True(expected.Count >= 3, $"{expected.Count} notifications in July");
        return (Deliverer(rules), expected);
    }

    private AlertDeliverer Deliverer(string rules)
    {
        var receivers = AlertRulesFile.LoadFor(rules, _thesis, Concepts.Signals).Receivers;
        return new AlertDeliverer(_store, receivers, AlertLog.PathFor(receivers, rules), _thesis.Name, _clock, _http,
            Environment.GetEnvironmentVariable);
    }

    private static MimeMessage Parse(string received) =>
        MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received)));

    private List<AlertDelivery> Mails(DeliveryState state)
    {
        using var store = BellwetherStore.Open(_store, readOnly: true);
        return [.. store.AlertDeliveries(state).Where(d => d.Channel == "email:desk")];
    }

    [Fact]
    public async Task Each_transition_is_mailed_once_across_a_server_that_refuses_the_first_messages_for_now()
    {
        using var smtp = new SmtpFake((User, Password), failFirst: 2);
        var (deliverer, expected) = Queue(Rules(smtp.Port));

        // The first two mails are refused for now (451) and wait a minute; the rest, and every log line, go through.
        Assert.Equal(new DeliveryRound(2 * expected.Count - 2, 2, 0), await deliverer.DeliverDueAsync(Cancel));
        Assert.All(Mails(DeliveryState.Pending),
            d => Assert.StartsWith("desk: SMTP 451", d.LastError, StringComparison.Ordinal));
        Assert.Equal(new DeliveryRound(0, 0, 0), await deliverer.DeliverDueAsync(Cancel)); // not due yet
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DeliveryRound(2, 0, 0), await deliverer.DeliverDueAsync(Cancel));
        Assert.Equal(new DeliveryRound(0, 0, 0), await deliverer.DeliverDueAsync(Cancel));

        Assert.Equal(2, smtp.TemporaryFailures);
        var mails = smtp.Messages.Select(Parse).ToList();
        Assert.Equal(expected.Select(n => n.Key).Order(), mails.Select(m => m.Headers["Idempotency-Key"]).Order());
        foreach (var mail in mails)
        {
            var n = expected.Single(x => x.Key == mail.Headers["Idempotency-Key"]);
            Assert.Equal($"{n.Key}.{n.Fingerprint}@bellwether.alerts", mail.MessageId);
            Assert.Equal("bellwether@example.org", mail.From.Mailboxes.Single().Address);
            Assert.Equal(["desk@example.org", "second@example.org"], mail.To.Mailboxes.Select(a => a.Address));
            var status = n.Status == AlertStatus.Firing ? "FIRING" : "RESOLVED";
            Assert.StartsWith($"Bellwether: {n.Date:yyyy-MM-dd} {status} {n.Rule}", mail.Subject,
                StringComparison.Ordinal);
            Assert.Contains(_thesis.Name, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains(n.Summary, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains($"\"key\":\"{n.Key}\"", mail.TextBody, StringComparison.Ordinal);
        }
        Assert.Empty(Mails(DeliveryState.Pending));

        // The password crossed only the SMTP sign-in, base64 in AUTH PLAIN as the protocol has it.
        Assert.Contains(smtp.Transcript, line => line.StartsWith("AUTH PLAIN", StringComparison.Ordinal)
            || line == Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"\0{User}\0{Password}")));
        Assert.All(smtp.Messages, m => Assert.DoesNotContain(Password, m, StringComparison.Ordinal));
        Assert.DoesNotContain(Password, File.ReadAllText(Path.Combine(_dir, "alerts.jsonl")), StringComparison.Ordinal);
        using var store = BellwetherStore.Open(_store, readOnly: true);
        Assert.All(store.AlertHistory(1000).SelectMany(h => h.Deliveries), d =>
            Assert.DoesNotContain(Password, d.LastError ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_for_good_is_a_dead_letter_at_once_and_a_replay_sends_it_when_the_server_takes_it()
    {
        using (var refusing = new SmtpFake((User, Password), refuseRecipients: true))
        {
            var (deliverer, expected) = Queue(Rules(refusing.Port));
            Assert.Equal(new DeliveryRound(expected.Count, 0, expected.Count), await deliverer.DeliverDueAsync(Cancel));
            Assert.Empty(refusing.Messages);
        }
        var dead = Mails(DeliveryState.Dead);
        Assert.All(dead, d => Assert.StartsWith("desk: SMTP 550", d.LastError, StringComparison.Ordinal));

        // The mailbox exists after all: replay the dead letters (`alerts dead-letter replay`) to a server that
        // takes them.
        using var smtp = new SmtpFake((User, Password));
        var rules = Rules(smtp.Port);
        using (var store = BellwetherStore.Open(_store))
            store.ReplayDeadLetters(null, _clock.GetUtcNow());
        Assert.Equal(new DeliveryRound(dead.Count, 0, 0), await Deliverer(rules).DeliverDueAsync(Cancel));
        Assert.Equal(dead.Select(d => d.Key).Order(),
            smtp.Messages.Select(m => Parse(m).Headers["Idempotency-Key"]).Order());
    }

    [Fact]
    public async Task A_server_that_is_down_is_tried_again_until_give_up_after_then_the_mail_is_a_dead_letter()
    {
        int port;
        using (var gone = new SmtpFake()) port = gone.Port; // nothing listens there any more
        var (deliverer, expected) = Queue(Rules(port, signIn: false, giveUpAfter: "2h"));
        Assert.Equal(new DeliveryRound(expected.Count, expected.Count, 0), await deliverer.DeliverDueAsync(Cancel));
        Assert.All(Mails(DeliveryState.Pending),
            d => Assert.StartsWith("desk: ", d.LastError, StringComparison.Ordinal));
        // Rounds 1, 2, 4, 8, 16, 32 and 60 minutes apart: the attempt after two hours gives up.
        for (int round = 0; round < 12 && Mails(DeliveryState.Pending).Count > 0; round++)
        {
            _clock.Advance(TimeSpan.FromMinutes(60));
            await deliverer.DeliverDueAsync(Cancel);
        }
        Assert.Empty(Mails(DeliveryState.Pending));
        Assert.Equal(expected.Count, Mails(DeliveryState.Dead).Count);
    }

    [Fact]
    public void A_password_variable_that_is_not_set_stops_the_deliverer_naming_the_variable()
    {
        var rules = Rules(25);
        Environment.SetEnvironmentVariable(_passwordVariable, null);
        var file = AlertRulesFile.LoadFor(rules, _thesis, Concepts.Signals);
        var e = Assert.Throws<AlertReceiverException>(() => new AlertDeliverer(_store, file.Receivers, "", _thesis.Name,
            _clock, _http, Environment.GetEnvironmentVariable));
        Assert.Equal($"e-mail 'desk': the environment variable {_passwordVariable} is not set", e.Message);
    }
}
