namespace Bellwether.Data.Sources;

/// <summary>Removes secrets (API keys, raw and URL-encoded) from any text before it is shown, logged or
/// stored.</summary>
public sealed class Redactor(IEnumerable<string> secrets)
{
    private readonly string[] _secrets = secrets.Where(s => s.Length >= 4)
        .SelectMany(s => new[] { s, Uri.EscapeDataString(s) }).Distinct().OrderByDescending(s => s.Length).ToArray();

    /// <summary>The text with each secret replaced by <c>***</c>.</summary>
    public string Clean(string text)
    {
        foreach (var secret in _secrets) text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text;
    }
}
