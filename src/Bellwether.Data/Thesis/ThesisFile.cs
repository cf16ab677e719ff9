using Bellwether.Core.Board;
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
        y.OnlyKeys(root, "thesis", "name", "description", "min_measured", "signals");
        var signals = new List<SignalSpec>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in y.Sequence(YamlReader.Optional(root, "signals") ?? throw y.Error(root, "missing 'signals'"), "'signals'"))
        {
            var map = y.Mapping(node, "a signal");
            y.OnlyKeys(map, "signal", "id", "title", "kind", "weight", "params", "supports", "against");
            var id = y.Scalar(map, "id");
            if (!ids.Add(id)) throw y.Error(map, $"signal id '{id}' is used twice");
            double weight = y.Number(map, "weight", 1);
            if (weight is < 0 or > MaxWeight)
                throw y.Error(YamlReader.Optional(map, "weight")!, $"signal '{id}': weight must be from 0 to {MaxWeight:#,0}, got {weight}");
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var parameterLines = new Dictionary<string, int>(StringComparer.Ordinal);
            if (YamlReader.Optional(map, "params") is { } p)
                foreach (var (k, v) in y.Mapping(p, $"signal '{id}' params").Children)
                {
                    var name = ((YamlScalarNode)k).Value!;
                    parameters[name] = v is YamlScalarNode s ? s.Value ?? "" : throw y.Error(v, $"signal '{id}': parameter '{name}' must be a single value");
                    parameterLines[name] = YamlReader.Line(k);
                }
            signals.Add(new SignalSpec(id, y.OptionalScalar(map, "title") ?? id, y.Scalar(map, "kind"), weight, parameters,
                ReadRule(y, map, "supports", id), ReadRule(y, map, "against", id), YamlReader.Line(map), parameterLines));
        }
        if (signals.Count == 0) throw y.Error(root, "'signals' is empty");
        double minMeasured = y.Number(root, "min_measured", ThesisDefinition.DefaultMinMeasured);
        if (minMeasured is < 0 or > 1)
            throw y.Error(YamlReader.Optional(root, "min_measured")!, "'min_measured' is a share of the weight, from 0 to 1");
        return new ThesisDefinition(y.Scalar(root, "name"), y.OptionalScalar(root, "description") ?? "", signals, minMeasured);
    }

    /// <summary>The largest weight of a signal: any sum of weights stays finite, so readiness is never NaN.</summary>
    public const double MaxWeight = 1_000_000;

    /// <summary>The name of the thesis Bellwether ships (embedded in this assembly).</summary>
    public const string DefaultName = "russell-breakout-altseason.yaml";

    /// <summary>Reads a thesis file and checks its kinds, parameters and rules against <paramref name="kinds"/>.</summary>
    /// <exception cref="DefinitionFileException">Naming file, line and problem.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ThesisDefinition Load(string path, SignalKinds kinds) => Read(File.ReadAllText(path), path, kinds);

    /// <summary>The thesis shipped with Bellwether (<c>theses/russell-breakout-altseason.yaml</c>), checked against <paramref name="kinds"/>.</summary>
    public static ThesisDefinition LoadDefault(SignalKinds kinds) => Read(Shipped(DefaultName), $"theses/{DefaultName} (built in)", kinds);

    /// <summary>The text of a thesis file shipped in <c>theses/</c>.</summary>
    /// <exception cref="FileNotFoundException">No such shipped thesis.</exception>
    public static string Shipped(string name)
    {
        using var stream = typeof(ThesisFile).Assembly.GetManifestResourceStream($"theses/{name}")
                           ?? throw new FileNotFoundException($"no shipped thesis '{name}'");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Parses thesis text and checks it against <paramref name="kinds"/>; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="DefinitionFileException">Naming file, line and problem.</exception>
    public static ThesisDefinition Read(string text, string file, SignalKinds kinds)
    {
        var thesis = Parse(text, file);
        try
        {
            kinds.Validate(thesis);
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
                    YamlSequenceNode seq => seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? throw y.Error(c, "label words must be single values")).ToList(),
                    _ => throw y.Error(v, $"signal '{id}' {key}: label must be a word or a list of words"),
                };
                if (words.Count == 0) throw y.Error(v, $"signal '{id}' {key}: the label list is empty");
                clauses.Add(new RuleClause("label", words, null, 0, YamlReader.Line(k)));
                continue;
            }
            if (v is not YamlScalarNode { Value: { } text }) throw y.Error(v, $"signal '{id}' {key}: '{field}' must be a comparison like \">= 0.5\"");
            try
            {
                clauses.Add(RuleClause.Comparison(field, text, YamlReader.Line(k)));
            }
            catch (FormatException e)
            {
                throw y.Error(v, $"signal '{id}' {key}: {e.Message}");
            }
        }
        if (clauses.Count == 0) throw y.Error(node, $"signal '{id}' {key}: a rule needs at least one clause (or leave '{key}' out)");
        return new Rule(clauses);
    }
}
