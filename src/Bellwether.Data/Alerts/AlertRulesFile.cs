using System.Globalization;
using System.Text.RegularExpressions;
using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Data.Thesis;
using YamlDotNet.RepresentationModel;

namespace Bellwether.Data.Alerts;

/// <summary>
/// Reads an alert rules file (YAML, docs/alerts.md): <c>rules</c>, each a name, a <c>when</c> condition, labels,
/// a severity, a repeat interval and a description; and <c>silences</c>, each Alertmanager matchers with a start and
/// an end date. Every error names the file, the line and the field.
/// </summary>
public static partial class AlertRulesFile
{
    private static readonly string[] Comparisons = ["above", "at_least", "below", "at_most", "enters", "leaves"];

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="DefinitionFileException">Naming file, line and problem.</exception>
    public static AlertFile Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses rules text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="DefinitionFileException">Naming file, line and problem.</exception>
    public static AlertFile Parse(string text, string file)
    {
        var y = new YamlReader(file);
        var root = y.Root(text);
        y.OnlyKeys(root, "rules file", "rules", "silences", "receivers");
        var rules = new List<AlertRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in y.Sequence(YamlReader.Optional(root, "rules") ?? throw y.Error(root, "missing 'rules'"),
            "'rules'"))
        {
            var map = y.Mapping(node, "a rule");
            y.OnlyKeys(map, "rule", "name", "when", "labels", "severity", "repeat", "description");
            var name = y.Scalar(map, "name");
            if (!LabelValue().IsMatch(name)) throw y.Error(YamlReader.Optional(map, "name")!,
                $"rule name '{name}': use letters, digits, '_', '-' and '.'");
            if (!names.Add(name)) throw y.Error(map, $"rule name '{name}' is used twice");
            var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (YamlReader.Optional(map, "labels") is { } l)
                foreach (var (k, v) in y.Mapping(l, $"rule '{name}': 'labels'").Children)
                {
                    var label = ((YamlScalarNode)k).Value!;
                    if (!LabelName().IsMatch(label) || label is "alertname" or "signal" or "severity")
                        throw y.Error(k,
                            $"rule '{name}': label '{label}' is not allowed (a label name is letters, digits and " +
                            "'_'; " +
                            "alertname, signal and severity are set by Bellwether)");
                    labels[label] = v is YamlScalarNode { Value: { } s } ? s
                        : throw y.Error(v, $"rule '{name}': label '{label}' must be a single value");
                }
            var severity = y.OptionalScalar(map, "severity") ?? "warning";
            if (severity is not ("info" or "warning" or "critical"))
                throw y.Error(YamlReader.Optional(map, "severity")!,
                    $"rule '{name}': 'severity' is info, warning or critical, got '{severity}'");
            labels["severity"] = severity;
            var when = y.Mapping(YamlReader.Optional(map, "when")
                ?? throw y.Error(map, $"rule '{name}': missing 'when'"), $"rule '{name}': 'when'");
            rules.Add(new AlertRule(name, Condition(y, when, name), labels, RepeatDays(y, map, name),
                y.OptionalScalar(map, "description") ?? "", YamlReader.Line(map)));
        }
        var silences = new List<Silence>();
        if (YamlReader.Optional(root, "silences") is { } list)
            foreach (var node in y.Sequence(list, "'silences'"))
                silences.Add(ReadSilence(y, y.Mapping(node, "a silence")));
        return new AlertFile(new AlertRules(rules, silences), ReadReceivers(y, root, file), text);
    }

    /// <summary><c>receivers</c>: the JSON-lines log's path and the webhooks (docs/alerts.md, "Delivery").</summary>
    private static AlertReceivers ReadReceivers(YamlReader y, YamlMappingNode root, string file)
    {
        if (YamlReader.Optional(root, "receivers") is not { } node) return new AlertReceivers(null, [], []);
        var map = y.Mapping(node, "'receivers'");
        y.OnlyKeys(map, "receivers", "log", "webhooks", "email");
        var log = y.OptionalScalar(map, "log") is { Length: > 0 } l
            ? Path.GetFullPath(l, Path.GetDirectoryName(Path.GetFullPath(file))!) : null;
        var hooks = new List<WebhookReceiver>();
        if (YamlReader.Optional(map, "webhooks") is { } list)
            foreach (var item in y.Sequence(list, "receivers: 'webhooks'"))
            {
                var hook = y.Mapping(item, "a webhook");
                y.OnlyKeys(hook, "webhook", "name", "url", "secret_env", "give_up_after");
                var name = y.Scalar(hook, "name");
                if (!LabelName().IsMatch(name) || hooks.Any(h => h.Name == name))
                    throw y.Error(hook, $"webhook name '{name}' must be letters, digits and '_', and unique");
                var url = y.Scalar(hook, "url");
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                    || uri.UserInfo.Length > 0)
                    throw y.Error(YamlReader.Optional(hook, "url")!,
                        $"webhook '{name}': 'url' must be an http or https address without a user or password");
                var secret = y.Scalar(hook, "secret_env");
                if (!EnvironmentName().IsMatch(secret))
                    throw y.Error(YamlReader.Optional(hook, "secret_env")!,
                        $"webhook '{name}': 'secret_env' names the environment variable holding the secret (the " +
                        $"secret itself never goes in this file)");
                hooks.Add(new WebhookReceiver(name, uri, secret, GiveUpAfter(y, hook, $"webhook '{name}'")));
            }
        var mails = new List<EmailReceiver>();
        if (YamlReader.Optional(map, "email") is { } mailList)
            foreach (var item in y.Sequence(mailList, "receivers: 'email'"))
                mails.Add(ReadEmail(y, y.Mapping(item, "an e-mail receiver"), mails));
        return new AlertReceivers(log, hooks, mails);
    }

    /// <summary><c>give_up_after</c>: hours or days, 48h unless given.</summary>
    private static TimeSpan GiveUpAfter(YamlReader y, YamlMappingNode map, string what)
    {
        var giveUp = y.OptionalScalar(map, "give_up_after") ?? "48h";
        var m = Hours().Match(giveUp);
        if (!m.Success)
            throw y.Error(YamlReader.Optional(map, "give_up_after")!,
                $"{what}: 'give_up_after' is hours or days (48h, 3d), got '{giveUp}'");
        int n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value == "d" ? TimeSpan.FromDays(n) : TimeSpan.FromHours(n);
    }

    /// <summary>An SMTP receiver (docs/alerts.md, "E-mail"); its user and password come from the environment.</summary>
    private static EmailReceiver ReadEmail(YamlReader y, YamlMappingNode map, List<EmailReceiver> earlier)
    {
        y.OnlyKeys(map, "e-mail receiver", "name", "host", "port", "security", "from", "to", "user_env", "password_env",
            "give_up_after");
        var name = y.Scalar(map, "name");
        if (!LabelName().IsMatch(name) || earlier.Any(e => e.Name == name))
            throw y.Error(map, $"e-mail receiver name '{name}' must be letters, digits and '_', and unique");
        string what = $"e-mail '{name}'";
        var host = y.Scalar(map, "host");
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
            throw y.Error(YamlReader.Optional(map, "host")!,
                $"{what}: 'host' must be a host name or address, got '{host}'");
        var security = y.OptionalScalar(map, "security") ?? "starttls";
        if (security is not ("starttls" or "tls" or "none"))
            throw y.Error(YamlReader.Optional(map, "security")!,
                $"{what}: 'security' is starttls, tls or none, got '{security}'");
        var portText = y.OptionalScalar(map, "port") ?? (security == "tls" ? "465" : "587");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
            throw y.Error(YamlReader.Optional(map, "port")!,
                $"{what}: 'port' must be from 1 to 65535, got '{portText}'");
        var from = Address(y, map, "from", what);
        var toNode = YamlReader.Optional(map, "to") ?? throw y.Error(map, $"{what}: missing 'to'");
        var to = (toNode is YamlSequenceNode list ? list.Children : new[] { toNode })
            .Select(n => Address(y, n, what)).ToList();
        if (to.Count == 0) throw y.Error(toNode, $"{what}: 'to' needs at least one address");
        var user = Variable(y, map, "user_env", what);
        var password = Variable(y, map, "password_env", what);
        if ((user is null) != (password is null))
            throw y.Error(map, $"{what}: give both 'user_env' and 'password_env', or neither");
        // A password sent in clear only to this machine; anything else needs TLS.
        if (password is not null && security == "none" && !IsLoopback(host))
            throw y.Error(YamlReader.Optional(map, "security")!,
                $"{what}: a password is sent only over TLS (starttls or tls), except to this machine");
        return new EmailReceiver(name, host, port, security, from, to, user, password, GiveUpAfter(y, map, what));
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip);

    private static string Address(YamlReader y, YamlMappingNode map, string key, string what) =>
        Address(y, YamlReader.Optional(map, key) ?? throw y.Error(map, $"{what}: missing '{key}'"), what);

    private static string Address(YamlReader y, YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } v } && MimeKit.MailboxAddress.TryParse(v, out var address)
            && address.Address.Contains('@', StringComparison.Ordinal)
            ? v : throw y.Error(node, $"{what}: '{(node as YamlScalarNode)?.Value}' is not an e-mail address");

    /// <summary>An optional key naming an environment variable (never the value itself).</summary>
    private static string? Variable(YamlReader y, YamlMappingNode map, string key, string what)
    {
        if (y.OptionalScalar(map, key) is not { } name) return null;
        return EnvironmentName().IsMatch(name) ? name : throw y.Error(YamlReader.Optional(map, key)!,
            $"{what}: '{key}' names the environment variable holding it (the value itself never goes in this file)");
    }

    /// <summary>Reads <paramref name="path"/> and checks it against the thesis it will watch.</summary>
    /// <exception cref="DefinitionFileException">A parse error, or a signal or field the thesis does not
    /// have.</exception>
    public static AlertFile LoadFor(string path, ThesisDefinition thesis, SignalKinds kinds)
    {
        var file = Load(path);
        if (file.Rules.Problems(thesis, kinds) is [var (line, problem), ..]) throw new DefinitionFileException(path,
            line, problem);
        return file;
    }

    private static AlertCondition Condition(YamlReader y, YamlMappingNode when, string rule)
    {
        if (when.Children.Count != 1)
            throw y.Error(when, $"rule '{rule}': 'when' takes one of state, value, readiness, stale");
        var (key, body) = when.Children.Single();
        var kind = ((YamlScalarNode)key).Value;
        var map = y.Mapping(body, $"rule '{rule}': '{kind}'");
        switch (kind)
        {
            case "state":
                y.OnlyKeys(map, $"rule '{rule}': state", "signal", "from", "to");
                return new StateCondition(y.Scalar(map, "signal"), States(y, map, "from", rule, required: false),
                    States(y, map, "to", rule, required: true));
            case "value":
                y.OnlyKeys(map, $"rule '{rule}': value", [.. Comparisons, "signal", "field", "hysteresis"]);
                return new ValueCondition(y.Scalar(map, "signal"), y.OptionalScalar(map, "field"),
                    Threshold(y, map, rule));
            case "readiness":
                y.OnlyKeys(map, $"rule '{rule}': readiness", [.. Comparisons, "hysteresis"]);
                return new ReadinessCondition(Threshold(y, map, rule));
            case "stale":
                y.OnlyKeys(map, $"rule '{rule}': stale", "signal");
                return new StaleCondition(y.Scalar(map, "signal"));
            default:
                throw y.Error(key,
                    $"rule '{rule}': unknown condition '{kind}'; allowed: state, value, readiness, stale");
        }
    }

    private static List<SignalState> States(YamlReader y, YamlMappingNode map, string key, string rule, bool required)
    {
        var node = YamlReader.Optional(map, key);
        if (node is null)
            return required ? throw y.Error(map, $"rule '{rule}': missing '{key}'") : [];
        var words = node is YamlSequenceNode seq ? seq.Children : [node];
        var states = new List<SignalState>();
        foreach (var word in words)
        {
            var text = (word as YamlScalarNode)?.Value;
            var state = Enum.GetValues<SignalState>().Where(s => AlertEngine.Word(s) == text)
                .Select(s => (SignalState?)s).FirstOrDefault();
            states.Add(state
                ?? throw y.Error(word,
                    $"rule '{rule}': '{key}' is supports, neutral, against or not_measurable, got '{text}'"));
        }
        return states;
    }

    private static Threshold Threshold(YamlReader y, YamlMappingNode map, string rule)
    {
        var given = Comparisons.Where(c => YamlReader.Optional(map, c) is not null).ToList();
        if (given.Count != 1)
            throw y.Error(map, $"rule '{rule}': give exactly one of {string.Join(", ", Comparisons)}");
        var key = given[0];
        var node = YamlReader.Optional(map, key)!;
        double hysteresis = y.Number(map, "hysteresis", 0);
        if (hysteresis < 0) throw y.Error(YamlReader.Optional(map, "hysteresis")!,
            $"rule '{rule}': 'hysteresis' must be 0 or more");
        var comparison = Enum.Parse<Comparison>(key.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
        if (comparison is Comparison.Enters or Comparison.Leaves)
        {
            var band = y.Sequence(node, $"rule '{rule}': '{key}'");
            if (band.Children.Count != 2) throw y.Error(node, $"rule '{rule}': '{key}' is a band [low, high]");
            double lo = Number(y, band.Children[0], key, rule), hi = Number(y, band.Children[1], key, rule);
            if (lo > hi) throw y.Error(node, $"rule '{rule}': '{key}' band [low, high] has low above high");
            if (comparison == Comparison.Leaves && 2 * hysteresis > hi - lo)
                throw y.Error(node, $"rule '{rule}': a 'leaves' band must be wider than twice the hysteresis");
            return new Threshold(comparison, lo, hi, hysteresis);
        }
        return new Threshold(comparison, Number(y, node, key, rule), double.NaN, hysteresis);
    }

    private static double Number(YamlReader y, YamlNode node, string key, string rule) =>
        node is YamlScalarNode { Value: { } text }
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : throw y.Error(node, $"rule '{rule}': '{key}' must be a finite number");

    /// <summary><c>repeat</c>: <c>never</c> (the default), or whole days or weeks: <c>1d</c>, <c>7d</c>,
    /// <c>2w</c>.</summary>
    private static int RepeatDays(YamlReader y, YamlMappingNode map, string rule)
    {
        var text = y.OptionalScalar(map, "repeat");
        if (text is null or "never") return 0;
        var m = Interval().Match(text);
        int n = m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var v) ? v : 0;
        if (n is < 1 or > 3660)
            throw y.Error(YamlReader.Optional(map, "repeat")!,
                $"rule '{rule}': 'repeat' is never or a number of days or weeks (1d, 7d, 2w), got '{text}' (boards " +
                $"are daily)");
        return m.Groups[2].Value == "w" ? 7 * n : n;
    }

    private static Silence ReadSilence(YamlReader y, YamlMappingNode map)
    {
        y.OnlyKeys(map, "silence", "matchers", "starts", "ends", "comment");
        var matchers = new List<LabelMatcher>();
        foreach (var node in y.Sequence(YamlReader.Optional(map, "matchers")
            ?? throw y.Error(map, "silence: missing 'matchers'"), "silence: 'matchers'"))
        {
            var text = (node as YamlScalarNode)?.Value ?? "";
            var m = Matcher().Match(text);
            if (!m.Success) throw y.Error(node, $"silence: matcher '{text}' is not label=\"value\" (or !=, =~, !~)");
            var value = m.Groups[3].Success ? m.Groups[3].Value.Replace("\\\"", "\"", StringComparison.Ordinal)
                : m.Groups[4].Value;
            try
            {
                matchers.Add(new LabelMatcher(m.Groups[1].Value, m.Groups[2].Value, value));
            }
            catch (ArgumentException e)
            {
                throw y.Error(node, $"silence: matcher '{text}' has a bad regular expression: {e.Message}");
            }
        }
        if (matchers.Count == 0) throw y.Error(map, "silence: 'matchers' is empty (a silence must say what it mutes)");
        DateOnly starts = Date(y, map, "starts"), ends = Date(y, map, "ends");
        if (ends < starts) throw y.Error(YamlReader.Optional(map, "ends")!, "silence: 'ends' is before 'starts'");
        return new Silence(matchers, starts, ends, y.OptionalScalar(map, "comment") ?? "", YamlReader.Line(map));
    }

    private static DateOnly Date(YamlReader y, YamlMappingNode map, string key) =>
        DateOnly.TryParseExact(y.Scalar(map, key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var d)
            ? d : throw y.Error(YamlReader.Optional(map, key)!, $"silence: '{key}' must be a date, YYYY-MM-DD");

    [GeneratedRegex(@"^([1-9][0-9]*)([dw])$")]
    private static partial Regex Interval();

    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(?:""((?:[^""\\]|\\.)*)""|([^""\s]*))\s*$")]
    private static partial Regex Matcher();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex LabelName();

    [GeneratedRegex(@"^[A-Z_][A-Z0-9_]*$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"^([1-9][0-9]{0,4})([hd])$")]
    private static partial Regex Hours();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+$")]
    private static partial Regex LabelValue();
}

/// <summary>A rules file: its rules and silences, and where notifications go.</summary>
/// <param name="Text">The text they were read from (a thesis grain on a cluster is sent it and reads it again).</param>
public sealed record AlertFile(AlertRules Rules, AlertReceivers Receivers, string Text);

/// <summary>Where notifications go besides the console.</summary>
/// <param name="Log">The JSON-lines log (null: <c>alerts.jsonl</c> beside the store).</param>
public sealed record AlertReceivers(
    string? Log, IReadOnlyList<WebhookReceiver> Webhooks, IReadOnlyList<EmailReceiver> Emails)
{
    /// <summary>The outbox channels every notification goes to: the log, each webhook, each e-mail receiver.</summary>
    public IReadOnlyList<string> Channels =>
        [AlertDeliverer.LogChannel, .. Webhooks.Select(h => h.Channel), .. Emails.Select(e => e.Channel)];
}

/// <summary>
/// An SMTP receiver: each notification as a mail from <paramref name="From"/> to <paramref name="To"/>, through
/// <paramref name="Host"/>, signed in with the user and password held in the two variables (none: no sign-in).
/// </summary>
/// <param name="Security"><c>starttls</c>, <c>tls</c> (TLS from the start) or <c>none</c>.</param>
/// <param name="GiveUpAfter">How long attempts go on before the notification becomes a dead letter.</param>
public sealed record EmailReceiver(string Name, string Host, int Port, string Security, string From,
    IReadOnlyList<string> To, string? UserVariable, string? PasswordVariable, TimeSpan GiveUpAfter)
{
    /// <summary>The outbox channel: <c>email:NAME</c>.</summary>
    public string Channel => $"email:{Name}";
}

/// <summary>A webhook: an HTTP POST of each notification, signed with the secret held in
/// <paramref name="SecretVariable"/>.</summary>
/// <param name="GiveUpAfter">How long attempts go on before the notification becomes a dead letter.</param>
public sealed record WebhookReceiver(string Name, Uri Url, string SecretVariable, TimeSpan GiveUpAfter)
{
    /// <summary>The outbox channel: <c>webhook:NAME</c>.</summary>
    public string Channel => $"webhook:{Name}";
}
