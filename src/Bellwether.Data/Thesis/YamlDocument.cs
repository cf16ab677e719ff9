using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Bellwether.Data.Thesis;

/// <summary>A thesis or claims file that does not make sense: the message names file, line and problem.</summary>
public sealed class DefinitionFileException(string file, int line, string problem)
    : Exception(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}

/// <summary>Reading YAML mappings with line numbers for every error (YamlDotNet's representation model).</summary>
internal sealed class YamlReader(string file)
{
    public string File { get; } = file;

    /// <summary>The deepest nesting of lists and mappings a file may have (the shipped files use 4 levels).</summary>
    public const int MaxDepth = 32;

    /// <summary>Parses <paramref name="text"/> and returns its root mapping.</summary>
    public YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            CheckDepth(parser);
            stream.Load(new Parser(new StringReader(text)));
        }
        catch (YamlException e)
        {
            // An unquoted comparison (value: >= 0.5) is the usual cause in a thesis file: YAML reads '>' as a block
            // marker.
            var line = text.Split('\n').ElementAtOrDefault((int)e.Start.Line - 1) ?? "";
            string hint = System.Text.RegularExpressions.Regex.IsMatch(line, @":\s*[<>=!]")
                ? " (quote comparisons: value: \">= 0.5\")" : "";
            throw new DefinitionFileException(File, (int)e.Start.Line,
                $"not valid YAML: {e.InnerException?.Message ?? e.Message}{hint}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way on a flow collection left open ({ or [ without its closing
            // bracket).
            throw new DefinitionFileException(File, (int)(parser.Current?.Start.Line ?? 0),
                "not valid YAML: a '{' or '[' is not closed");
        }
        if (stream.Documents.Count == 0) throw new DefinitionFileException(File, 0, "the file is empty");
        return stream.Documents[0].RootNode as YamlMappingNode
               ?? throw Error(stream.Documents[0].RootNode, "expected a mapping (key: value lines) at the top");
    }

    /// <summary>
    /// Reads the events once, counting nesting: building the document recurses once per level, so 100,000 '[' would
    /// overflow the stack (which no handler can catch) before any other check ran.
    /// </summary>
    private void CheckDepth(Parser parser)
    {
        int depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is SequenceStart or MappingStart && ++depth > MaxDepth)
                throw new DefinitionFileException(File, (int)parser.Current.Start.Line,
                    $"lists and mappings are nested more than {MaxDepth} levels deep");
            if (parser.Current is SequenceEnd or MappingEnd) depth--;
        }
    }

    public DefinitionFileException Error(YamlNode node, string problem) => new(File, (int)node.Start.Line, problem);

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string Scalar(YamlMappingNode map, string key)
    {
        var node = Optional(map, key) ?? throw Error(map, $"missing '{key}'");
        return node is YamlScalarNode { Value: { Length: > 0 } v } ? v
            : throw Error(node, $"'{key}' must be a non-empty value");
    }

    public string? OptionalScalar(YamlMappingNode map, string key) =>
        Optional(map, key) switch
        {
            null => null,
            YamlScalarNode s => s.Value,
            var other => throw Error(other, $"'{key}' must be a single value"),
        };

    public double Number(YamlMappingNode map, string key, double fallback)
    {
        var text = OptionalScalar(map, key);
        if (text is null) return fallback;
        return double.TryParse(text, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var v)
               && double.IsFinite(v)
            ? v : throw Error(Optional(map, key)!, $"'{key}' must be a finite number, got '{text}'");
    }

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value)");

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list (- items)");

    /// <summary>Refuses keys other than <paramref name="allowed"/>, so a typo is an error, not a silent
    /// default.</summary>
    public void OnlyKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var (key, _) in map.Children)
            if (key is not YamlScalarNode { Value: { } k } || !allowed.Contains(k))
                throw Error(key,
                    $"{what}: unknown key '{(key as YamlScalarNode)?.Value}'; allowed: {string.Join(", ", allowed)}");
    }
}
