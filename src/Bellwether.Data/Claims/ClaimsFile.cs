using System.Globalization;
using Bellwether.Core.Board;
using Bellwether.Core.Claims;
using Bellwether.Data.Thesis;
using YamlDotNet.RepresentationModel;

namespace Bellwether.Data.Claims;

/// <summary>
/// Reads a claims file (YAML; format in docs/claims.md):
/// <code>
/// name: The Russell 2000 Breakout and Its Implications for Altcoin Season 2026
/// source: article of 2025-12-15
/// date: 2025-12-15                # default claim date
/// claims:
///   - id: btc_drawdown
///     text: Bitcoin remains 27% below its recent peak
///     kind: drawdown
///     params: { instrument: BTC, basis: [close, high] }
///     claimed: -27%
///     tolerance: 3%
/// </code>
/// <c>claimed</c> is a number (with a <c>tolerance</c>), a quoted comparison (<c>"&gt;= 1"</c>), or a list of states.
/// </summary>
public static class ClaimsFile
{
    /// <summary>Parses claims text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="DefinitionFileException">Naming file, line and problem.</exception>
    public static ClaimSet Parse(string text, string file)
    {
        var y = new YamlReader(file);
        var root = y.Root(text);
        y.OnlyKeys(root, "claims file", "name", "source", "date", "claims");
        DateOnly? fileDate = y.OptionalScalar(root, "date") is { } d
            ? ParseDate(y, YamlReader.Optional(root, "date")!, d) : null;
        var claims = new List<ClaimDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in y.Sequence(YamlReader.Optional(root, "claims") ?? throw y.Error(root, "missing 'claims'"),
            "'claims'"))
        {
            var map = y.Mapping(node, "a claim");
            y.OnlyKeys(map, "claim", "id", "text", "date", "kind", "params", "claimed", "tolerance");
            var id = y.Scalar(map, "id");
            if (!ids.Add(id)) throw y.Error(map, $"claim id '{id}' is used twice");
            var date = y.OptionalScalar(map, "date") is { } cd ? ParseDate(y, YamlReader.Optional(map, "date")!, cd)
                : fileDate
                ?? throw y.Error(map, $"claim '{id}': missing 'date' (give it here, or once at the top of the file)");
            claims.Add(new ClaimDefinition(id, y.Scalar(map, "text"), date, y.Scalar(map, "kind"),
                ReadParameters(y, map, id), ReadTarget(y, map, id), YamlReader.Line(map)));
        }
        if (claims.Count == 0) throw y.Error(root, "'claims' is empty");
        return new ClaimSet(y.OptionalScalar(root, "name") ?? Path.GetFileNameWithoutExtension(file),
            y.OptionalScalar(root, "source") ?? "", claims);
    }

    /// <summary>Reads a claims file and checks every claim's kind, parameters and target against
    /// <paramref name="kinds"/>.</summary>
    /// <exception cref="DefinitionFileException">Naming file, line and problem.</exception>
    public static ClaimSet Load(string path, ClaimKinds kinds) => Read(File.ReadAllText(path), path, kinds);

    /// <summary>
    /// The claims a report checks: <paramref name="path"/>'s; none for <c>none</c>; when no path is given, the claims
    /// file the thesis declares (relative to <paramref name="thesisFile"/>; a built-in thesis's is shipped), else none.
    /// </summary>
    /// <param name="thesisFile">The thesis file, or null for the built-in thesis.</param>
    /// <exception cref="DefinitionFileException">Naming file, line and problem (a declared file that does not exist is
    /// named with the thesis file's line).</exception>
    public static ClaimSet? LoadForReport(string? path, ThesisDefinition thesis, string? thesisFile, ClaimKinds kinds)
    {
        if (path == "none") return null;
        if (path is not null) return Load(path, kinds);
        if (thesis.Predicts.Claims is not { } declared) return null;
        if (thesisFile is null) return LoadShipped(Path.GetFileName(declared), kinds);
        var resolved = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(thesisFile))!, declared);
        return File.Exists(resolved) ? Load(resolved, kinds)
            : throw new DefinitionFileException(thesisFile, thesis.Predicts.ClaimsLine,
                $"claims file '{declared}' not found (looked for {resolved})");
    }

    /// <summary>Reads a claims file shipped in <c>claims/</c> (embedded, so it works from any folder).</summary>
    /// <exception cref="FileNotFoundException">No such shipped file.</exception>
    public static ClaimSet LoadShipped(string name, ClaimKinds kinds)
    {
        using var stream = typeof(ClaimsFile).Assembly.GetManifestResourceStream($"claims/{name}")
                           ?? throw new FileNotFoundException($"no shipped claims file '{name}'");
        return Read(new StreamReader(stream).ReadToEnd(), $"claims/{name} (built in)", kinds);
    }

    private static ClaimSet Read(string text, string path, ClaimKinds kinds)
    {
        var set = Parse(text, path);
        foreach (var claim in set.Claims)
        {
            try
            {
                kinds.Validate(claim);
            }
            catch (ThesisException e)
            {
                throw new DefinitionFileException(path, e.Line, e.Problem);
            }
        }
        return set;
    }

    private static DateOnly ParseDate(YamlReader y, YamlNode node, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw y.Error(node, $"'{text}' is not a date (expected yyyy-MM-dd)");

    private static Dictionary<string, string> ReadParameters(YamlReader y, YamlMappingNode claim, string id)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (YamlReader.Optional(claim, "params") is not { } p) return parameters;
        foreach (var (k, v) in y.Mapping(p, $"claim '{id}' params").Children)
        {
            var name = ((YamlScalarNode)k).Value!;
            parameters[name] = v switch
            {
                YamlScalarNode s => s.Value ?? "",
                YamlSequenceNode seq =>
                    string.Join(",", seq.Children.Select(c => c is YamlScalarNode { Value: { } w } && !w.Contains(',')
                    ? w : throw y.Error(c, $"claim '{id}': parameter '{name}' must list single values"))),
                _ => throw y.Error(v, $"claim '{id}': parameter '{name}' must be a value or a list of values"),
            };
        }
        return parameters;
    }

    private static ClaimTarget ReadTarget(YamlReader y, YamlMappingNode claim, string id)
    {
        var node = YamlReader.Optional(claim, "claimed")
            ?? throw y.Error(claim,
                $"claim '{id}': missing 'claimed' (a number with a tolerance, a quoted comparison like \">= 1\", or " +
                $"a list of states)");
        var toleranceNode = YamlReader.Optional(claim, "tolerance");
        if (node is YamlSequenceNode seq)
        {
            if (toleranceNode is not null) throw y.Error(toleranceNode,
                $"claim '{id}': 'tolerance' applies to a claimed number, not to a list of states");
            var words = seq.Children.Select(c => c is YamlScalarNode { Value: { Length: > 0 } w } ? w
                : throw y.Error(c, $"claim '{id}': states must be single words")).ToList();
            if (words.Count == 0) throw y.Error(node, $"claim '{id}': the list of states is empty");
            return ClaimTarget.States(words);
        }
        if (node is not YamlScalarNode { Value: { Length: > 0 } text }) throw y.Error(node,
            $"claim '{id}': 'claimed' must be a number, a comparison or a list of states");
        if ("<>=!".Contains(text.TrimStart()[0]))
        {
            if (toleranceNode is not null) throw y.Error(toleranceNode,
                $"claim '{id}': 'tolerance' applies to a claimed number, not to a comparison");
            try
            {
                return ClaimTarget.Comparison(text);
            }
            catch (FormatException e)
            {
                throw y.Error(node, $"claim '{id}': claimed {e.Message}");
            }
        }
        if (ClaimDefinition.ParseNumber(text) is not { } claimed)
        {
            if (toleranceNode is not null) throw y.Error(toleranceNode,
                $"claim '{id}': 'tolerance' applies to a claimed number, not to a state");
            return ClaimTarget.States([text]);
        }
        if (toleranceNode is not YamlScalarNode { Value: { } tolText })
            throw y.Error(toleranceNode ?? node,
                $"claim '{id}': a claimed number needs a 'tolerance' (how far a reading may lie from it, same unit)");
        if (ClaimDefinition.ParseNumber(tolText) is not { } tolerance || tolerance < 0)
            throw y.Error(toleranceNode, $"claim '{id}': tolerance '{tolText}' is not a number of at least 0");
        return ClaimTarget.Approximately(claimed, tolerance);
    }
}
