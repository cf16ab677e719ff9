namespace Bellwether.Core.Study.Paths;

/// <summary>
/// What a reader sees for a study asset instead of its id: in a sentence (<see cref="Name"/>, "the altcoin basket")
/// and at the head of a row, column or legend entry (<see cref="Label"/>, "Altcoin basket"). The names are data: the
/// study's own declarations (<see cref="StudyAssets.Declared"/>) under a thesis file's <c>asset_names</c>; an asset
/// named by neither is shown by its id. JSON keeps the ids.
/// </summary>
public sealed class AssetNames
{
    private readonly Dictionary<string, string> _names;

    /// <summary>The names of <paramref name="names"/> (id → name as a sentence writes it), ids compared
    /// case-insensitively.</summary>
    public AssetNames(IEnumerable<KeyValuePair<string, string>> names) =>
        _names = new Dictionary<string, string>(names, StringComparer.OrdinalIgnoreCase);

    /// <summary>The names the study declares for its own assets.</summary>
    public static AssetNames Study { get; } = new(StudyAssets.Declared.Where(a => a.Name is not null)
        .Select(a => KeyValuePair.Create(a.Id, a.Name!)));

    /// <summary>These names, with <paramref name="names"/> (a thesis's own) in place of any they name too.</summary>
    public AssetNames With(IEnumerable<KeyValuePair<string, string>> names) =>
        new(_names.Where(n => !names.Any(m => string.Equals(m.Key, n.Key, StringComparison.OrdinalIgnoreCase)))
            .Concat(names));

    /// <summary>The asset in a sentence ("the altcoin basket", "Bitcoin"); its id when it has no name.</summary>
    public string Name(string id) => _names.GetValueOrDefault(id) ?? id;

    /// <summary>The asset at the head of a row or legend entry: <see cref="Name"/> without a leading "the",
    /// capitalised then ("Altcoin basket"); any other name as written.</summary>
    public string Label(string id) =>
        Name(id) is var words && words.StartsWith("the ", StringComparison.Ordinal) && words.Length > 4
            ? char.ToUpperInvariant(words[4]) + words[5..] : words;
}
