namespace Bellwether.Data.Import;

/// <summary>
/// Where an importer reports bad input: an error naming file, line and field, or with
/// <see cref="ImportOptions.SkipBad"/> a counted skip.
/// </summary>
public sealed class RowContext(ParsedFile file, ImportOptions options)
{
    public ParsedFile File { get; } = file;
    public ImportOptions Options { get; } = options;

    /// <summary>Bad input: throws <see cref="ImportException"/>, or records a skip under <c>--skip-bad</c>.</summary>
    public void Bad(int line, string field, string reason)
    {
        if (!Options.SkipBad) throw new ImportException(File.Path, line, field, reason);
        File.Skipped.Add(new RowSkip(line, field, reason));
    }

    /// <summary>A row that carries no data by the format's own convention (FRED's <c>.</c>, a holiday row of dashes): always a counted skip.</summary>
    public void Empty(int line, string field, string reason) => File.Skipped.Add(new RowSkip(line, field, reason));

    /// <summary>A problem with the whole file (an unknown header): always an error.</summary>
    public ImportException Fatal(string field, string reason) => new(File.Path, 0, field, reason);
}
