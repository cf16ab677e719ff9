using Bellwether.Core.Structure.RecordCloses;

namespace Bellwether.Core.Signals.RecordClose;

/// <summary>The parsed parameters of a <see cref="RecordCloseSignal"/>.</summary>
/// <param name="Instrument">The series.</param>
/// <param name="Closes">Month or week, and the record window.</param>
public sealed record RecordCloseSignalOptions(string Instrument, RecordCloseParameters Closes);
