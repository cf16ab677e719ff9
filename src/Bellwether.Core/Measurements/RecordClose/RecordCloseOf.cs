using Bellwether.Core.Structure.RecordCloses;

namespace Bellwether.Core.Measurements.RecordClose;

/// <summary>One record-close reading's parameters, checked when built (the closes check themselves).</summary>
/// <param name="Instrument">The series id.</param>
/// <param name="Closes">Month or week, and the record window.</param>
public sealed record RecordCloseOf(string Instrument, RecordCloseParameters Closes)
{
    /// <exception cref="ArgumentException">The instrument is empty.</exception>
    public string Instrument { get; } = Require.Id(Instrument, nameof(Instrument));
}
