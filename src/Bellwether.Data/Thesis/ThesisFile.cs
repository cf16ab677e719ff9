using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements.Breakout;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.Paths;
using YamlDotNet.RepresentationModel;

namespace Bellwether.Data.Thesis;

/// <summary>
/// Reads a thesis file (YAML). Format, documented in docs/thesis.md:
/// <code>
/// name: Russell 2000 breakout → Altcoin Season
/// description: …
/// signals:
///   - id: rut_breakout
///     title: Russell 2000 against long-term resistance
///     kind: breakout
///     weight: 2
///     params: { instrument: RUT, lookback_years: 3 }
///     supports: { label: [breakout, confirmed, retest] }
///     against: { label: [failed] }
/// </code>
/// A rule clause is <c>label: [words]</c> or <c>field: "&gt;= number"</c> (field = <c>value</c> or a reading field).
/// </summary>
public static class ThesisFile
{
    /// <summary>Parses thesis text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="DefinitionFileException">Naming file, line and problem.</exception>
    public static ThesisDefinition Parse(string text, string file)
    {
        var y = new YamlReader(file);
        var root = y.Root(text);
        y.OnlyKeys(root, "thesis", "name", "description", "min_measured", "signals", "trigger", "outcome", "trade",
            "claims", "asset_names");
        var signals = new List<SignalSpec>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in y.Sequence(YamlReader.Optional(root, "signals")
            ?? throw y.Error(root, "missing 'signals'"), "'signals'"))
        {
            var map = y.Mapping(node, "a signal");
            y.OnlyKeys(map, "signal", "id", "title", "kind", "weight", "params", "supports", "against");
            var id = y.Scalar(map, "id");
            if (!ids.Add(id)) throw y.Error(map, $"signal id '{id}' is used twice");
            double weight = y.Number(map, "weight", 1);
            if (weight is < 0 or > MaxWeight)
                throw y.Error(YamlReader.Optional(map, "weight")!,
                    $"signal '{id}': weight must be from 0 to {MaxWeight:#,0}, got {weight}");
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var parameterLines = new Dictionary<string, int>(StringComparer.Ordinal);
            if (YamlReader.Optional(map, "params") is { } p)
                foreach (var (k, v) in y.Mapping(p, $"signal '{id}' params").Children)
                {
                    var name = ((YamlScalarNode)k).Value!;
                    parameters[name] = v is YamlScalarNode s ? s.Value ?? ""
                        : throw y.Error(v, $"signal '{id}': parameter '{name}' must be a single value");
                    parameterLines[name] = YamlReader.Line(k);
                }
            signals.Add(new SignalSpec(id, y.OptionalScalar(map, "title") ?? id, y.Scalar(map, "kind"), weight,
                parameters,
                ReadRule(y, map, "supports", id), ReadRule(y, map, "against", id), YamlReader.Line(map),
                parameterLines));
        }
        if (signals.Count == 0) throw y.Error(root, "'signals' is empty");
        double minMeasured = y.Number(root, "min_measured", ThesisDefinition.DefaultMinMeasured);
        if (minMeasured is < 0 or > 1)
            throw y.Error(YamlReader.Optional(root, "min_measured")!,
                "'min_measured' is a share of the weight, from 0 to 1");
        return new ThesisDefinition(y.Scalar(root, "name"), y.OptionalScalar(root, "description") ?? "", signals,
            minMeasured, ReadPrediction(y, root, ids));
    }

    /// <summary>The trigger, outcome, trade and claims file, each optional (docs/thesis.md, "What the thesis
    /// predicts").</summary>
    private static ThesisPrediction ReadPrediction(YamlReader y, YamlMappingNode root, HashSet<string> ids)
    {
        ThesisTrigger? trigger = null;
        if (YamlReader.Optional(root, "trigger") is { } t)
        {
            var map = y.Mapping(t, "'trigger'");
            y.OnlyKeys(map, "trigger", "signal", "event", "readiness");
            var signal = y.OptionalScalar(map, "signal");
            var word = y.OptionalScalar(map, "event");
            if (YamlReader.Optional(map, "readiness") is { } r)
            {
                if (signal is not null || word is not null) throw y.Error(map,
                    "trigger: give either 'readiness' or 'signal' (with 'event'), not both");
                double theta = y.Number(map, "readiness", 0);
                if (theta is < 0 or > 100) throw y.Error(r, "trigger: 'readiness' is a threshold from 0 to 100");
                trigger = new ThesisTrigger(TriggerEvent.Readiness, null, theta, YamlReader.Line(map));
            }
            else
            {
                if (signal is null) throw y.Error(map,
                    "trigger: missing 'signal' (the id of a signal of this thesis) or 'readiness' (a threshold)");
                if (!ids.Contains(signal))
                    throw y.Error(YamlReader.Optional(map, "signal")!,
                        $"trigger: no signal '{signal}' in this thesis (signals: {string.Join(", ", ids)})");
                var kind = word is null ? TriggerEvent.Breakout : TriggerEvents.Named(word)
                    ?? throw y.Error(YamlReader.Optional(map, "event")!, "trigger: event '" + word +
                        $"' must be one of: {string.Join(", ", TriggerEvents.Words.Select(w => w.Word))}");
                trigger = new ThesisTrigger(kind, signal, 0, YamlReader.Line(map));
            }
        }
        ThesisOutcome? outcome = null;
        if (YamlReader.Optional(root, "outcome") is { } o)
        {
            var map = y.Mapping(o, "'outcome'");
            y.OnlyKeys(map, "outcome", "assets", "horizon_days", "direction");
            var assetsNode = YamlReader.Optional(map, "assets")
                ?? throw y.Error(map,
                    $"outcome: missing 'assets' (one or more of {string.Join(", ", StudyAssets.Ids)})");
            var assets = Words(y, assetsNode, "outcome: 'assets'")
                .Select(a =>
                    StudyAssets.Ids.FirstOrDefault(id => string.Equals(id, a, StringComparison.OrdinalIgnoreCase))
                             ?? throw y.Error(assetsNode,
                                 $"outcome: unknown asset '{a}'; known: {string.Join(", ", StudyAssets.Ids)}"))
                .Distinct().ToList();
            double horizon = y.Number(map, "horizon_days", 90);
            if (horizon != Math.Floor(horizon) || horizon is < 1 or > 36_500)
                throw y.Error(YamlReader.Optional(map, "horizon_days")!,
                    "outcome: 'horizon_days' must be a whole number of days from 1 to 36,500");
            var direction = (y.OptionalScalar(map, "direction") ?? "up").ToLowerInvariant();
            if (direction is not ("up" or "down")) throw y.Error(YamlReader.Optional(map, "direction")!,
                "outcome: 'direction' must be up or down");
            outcome = new ThesisOutcome(assets, (int)horizon, direction == "up");
        }
        ThesisTrade? trade = null;
        if (YamlReader.Optional(root, "trade") is { } tr)
        {
            var map = y.Mapping(tr, "'trade'");
            y.OnlyKeys(map, "trade", "hold", "otherwise", "threshold");
            var holdText = y.Scalar(map, "hold");
            var hold = StudyAssets.Holdable.FirstOrDefault(id =>
                string.Equals(id, holdText, StringComparison.OrdinalIgnoreCase))
                       ?? throw y.Error(YamlReader.Optional(map, "hold")!,
                           $"trade: 'hold' must be one of {string.Join(", ", StudyAssets.Holdable)}, got '{holdText}'");
            var otherwiseText = y.OptionalScalar(map, "otherwise") ?? "cash";
            var otherwise = otherwiseText.ToLowerInvariant() switch
            {
                "btc" or "bitcoin" => RotationFallback.Bitcoin,
                "cash" => RotationFallback.Cash,
                _ => throw y.Error(YamlReader.Optional(map, "otherwise")!,
                    $"trade: 'otherwise' must be BTC or cash, got '{otherwiseText}'"),
            };
            if (hold == RotationParameters.Bitcoin && otherwise == RotationFallback.Bitcoin)
                throw y.Error(map, "trade: holding BTC either way is no trade; set 'otherwise: cash'");
            double theta = y.Number(map, "threshold", 60);
            if (theta is < 0 or > 100) throw y.Error(YamlReader.Optional(map, "threshold")!,
                "trade: 'threshold' is readiness from 0 to 100");
            trade = new ThesisTrade(hold, otherwise, theta);
        }
        var claims = y.OptionalScalar(root, "claims");
        return new ThesisPrediction(trigger, outcome, trade, claims, claims is null ? 0
            : YamlReader.Line(YamlReader.Optional(root, "claims")!), ReadAssetNames(y, root));
    }

    /// <summary>The thesis's own names for study assets (<c>asset_names: { BTC: Bitcoin (BTC) }</c>), or
    /// null.</summary>
    private static Dictionary<string, string>? ReadAssetNames(YamlReader y, YamlMappingNode root)
    {
        if (YamlReader.Optional(root, "asset_names") is not { } node) return null;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in y.Mapping(node, "'asset_names'").Children)
        {
            if (k is not YamlScalarNode { Value: { } written })
                throw y.Error(k, "asset_names: an asset id must be a text");
            var id = StudyAssets.Ids.FirstOrDefault(i => string.Equals(i, written, StringComparison.OrdinalIgnoreCase))
                ?? throw y.Error(k,
                    $"asset_names: unknown asset '{written}'; known: {string.Join(", ", StudyAssets.Ids)}");
            if (v is not YamlScalarNode { Value: { } name } || name.Trim().Length == 0)
                throw y.Error(v, $"asset_names: the name of '{id}' must be a non-empty text");
            if (!names.TryAdd(id, name.Trim())) throw y.Error(k, $"asset_names: '{id}' is named twice");
        }
        return names;
    }

    private static List<string> Words(YamlReader y, YamlNode node, string what) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } v } => [v],
        YamlSequenceNode { Children.Count: > 0 } seq =>
            seq.Children.Select(c => (c as YamlScalarNode)?.Value
                ?? throw y.Error(c, $"{what}: items must be single values")).ToList(),
        _ => throw y.Error(node, $"{what} must be a value or a non-empty list"),
    };

    /// <summary>The largest weight of a signal: any sum of weights stays finite, so readiness is never NaN.</summary>
    public const double MaxWeight = 1_000_000;

    /// <summary>The name of the thesis Bellwether ships (embedded in this assembly).</summary>
    public const string DefaultName = "russell-breakout-altseason.yaml";

    /// <summary>Reads a thesis file and checks its kinds, parameters and rules against
    /// <paramref name="kinds"/>.</summary>
    /// <exception cref="DefinitionFileException">Naming file, line and problem.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ThesisDefinition Load(string path, SignalKinds kinds) => Read(File.ReadAllText(path), path, kinds);

    /// <summary>The thesis shipped with Bellwether (<c>theses/russell-breakout-altseason.yaml</c>), checked against
    /// <paramref name="kinds"/>.</summary>
    public static ThesisDefinition LoadDefault(SignalKinds kinds) =>
        Read(Shipped(DefaultName), $"theses/{DefaultName} (built in)", kinds);

    /// <summary>The text of a thesis file shipped in <c>theses/</c>.</summary>
    /// <exception cref="FileNotFoundException">No such shipped thesis.</exception>
    public static string Shipped(string name)
    {
        using var stream = typeof(ThesisFile).Assembly.GetManifestResourceStream($"theses/{name}")
                           ?? throw new FileNotFoundException($"no shipped thesis '{name}'");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Parses thesis text and checks it against <paramref name="kinds"/>; <paramref name="file"/> names it in
    /// errors.</summary>
    /// <exception cref="DefinitionFileException">Naming file, line and problem.</exception>
    public static ThesisDefinition Read(string text, string file, SignalKinds kinds)
    {
        var thesis = Parse(text, file);
        try
        {
            kinds.Validate(thesis);
            if (thesis.Predicts.Trigger is
                {
                    Event: TriggerEvent.Breakout or TriggerEvent.Confirmed,
                    Signal: { } id
                } trigger
                && thesis.Signals.First(s => s.Id == id) is var spec && kinds.Find(spec.Kind) is not BreakoutSignal)
                throw new ThesisException(trigger.Line,
                    $"trigger: a {trigger.Event.ToString().ToLowerInvariant()} trigger reads a breakout signal; '{id}" +
                    $"' is a {spec.Kind} " +
                    "(use 'event: supports' for a signal turning supportive)");
        }
        catch (ThesisException e)
        {
            throw new DefinitionFileException(file, e.Line, e.Problem);
        }
        return thesis;
    }

    private static Rule? ReadRule(YamlReader y, YamlMappingNode signal, string key, string id)
    {
        if (YamlReader.Optional(signal, key) is not { } node) return null;
        var clauses = new List<RuleClause>();
        foreach (var (k, v) in y.Mapping(node, $"signal '{id}' {key}").Children)
        {
            var field = ((YamlScalarNode)k).Value!;
            if (field == "label")
            {
                var words = v switch
                {
                    YamlScalarNode s => [s.Value!],
                    YamlSequenceNode seq =>
                        seq.Children.Select(c => (c as YamlScalarNode)?.Value
                            ?? throw y.Error(c, "label words must be single values")).ToList(),
                    _ => throw y.Error(v, $"signal '{id}' {key}: label must be a word or a list of words"),
                };
                if (words.Count == 0) throw y.Error(v, $"signal '{id}' {key}: the label list is empty");
                clauses.Add(new RuleClause("label", words, null, 0, YamlReader.Line(k)));
                continue;
            }
            if (v is not YamlScalarNode { Value: { } text }) throw y.Error(v,
                $"signal '{id}' {key}: '{field}' must be a comparison like \">= 0.5\"");
            try
            {
                clauses.Add(RuleClause.Comparison(field, text, YamlReader.Line(k)));
            }
            catch (FormatException e)
            {
                throw y.Error(v, $"signal '{id}' {key}: {e.Message}");
            }
        }
        if (clauses.Count == 0) throw y.Error(node,
            $"signal '{id}' {key}: a rule needs at least one clause (or leave '{key}' out)");
        return new Rule(clauses);
    }
}
