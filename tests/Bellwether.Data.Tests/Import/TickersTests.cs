using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Data.Import;
using Xunit;

namespace Bellwether.Data.Tests.Import;

public sealed class TickersTests
{
    [Theory]
    [InlineData("^RUT", "RUT", AssetClass.EquityIndex, "USD", CalendarKind.UsEquity)]
    [InlineData("^gspc", "GSPC", AssetClass.EquityIndex, "USD", CalendarKind.UsEquity)]
    [InlineData("RUT", "RUT", AssetClass.EquityIndex, "USD", CalendarKind.UsEquity)]
    [InlineData("IWM", "IWM", AssetClass.Etf, "USD", CalendarKind.UsEquity)]
    [InlineData("spy.us", "SPY", AssetClass.Etf, "USD", CalendarKind.UsEquity)]
    [InlineData("BRK-B", "BRK-B", AssetClass.Etf, "USD", CalendarKind.UsEquity)]
    [InlineData("BTC-USD", "BTC", AssetClass.Crypto, "USD", CalendarKind.EveryDay)]
    [InlineData("SOL-EUR", "SOL", AssetClass.Crypto, "EUR", CalendarKind.EveryDay)]
    [InlineData("ETH-BTC", "ETH", AssetClass.Crypto, "BTC", CalendarKind.EveryDay)]
    [InlineData("btc.v", "BTC", AssetClass.Crypto, "USD", CalendarKind.EveryDay)]
    public void ClassAndCalendarFromTicker(string ticker, string id, AssetClass assetClass, string quote, CalendarKind calendar)
    {
        var notes = new List<string>();
        var instrument = Tickers.Instrument(ticker, weekendRows: 0, rows: 100, notes);
        Assert.Equal((id, assetClass, quote, calendar), (instrument.Id, instrument.Class, instrument.QuoteUnit, instrument.Calendar));
        Assert.Empty(notes);
    }

    [Fact]
    public void UnknownTickerTradingOnWeekendsIsCryptoWithAnUnknownUnitAndANote()
    {
        var notes = new List<string>();
        var instrument = Tickers.Instrument("ethusd", weekendRows: 29, rows: 100, notes);
        Assert.Equal(new Instrument("ETHUSD", AssetClass.Crypto, "unknown", 1, CalendarKind.EveryDay), instrument);
        Assert.Contains("29 of 100 rows fall on weekends", Assert.Single(notes));
    }

    [Fact]
    public void FewWeekendRowsKeepTheEquityCalendar()
    {
        var notes = new List<string>();
        Assert.Equal(AssetClass.Etf, Tickers.Instrument("QQQ", weekendRows: 10, rows: 100, notes).Class);
        Assert.Empty(notes);
    }
}
