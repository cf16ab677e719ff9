namespace Bellwether.Core.Study.Events;

/// <summary>A dated event whose aftermath the study measures.</summary>
/// <param name="Source">The id of the event source (<c>rut_breakout</c>, <c>signal:eth_btc_trendline</c>, …).</param>
/// <param name="Date">The day it happened, known at that day's close.</param>
/// <param name="Description">One sentence with the numbers.</param>
public sealed record StudyEvent(string Source, DateOnly Date, string Description);
