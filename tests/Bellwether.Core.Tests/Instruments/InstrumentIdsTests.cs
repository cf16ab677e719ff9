using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Xunit;

namespace Bellwether.Core.Tests.Instruments;

public class InstrumentIdsTests
{
    [Theory]
    [InlineData("SPX", AssetClass.EquityIndex, "INDEX:SPX", "SPX")]
    [InlineData("SPX", AssetClass.Crypto, "CRYPTO:SPX", "SPX")]
    [InlineData("index:spx", AssetClass.EquityIndex, "INDEX:spx", "spx")]
    [InlineData("SPY", AssetClass.Etf, "ETF:SPY", "SPY")]
    [InlineData("WALCL", AssetClass.MacroSeries, "MACRO:WALCL", "WALCL")]
    [InlineData("BTC_SPOT_ETF_FLOWS", AssetClass.EtfFlows, "FLOWS:BTC_SPOT_ETF_FLOWS", "BTC_SPOT_ETF_FLOWS")]
    [InlineData("CG:BTC", AssetClass.Crypto, "CG:BTC", "CG:BTC")]
    [InlineData("1000PEPE", AssetClass.Crypto, "CRYPTO:1000PEPE", "1000PEPE")]
    [InlineData("FOO:BAR", AssetClass.Etf, "ETF:FOO:BAR", "FOO:BAR")]
    public void Qualified_id_and_symbol(string id, AssetClass assetClass, string qualified, string symbol)
    {
        var instrument = new Instrument(id, assetClass, "USD", 1, CalendarKind.EveryDay);
        Assert.Equal(qualified, instrument.QualifiedId);
        Assert.Equal(symbol, instrument.Symbol);
        Assert.Equal(qualified, InstrumentIds.Qualified(qualified, assetClass));
    }

    [Fact]
    public void A_namespace_of_another_class_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => InstrumentIds.Qualified("INDEX:SPX", AssetClass.Crypto));
        Assert.Equal("'INDEX:SPX' names equity index, not crypto", e.Message);
        Assert.Throws<ArgumentException>(() => InstrumentIds.Qualified("CG:BTC", AssetClass.MacroSeries));
    }

    [Fact]
    public void Class_of_a_namespace()
    {
        Assert.Equal(AssetClass.EquityIndex, InstrumentIds.ClassOf("Index:RUT"));
        Assert.Equal(AssetClass.Crypto, InstrumentIds.ClassOf("cg:btc"));
        Assert.Null(InstrumentIds.ClassOf("RUT"));
        Assert.Null(InstrumentIds.ClassOf(":RUT"));
        Assert.Null(InstrumentIds.ClassOf("FRED:M2SL"));
    }

    [Fact]
    public void An_ambiguous_id_lists_every_candidate_with_its_class()
    {
        var e = new AmbiguousIdException("spx", [
            new Instrument("CRYPTO:SPX", AssetClass.Crypto, "USDT", 1, CalendarKind.EveryDay),
            new Instrument("INDEX:SPX", AssetClass.EquityIndex, "USD", 1, CalendarKind.UsEquity)]);
        Assert.Equal("'spx' is ambiguous: CRYPTO:SPX (crypto), INDEX:SPX (equity index); name one of them", e.Message);
    }
}
