namespace Bellwether.Core.Board;

/// <summary>An input a signal read, for provenance and freshness.</summary>
/// <param name="Id">Instrument or list id.</param>
/// <param name="LastDate">Its last row on or before the evaluation date, null when it has none.</param>
/// <param name="Stale">True when <paramref name="LastDate"/> is older than its calendar allows (see <see cref="Freshness"/>).</param>
public sealed record SignalInput(string Id, DateOnly? LastDate, bool Stale);

/// <summary>
/// What a signal kind measured as of a date, before the thesis's rules turn it into a state.
/// </summary>
/// <param name="Measurable">False when there is no data or too little; <see cref="Explanation"/> then says why.</param>
/// <param name="Value">The headline number (NaN when not measurable).</param>
/// <param name="Label">The detector's own state word (<c>confirmed</c>, <c>easing</c>, <c>altcoin_season</c>, …).</param>
/// <param name="Since">Since when the label has held, when the kind knows.</param>
/// <param name="Explanation">One sentence with the numbers.</param>
/// <param name="From">First date of the data window used.</param>
/// <param name="To">Last date of the data window used.</param>
/// <param name="Inputs">The inputs read.</param>
/// <param name="Fields">Further named numbers the rules may test (e.g. <c>ci95_low</c>, <c>k50</c>).</param>
public sealed record SignalReading(
    bool Measurable, double Value, string Label, DateOnly? Since, string Explanation,
    DateOnly? From, DateOnly? To, IReadOnlyList<SignalInput> Inputs, IReadOnlyDictionary<string, double> Fields)
{
    /// <summary>A reading that could not be taken, and why.</summary>
    public static SignalReading NotMeasurable(string why, IReadOnlyList<SignalInput>? inputs = null) =>
        new(false, double.NaN, "not_measurable", null, why, null, null, inputs ?? [], new Dictionary<string, double>());
}
