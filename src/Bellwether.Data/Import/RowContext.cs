namespace Bellwether.Data.Import;

/// <summary>
/// Where an importer reports bad input: an error naming file, line and field, or with
/// <see cref="ImportOptions.SkipBad"/> a counted skip.
/// </summary>
/// <param name="collectProblems">
/// Record bad input in <see cref="ParsedFile.Problems"/> and read on, so that one import names every bad line (the
/// reader fails the file at its end), rather than throw at the first.
/// </param>
public sealed class RowContext(ParsedFile file, ImportOptions options, bool collectProblems = false)
{
    /// <summary>How many problems a file lists; more are counted.</summary>
    public const int MaxProblemsListed = 100;

    /// <summary>The <see cref="Position"/> of text formats: positions are 1-based line numbers.</summary>
    public const string LinePosition = "line";
    /// <summary>The <see cref="Position"/> of JSON formats: positions are 1-based indices of array elements.</summary>
    public const string ElementPosition = "element";

    private readonly DateOnly _latest = options.LatestDate();

    public ParsedFile File { get; } = file;
    public ImportOptions Options { get; } = options;

    /// <summary>What the position passed as <c>line</c> counts: <see cref="LinePosition"/> (default) or
    /// <see cref="ElementPosition"/>.</summary>
    public string Position { get; set; } = LinePosition;

    /// <summary>Bad input: throws <see cref="ImportException"/>, or records a skip under <c>--skip-bad</c>.</summary>
    public void Bad(int line, string field, string reason)
    {
        if (Options.SkipBad) File.Skipped.Add(new RowSkip(line, field, reason, Position));
        else if (!collectProblems) throw new ImportException(File.Path, line, field, reason, Position);
        else if (File.Problems.Count < MaxProblemsListed) File.Problems.Add(new RowSkip(line, field, reason, Position));
        else File.UnlistedProblems++;
    }

    /// <summary>
    /// Checks that <paramref name="date"/> lies between <see cref="ImportOptions.EarliestDate"/> and the import's
    /// clock plus one day; reports it as bad input when not.
    /// </summary>
    public bool AcceptDate(int line, string field, DateOnly date)
    {
        if (date > _latest)
            Bad(line, field,
                $"{date:yyyy-MM-dd} is in the future (the import runs on {_latest.AddDays(-1):yyyy-MM-dd} UTC; " +
                             "a day later is the latest date accepted)");
        else if (date < ImportOptions.EarliestDate)
            Bad(line, field,
                $"{date:yyyy-MM-dd} is before {ImportOptions.EarliestDate:yyyy}: not a date of market data");
        else return true;
        return false;
    }

    /// <summary>A row that carries no data by the format's own convention (FRED's <c>.</c>, a holiday row of dashes):
    /// always a counted skip.</summary>
    public void Empty(int line, string field, string reason) =>
        File.Skipped.Add(new RowSkip(line, field, reason, Position));

    /// <summary>
    /// A problem with the whole file (an unknown header, bars that are not daily): always an error, even under
    /// <c>--skip-bad</c>. <paramref name="line"/> is where it shows, 0 when nowhere in particular.
    /// </summary>
    public ImportException Fatal(string field, string reason, int line = 0) =>
        new(File.Path, line, field, reason, Position);
}
