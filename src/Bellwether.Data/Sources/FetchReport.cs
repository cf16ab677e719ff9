namespace Bellwether.Data.Sources;

/// <summary>What a run did to one instrument.</summary>
public enum FetchStatus
{
    /// <summary>New or revised rows were stored.</summary>
    Updated,
    /// <summary>The source answered; nothing new.</summary>
    Unchanged,
    /// <summary>The fetch failed; nothing of this instrument was stored.</summary>
    Failed,
    /// <summary>Not attempted: the run was cancelled, or the source was unreachable.</summary>
    Skipped,
}

/// <summary>The outcome for one instrument of one source.</summary>
/// <param name="From">The first date asked for (null for a snapshot).</param>
/// <param name="LastDate">The newest date stored from this fetch.</param>
/// <param name="Rows">Rows received and kept (after dropping unfinished days).</param>
/// <param name="Skipped">Rows the source marked empty (FRED '.', Yahoo nulls, holiday dashes) or that --skip-bad
/// skipped.</param>
/// <param name="Notes">Dropped unfinished days, retries, history limits.</param>
/// <param name="Error">Why it failed or was skipped (free of secrets).</param>
public sealed record InstrumentOutcome(string Source, string Instrument, string Symbol, FetchStatus Status,
    DateOnly? From,
    DateOnly? LastDate, int Rows, long Inserted, long Updated, int Skipped, IReadOnlyList<string> Notes, string? Error,
    SourceFailure? Failure);

/// <summary>The whole run: one outcome per instrument, sources in configuration order.</summary>
public sealed record FetchReport(IReadOnlyList<InstrumentOutcome> Outcomes, bool Cancelled)
{
    /// <summary>True when any instrument failed or the run was cancelled: the exit code is non-zero.</summary>
    public bool AnyFailed => Cancelled || Outcomes.Any(o => o.Status is FetchStatus.Failed or FetchStatus.Skipped);
    public long Inserted => Outcomes.Sum(o => o.Inserted);
    public long Updated => Outcomes.Sum(o => o.Updated);
}
