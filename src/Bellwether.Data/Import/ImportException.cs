namespace Bellwether.Data.Import;

/// <summary>Bad input that stops an import. The message names the file, the line and the field.</summary>
public sealed class ImportException(string file, int line, string field, string reason)
    : Exception(line > 0 ? $"{file}:{line}: field '{field}': {reason}" : $"{file}: {field}: {reason}")
{
    public string File { get; } = file;
    /// <summary>1-based line number, 0 when the problem concerns the whole file.</summary>
    public int Line { get; } = line;
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}

/// <summary>A row left out of an import, and why.</summary>
/// <param name="Line">1-based line number (for JSON inputs, the 1-based element index).</param>
public sealed record RowSkip(int Line, string Field, string Reason);
