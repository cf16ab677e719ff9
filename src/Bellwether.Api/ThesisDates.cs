using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Data.Store;

namespace Bellwether.Api;

/// <summary>The date <c>board</c> and <c>report</c> use without <c>--as-of</c>: the thesis's, not the store's.
/// </summary>
public static class ThesisDates
{
    /// <summary>
    /// The latest date on which <paramref name="thesis"/> can be evaluated (<see cref="ThesisDate.Latest"/>) over the
    /// inputs its signals read, found by a board as of the store's last date; the store's last date when no signal
    /// reads stored data.
    /// </summary>
    /// <exception cref="InvalidOperationException">The store is empty.</exception>
    public static (DateOnly Date, DateChoiceJson Why) Latest(
        BellwetherStore store, IMarketData data, ThesisDefinition thesis, SignalKinds kinds)
    {
        var status = store.Status().Where(r => r.Last is not null).ToList();
        if (status.Count == 0) throw new InvalidOperationException("the store is empty: import data first");
        var last = status.MaxBy(r => r.Last)!;
        var storeLast = last.Last!.Value;
        var board = ThesisBoard.Evaluate(thesis, data, storeLast, kinds);
        var inputs = new List<ThesisInput>();
        var read = board.Signals.SelectMany(s => s.Inputs).Where(i => i.LastDate is not null).Select(i => i.Id);
        foreach (var id in read.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            // A ranking list is no instrument: monthly.
            var calendar = store.FindInstrument(id)?.Calendar ?? CalendarKind.Monthly;
            if (store.LastStoredDate(id) is { } lastDate) inputs.Add(new ThesisInput(id, calendar, lastDate));
        }
        if (ThesisDate.Latest(inputs) is not { } choice)
            return (storeLast, new DateChoiceJson(
                $"the store's last date ({last.Id}): no signal of the thesis reads stored data", [], storeLast,
                last.Id));
        string reason = choice.Reason + (choice.Date < storeLast
            ? $"; the store runs to {storeLast:yyyy-MM-dd} ({last.Id}), which the thesis does not wait for" : "");
        return (choice.Date, new DateChoiceJson(reason, choice.LimitedBy, storeLast, last.Id));
    }
}
