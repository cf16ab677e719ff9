namespace Bellwether.Data.Import;

/// <summary>Bad input that stops an import. The message names the file, the line (or JSON element) and the
/// field.</summary>
/// <param name="position">What <paramref name="line"/> counts: <c>line</c> (the message reads <c>file:12:</c>) or
/// <c>element</c> (<c>file: element 12:</c>).</param>
public sealed class ImportException(string file, int line, string field, string reason,
    string position = RowContext.LinePosition)
    : Exception(line <= 0 ? $"{file}: {field}: {reason}"
        : position == RowContext.LinePosition ? $"{file}:{line}: field '{field}': {reason}"
        : $"{file}: {position} {line}: field '{field}': {reason}")
{
    public string File { get; } = file;
    /// <summary>1-based line number (or JSON element index, see <see cref="Position"/>), 0 when the problem concerns
    /// the whole file.</summary>
    public int Line { get; } = line;
    /// <summary>What <see cref="Line"/> counts: <c>line</c> or <c>element</c>.</summary>
    public string Position { get; } = position;
    public string Field { get; } = field;
    public string Reason { get; } = reason;

    /// <summary>Every problem found in the file, this one first (a listed number of them).</summary>
    public IReadOnlyList<RowSkip> Problems { get; init; } = [new(line, field, reason, position)];

    /// <summary>Problems found beyond those in <see cref="Problems"/>.</summary>
    public int UnlistedProblems { get; init; }

    /// <summary>The problems <paramref name="file"/> collected, as one exception.</summary>
    public static ImportException Of(ParsedFile file)
    {
        var first = file.Problems[0];
        return new ImportException(file.Path, first.Line, first.Field, first.Reason, first.Position)
        { Problems = [.. file.Problems], UnlistedProblems = file.UnlistedProblems };
    }
}

/// <summary>A row left out of an import, and why.</summary>
/// <param name="Line">1-based line number (for JSON inputs, the 1-based element index).</param>
/// <param name="Position">What <paramref name="Line"/> counts: <c>line</c> or <c>element</c>.</param>
public sealed record RowSkip(int Line, string Field, string Reason, string Position = RowContext.LinePosition);

/// <summary>A file, link or folder an import did not load, and why.</summary>
public sealed record NotLoaded(string Path, string Reason);
