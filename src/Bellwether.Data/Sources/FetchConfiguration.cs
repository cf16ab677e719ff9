using System.Text.Json;

namespace Bellwether.Data.Sources;

/// <summary>
/// The sources of a run: <see cref="SourceDefaults"/> overridden by a JSON configuration file, keys resolved from
/// environment variables (which win) or the file. Keys are kept here and handed to the sources; nothing prints them.
/// </summary>
public sealed class FetchConfiguration
{
    private readonly Dictionary<string, string> _keys;
    private readonly Dictionary<string, string> _schedule;

    /// <summary>When <c>serve --schedule</c> fetches a source the configuration gives no time for: 00:30 UTC daily,
    /// after the UTC day's crypto close.</summary>
    public const string DefaultCron = "30 0 * * *";

    private FetchConfiguration(IReadOnlyList<SourceSettings> sources, Dictionary<string, string> keys, string? path,
        Dictionary<string, string>? schedule = null)
    {
        Sources = sources;
        _keys = keys;
        _schedule = schedule ?? [];
        Path = path;
        Redactor = new Redactor(keys.Values);
    }

    /// <summary>All sources, configured ones first as in <see cref="SourceDefaults.All"/>.</summary>
    public IReadOnlyList<SourceSettings> Sources { get; }

    /// <summary>The configuration file read, or null when only defaults apply.</summary>
    public string? Path { get; }

    /// <summary>Removes every configured key from a text.</summary>
    public Redactor Redactor { get; }

    /// <summary>The cron expression (UTC, five fields) of a source's scheduled fetch: its own, else <c>"*"</c>'s,
    /// else <see cref="DefaultCron"/>.</summary>
    public string CronOf(string source) => _schedule.GetValueOrDefault(source) ?? _schedule.GetValueOrDefault("*")
        ?? DefaultCron;

    /// <summary>The key of a source, or null.</summary>
    public string? KeyOf(string source) => _keys.GetValueOrDefault(source);

    /// <summary>
    /// The configuration file to read: <paramref name="explicitPath"/>, else <c>BELLWETHER_CONFIG</c>, else
    /// <c>bellwether/config.json</c> under <c>XDG_CONFIG_HOME</c> (default <c>~/.config</c>) when it exists; else none.
    /// </summary>
    public static string? ResolvePath(string? explicitPath, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return explicitPath;
        var fromEnv = environment("BELLWETHER_CONFIG");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return fromEnv;
        var home = environment("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(home)) home =
            System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        var path = System.IO.Path.Combine(home, "bellwether", "config.json");
        return File.Exists(path) ? path : null;
    }

    /// <summary>The defaults, overridden by the file at <paramref name="path"/> when given.</summary>
    /// <exception cref="FormatException">The file is not valid JSON or names an unknown source or setting.</exception>
    /// <exception cref="FileNotFoundException">An explicitly named file does not exist.</exception>
    public static FetchConfiguration Load(string? path, Func<string, string?> environment)
    {
        var sources = SourceDefaults.All.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var schedule = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path is not null)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"configuration file {path} does not exist", path);
            JsonDocument doc;
            var text = File.ReadAllText(path);
            try
            {
                doc = JsonDocument.Parse(text,
                    new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path}: not valid JSON ({e.Message})");
            }
            using (doc)
            {
                foreach (var top in doc.RootElement.EnumerateObject())
                {
                    if (top.Name == "schedule")
                    {
                        ReadSchedule(top.Value, sources.Keys, schedule, path, text);
                        continue;
                    }
                    if (top.Name != "sources")
                        throw new FormatException(
                            $"{path}: unknown top-level setting '{top.Name}' (expected 'sources' or 'schedule')");
                    foreach (var source in top.Value.EnumerateObject())
                    {
                        if (!sources.TryGetValue(source.Name, out var settings))
                            throw new FormatException(
                                $"{path}: unknown source '{source.Name}' (known: {string.Join(", ", sources.Keys)})");
                        sources[source.Name] = Apply(settings, source.Value, $"{path}: sources.{source.Name}");
                    }
                }
            }
        }
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in sources.Values)
            if (s.ResolveKey(environment) is { } key) keys[s.Name] = key;
        return new FetchConfiguration([.. SourceDefaults.All.Select(d => sources[d.Name])], keys, path, schedule);
    }

    /// <summary><c>"schedule": { "fred": "0 22 * * 1-5", "*": "30 0 * * *" }</c>: a cron expression per source
    /// (or <c>*</c> for the others), in UTC (docs/serve.md, "Schedule"). Errors name the file and the line.</summary>
    private static void ReadSchedule(JsonElement json, IEnumerable<string> known, Dictionary<string, string> schedule,
        string path, string text)
    {
        if (json.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{path}:{LineOf(text, "schedule")}: schedule: expected an object");
        foreach (var p in json.EnumerateObject())
        {
            var at = $"{path}:{LineOf(text, "schedule", p.Name)}";
            if (p.Name != "*" && !known.Contains(p.Name))
                throw new FormatException(
                    $"{at}: schedule: unknown source '{p.Name}' (known: {string.Join(", ", known)}, or *)");
            var cron = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : "";
            try
            {
                Cronos.CronExpression.Parse(cron);
            }
            catch (Cronos.CronFormatException e)
            {
                throw new FormatException(
                    $"{at}: schedule.{p.Name}: '{cron}' is not a cron expression (minute hour day month weekday): "
                    + e.Message);
            }
            schedule[p.Name] = cron;
        }
    }

    /// <summary>
    /// The line (from 1) of the top-level property <paramref name="top"/>, or of <paramref name="inner"/> inside it,
    /// in the JSON <paramref name="text"/>; 0 when it is not there.
    /// </summary>
    private static int LineOf(string text, string top, string? inner = null)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes,
            new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        string? section = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            if (reader.CurrentDepth == 1) section = reader.GetString();
            bool found = inner is null
                ? reader.CurrentDepth == 1
                : reader.CurrentDepth == 2 && reader.GetString() == inner;
            if (section == top && found)
                return 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
        }
        return 0;
    }

    /// <summary>A configuration made in code (tests, embedding): keys resolved the same way.</summary>
    public static FetchConfiguration From(IReadOnlyList<SourceSettings> sources, Func<string, string?> environment)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in sources)
            if (s.ResolveKey(environment) is { } key) keys[s.Name] = key;
        return new FetchConfiguration(sources, keys, null);
    }

    private static SourceSettings Apply(SourceSettings s, JsonElement json, string where)
    {
        if (json.ValueKind != JsonValueKind.Object) throw new FormatException($"{where}: expected an object");
        foreach (var p in json.EnumerateObject())
        {
            var v = p.Value;
            try
            {
                s = p.Name switch
                {
                    "enabled" => s with { Enabled = v.GetBoolean() },
                    "base_address" => s with { BaseAddress = Address(v) },
                    "api_base_address" => s with { ApiBaseAddress = Address(v) },
                    "api_key" => s with { ApiKey = v.GetString() },
                    "api_key_env" => s with { ApiKeyVariable = v.GetString() },
                    "instruments" => s with { Instruments = Instruments(v) },
                    "requests_per_minute" => s with { RequestsPerMinute = Positive(v.GetDouble()) },
                    "attempt_timeout_seconds" => s with { AttemptTimeout = Seconds(v) },
                    "total_timeout_seconds" => s with { TotalTimeout = Seconds(v) },
                    "connect_timeout_seconds" => s with { ConnectTimeout = Seconds(v) },
                    "max_retries" => s with { MaxRetries = Math.Max(0, v.GetInt32()) },
                    "retry_base_delay_seconds" => s with { RetryBaseDelay = Seconds(v) },
                    "max_retry_after_seconds" => s with { MaxRetryAfter = Seconds(v) },
                    "circuit_breaker_throughput" => s with { CircuitBreakerThroughput = v.GetInt32() },
                    "circuit_break_seconds" => s with { CircuitBreakDuration = Seconds(v) },
                    "overlap_days" => s with { OverlapDays = Math.Max(0, v.GetInt32()) },
                    "page_size" => s with { PageSize = (int)Positive(v.GetInt32()) },
                    "max_days_per_request" => s with { MaxDaysPerRequest = Math.Max(0, v.GetInt32()) },
                    "history_start" => s with { HistoryStart = DateOnly.ParseExact(v.GetString()!, "yyyy-MM-dd") },
                    "markets_top" => s with { MarketsTop = Math.Max(0, v.GetInt32()) },
                    _ => throw new FormatException($"{where}: unknown setting '{p.Name}'"),
                };
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException
                && e.Message.StartsWith(where) == false)
            {
                throw new FormatException($"{where}.{p.Name}: {e.Message}");
            }
        }
        return s;
    }

    private static Uri Address(JsonElement v)
    {
        var text = v.GetString() ?? "";
        if (!text.EndsWith('/')) text += "/";
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri : throw new FormatException($"'{v.GetString()}' is not an http(s) address");
    }

    // "instruments": {"BTC": "BTCUSDT", …} (store id → source symbol) or ["DFF", …] (same name).
    private static IReadOnlyList<SourceInstrument> Instruments(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object =>
            [.. v.EnumerateObject()
                .Select(p =>
                    new SourceInstrument(p.Name, p.Value.GetString()
                        ?? throw new FormatException($"{p.Name}: symbol must be a string")))],
        JsonValueKind.Array =>
            [.. v.EnumerateArray().Select(e => e.GetString()!).Select(s => new SourceInstrument(s, s))],
        _ => throw new FormatException("expected {\"ID\": \"SYMBOL\", …} or [\"ID\", …]"),
    };

    private static TimeSpan Seconds(JsonElement v) => TimeSpan.FromSeconds(Positive(v.GetDouble()));

    private static double Positive(double x) => x > 0 ? x : throw new FormatException($"{x} must be positive");
}
