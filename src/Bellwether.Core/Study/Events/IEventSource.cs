namespace Bellwether.Core.Study.Events;

/// <summary>Where study events come from: a detector the board uses, replayed over history.</summary>
/// <remarks>
/// Point in time: <see cref="Events"/> as of a date returns only events dated on or before it, each decided from data
/// dated on or before its own date, so the events of a full run are those an observer would have seen on each day.
/// </remarks>
public interface IEventSource
{
    /// <summary>The id a user names with <c>--event</c>.</summary>
    string Id { get; }

    /// <summary>One line for documentation and output.</summary>
    string Description { get; }

    /// <summary>The events dated on or before <paramref name="asOf"/>, in date order.</summary>
    IReadOnlyList<StudyEvent> Events(DateOnly asOf);
}
