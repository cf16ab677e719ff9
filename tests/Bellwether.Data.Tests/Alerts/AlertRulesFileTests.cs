using Bellwether.Core.Alerts;
using Bellwether.Core.Measurements;
using Bellwether.Data.Alerts;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Data.Tests.Alerts;

/// <summary>The alert rules file: the shipped example reads, and every mistake names file, line and field.</summary>
public class AlertRulesFileTests
{
    private static string Shipped(params string[] parts) => Path.Combine([Reference.RepoRoot, .. parts]);

    [Fact]
    public void The_example_reads_and_fits_the_shipped_thesis()
    {
        var thesis = ThesisFile.Load(Shipped("theses", "russell-breakout-altseason.yaml"), Concepts.Signals);
        var file = AlertRulesFile.LoadFor(Shipped("alerts", "example.yaml"), thesis, Concepts.Signals);
        var rules = file.Rules;
        Assert.Equal(["altcoin_season", "eth_btc_above_0_04", "readiness_60", "rut_breakout_supports", "signal_against", "data_stale"],
            rules.Rules.Select(r => r.Name));
        var asi = Assert.IsType<ValueCondition>(rules.Rules[0].Condition);
        Assert.Equal(new Threshold(Comparison.AtLeast, 75, double.NaN, 5), asi.Threshold);
        Assert.Equal("critical", rules.Rules[0].Labels["severity"]);
        Assert.Equal("crypto", rules.Rules[0].Labels["team"]);
        Assert.Equal("close", Assert.IsType<ValueCondition>(rules.Rules[1].Condition).Field);
        Assert.Equal(7, rules.Rules[2].RepeatDays);
        Assert.Equal("warning", rules.Rules[2].Labels["severity"]);
        var turn = Assert.IsType<StateCondition>(rules.Rules[3].Condition);
        Assert.Equal([Core.Board.SignalState.Neutral, Core.Board.SignalState.Against], turn.From);
        var silence = Assert.Single(rules.Silences);
        Assert.Equal(new DateOnly(2025, 12, 24), silence.Starts);
        Assert.Equal("alertname=\"data_stale\"", Assert.Single(silence.Matchers).ToString());
    }

    [Theory]
    [InlineData("rules:\n  - name: a\n    when: { value: { signal: s, above: 1, below: 2 } }\n", 3, "exactly one of")]
    [InlineData("rules:\n  - name: a\n    when: { value: { signal: s, above: high } }\n", 3, "'above' must be a finite number")]
    [InlineData("rules:\n  - name: a\n    when: { value: { signal: s, enters: [5, 1] } }\n", 3, "low above high")]
    [InlineData("rules:\n  - name: a\n    when: { state: { signal: s, to: bullish } }\n", 3, "'to' is supports, neutral")]
    [InlineData("rules:\n  - name: a\n    when: { crosses: { signal: s } }\n", 3, "unknown condition 'crosses'")]
    [InlineData("rules:\n  - name: a\n    wehn: { stale: { signal: s } }\n", 3, "unknown key 'wehn'")]
    [InlineData("rules:\n  - name: a\n    when: { stale: { signal: s } }\n    repeat: 4h\n", 4, "'repeat' is never or a number of days")]
    [InlineData("rules:\n  - name: a\n    when: { stale: { signal: s } }\n    severity: high\n", 4, "'severity' is info")]
    [InlineData("rules:\n  - name: a\n    when: { stale: { signal: s } }\n  - name: a\n    when: { stale: { signal: s } }\n", 4, "used twice")]
    [InlineData("rules:\n  - name: a\n    when: { stale: { signal: s } }\n    labels: { alertname: b }\n", 4, "label 'alertname' is not allowed")]
    [InlineData("rules: []\nsilences:\n  - matchers: ['alertname~\"x\"']\n    starts: 2025-01-01\n    ends: 2025-01-02\n", 3, "is not label=")]
    [InlineData("rules: []\nsilences:\n  - matchers: ['a=~\"(\"']\n    starts: 2025-01-01\n    ends: 2025-01-02\n", 3, "bad regular expression")]
    [InlineData("rules: []\nsilences:\n  - matchers: ['a=\"x\"']\n    starts: 2025-01-05\n    ends: 2025-01-02\n", 5, "'ends' is before 'starts'")]
    [InlineData("rules: []\nsilences:\n  - matchers: ['a=\"x\"']\n    starts: soon\n    ends: 2025-01-02\n", 4, "'starts' must be a date")]
    [InlineData("rules:\n  - name: a\n    when: { value: { signal: s, above: >= 2 } }\n", 3, "not valid YAML")]
    public void A_mistake_names_the_file_the_line_and_the_field(string text, int line, string problem)
    {
        var e = Assert.Throws<DefinitionFileException>(() => AlertRulesFile.Parse(text, "rules.yaml"));
        Assert.Equal("rules.yaml", e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    private const string Mail = "rules: []\nreceivers:\n  email:\n    - name: desk\n";

    [Theory]
    [InlineData("      host: mail.example.org\n      from: a@example.org\n", 4, "e-mail 'desk': missing 'to'")]
    [InlineData("      host: mail.example.org\n      from: nobody\n      to: b@example.org\n", 6,
        "e-mail 'desk': 'nobody' is not an e-mail address")]
    [InlineData("      host: mail.example.org\n      from: a@example.org\n      to: [b@example.org, x]\n", 7,
        "e-mail 'desk': 'x' is not an e-mail address")]
    [InlineData("      host: mail.example.org\n      security: ssl\n      from: a@example.org\n"
        + "      to: b@example.org\n", 6,
        "e-mail 'desk': 'security' is starttls, tls or none, got 'ssl'")]
    [InlineData("      host: mail.example.org\n      port: 70000\n      from: a@example.org\n"
        + "      to: b@example.org\n", 6,
        "e-mail 'desk': 'port' must be from 1 to 65535")]
    [InlineData("      host: mail.example.org\n      from: a@example.org\n      to: b@example.org\n"
        + "      password_env: SMTP_PASSWORD\n", 4, "give both 'user_env' and 'password_env', or neither")]
    [InlineData("      host: mail.example.org\n      from: a@example.org\n      to: b@example.org\n"
        + "      user_env: U\n      password_env: hunter2 secret\n", 9,
        "'password_env' names the environment variable")]
    [InlineData("      host: mail.example.org\n      security: none\n      from: a@example.org\n"
        + "      to: b@example.org\n      user_env: U\n      password_env: P\n", 6, "a password is sent only over TLS")]
    [InlineData("      host: mail.example.org\n      from: a@example.org\n      to: b@example.org\n"
        + "      give_up: 2h\n", 8,
        "unknown key 'give_up'")]
    public void An_e_mail_receiver_s_mistake_names_the_line_and_the_field(string receiver, int line, string problem)
    {
        var e = Assert.Throws<DefinitionFileException>(() => AlertRulesFile.Parse(Mail + receiver, "rules.yaml"));
        Assert.Equal((line, true), (e.Line, e.Problem.Contains(problem, StringComparison.Ordinal)));
    }

    [Fact]
    public void An_e_mail_receiver_reads_with_its_defaults()
    {
        var file = AlertRulesFile.Parse(Mail + "      host: mail.example.org\n      from: a@example.org\n"
            + "      to: b@example.org\n      user_env: SMTP_USER\n      password_env: SMTP_PASSWORD\n", "rules.yaml");
        var mail = Assert.Single(file.Receivers.Emails);
        Assert.Equal(new EmailReceiver("desk", "mail.example.org", 587, "starttls", "a@example.org", mail.To,
            "SMTP_USER", "SMTP_PASSWORD", TimeSpan.FromHours(48)), mail);
        Assert.Equal(["b@example.org"], mail.To);
        Assert.Equal(["log", "email:desk"], file.Receivers.Channels);
        var tls = AlertRulesFile.Parse(Mail + "      host: 127.0.0.1\n      security: tls\n      from: a@example.org\n"
            + "      to: b@example.org\n      give_up_after: 3d\n", "rules.yaml").Receivers.Emails[0];
        Assert.Equal((465, "tls", null, TimeSpan.FromDays(3)),
            (tls.Port, tls.Security, tls.PasswordVariable, tls.GiveUpAfter));
    }

    [Fact]
    public void A_signal_or_field_the_thesis_does_not_have_is_an_error_on_the_rule_s_line()
    {
        var thesis = ThesisFile.Load(Shipped("theses", "russell-breakout-altseason.yaml"), Concepts.Signals);
        var path = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, "rules:\n  - name: ok\n    when: { stale: { signal: \"*\" } }\n" +
                "  - name: bad\n    when: { value: { signal: eth_btc_trendline, field: closing, above: 0.04 } }\n");
            var e = Assert.Throws<DefinitionFileException>(() => AlertRulesFile.LoadFor(path, thesis, Concepts.Signals));
            Assert.Equal(4, e.Line);
            Assert.Contains("has no field 'closing'", e.Problem, StringComparison.Ordinal);
            File.WriteAllText(path, "rules:\n  - name: gone\n    when: { state: { signal: rut_breakout, to: supports } }\n");
            e = Assert.Throws<DefinitionFileException>(() => AlertRulesFile.LoadFor(path, thesis, Concepts.Signals));
            Assert.Equal(2, e.Line);
            Assert.Contains("no signal 'rut_breakout'", e.Problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
