namespace Bellwether.Data.Import;

/// <summary>Bad input that stops an import. The message names the file, the line (or JSON element) and the field.</summary>
/// <param name="position">What <paramref name="line"/> counts: <c>line</c> (the message reads <c>file:12:</c>) or <c>element</c> (<c>file: element 12:</c>).</param>
public sealed class ImportException(string file, int line, string field, string reason, string position = RowContext.LinePosition)
    : Exception(line <= 0 ? $"{file}: {field}: {reason}"
        : position == RowContext.LinePosition ? $"{file}:{line}: field '{field}': {reason}"
        : $"{file}: {position} {line}: field '{field}': {reason}")
{
    public string File { get; } = file;
    /// <summary>1-based line number (or JSON element index, see <see cref="Position"/>), 0 when the problem concerns the whole file.</summary>
    public int Line { get; } = line;
    /// <summary>What <see cref="Line"/> counts: <c>line</c> or <c>element</c>.</summary>
    public string Position { get; } = position;
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}

/// <summary>A row left out of an import, and why.</summary>
/// <param name="Line">1-based line number (for JSON inputs, the 1-based element index).</param>
/// <param name="Position">What <paramref name="Line"/> counts: <c>line</c> or <c>element</c>.</param>
public sealed record RowSkip(int Line, string Field, string Reason, string Position = RowContext.LinePosition);
