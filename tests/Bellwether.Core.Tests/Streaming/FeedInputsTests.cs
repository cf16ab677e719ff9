using Bellwether.Core.Measurements;
using Bellwether.Core.Streaming;
using Bellwether.Data.Market;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Streaming;

/// <summary>
/// A stream's inputs are declared by its signals' states from their parameters (<see cref="FeedInputs.Of"/>), no
/// longer found by reading a batch board: each signal of the shipped theses declares exactly what its batch board
/// reads on the data's last day (the reads a feed was given before). On the excerpt without BELLWETHER_DATA, on all
/// data with it.
/// </summary>
public class FeedInputsTests
{
    public static TheoryData<string> Theses() => [ThesisFile.DefaultName, "sp500-breakout-bitcoin.yaml"];

    [Theory]
    [MemberData(nameof(Theses))]
    public void Every_signal_declares_what_its_batch_board_reads(string name)
    {
        var thesis = ThesisFile.Read(ThesisFile.Shipped(name), name, Concepts.Signals);
        using var store = TestData.OpenStore();
        var data = new StoreMarketData(store);
        var last = MarketFeed.LastDay(data);
        foreach (var spec in thesis.Signals)
        {
            var alone = thesis with { Signals = [spec] };
            var (declared, read) = (FeedInputs.Of(alone, Concepts.Signals, data, last),
                FeedInputs.ReadByBoard(alone, Concepts.Signals, data, last));
            Assert.True(read.Series.SetEquals(declared.Series),
                $"{spec.Id}: reads series {Ids(read.Series)}, declares {Ids(declared.Series)}");
            Assert.True(read.Flows.SetEquals(declared.Flows),
                $"{spec.Id}: reads flows {Ids(read.Flows)}, declares {Ids(declared.Flows)}");
            Assert.Equal(read.Classes, declared.Classes);
            Assert.True(read.Rankings == declared.Rankings, $"{spec.Id}: rankings read {read.Rankings}");
            Assert.True(read.Classifications == declared.Classifications,
                $"{spec.Id}: classifications read {read.Classifications}");
        }
    }

    private static string Ids(IEnumerable<string> ids) => string.Join(",", ids);
}
