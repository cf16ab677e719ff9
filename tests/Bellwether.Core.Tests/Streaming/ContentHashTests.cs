using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Streaming;
using Xunit;

namespace Bellwether.Core.Tests.Streaming;

/// <summary>
/// <see cref="StreamMarketData.ContentHash"/> tells data fed on other days apart: a flow row that became public later
/// (its release lag applied, or not) is other data, though the rows known by the day hashed are the same.
/// </summary>
public class ContentHashTests
{
    private static readonly Instrument Flows = new("FLOWS", AssetClass.EtfFlows, "USD", 1, CalendarKind.UsEquity);
    private static readonly DateOnly Day = new(2025, 3, 3);

    [Fact]
    public void A_flow_row_that_arrived_on_another_day_hashes_otherwise()
    {
        ulong Hash(DateOnly arrived)
        {
            var data = new StreamMarketData([]);
            data.FlowsOf(Flows, ["A"], "test").Put(Day, [1.5], 1.5, derived: false, arrived);
            return data.ContentHash(Day.AddDays(5));
        }
        Assert.Equal(Hash(Day), Hash(Day));
        Assert.NotEqual(Hash(Day), Hash(Day.AddDays(1)));
    }
}
