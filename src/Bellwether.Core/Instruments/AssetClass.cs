namespace Bellwether.Core.Instruments;

/// <summary>What kind of thing an instrument's series describes.</summary>
public enum AssetClass
{
    /// <summary>A price index such as the Russell 2000 (^RUT); its volume is not meaningful.</summary>
    EquityIndex,
    /// <summary>An exchange-traded fund (IWM, SPY, QQQ), split-adjusted prices.</summary>
    Etf,
    /// <summary>A crypto asset or contract, trading every UTC day.</summary>
    Crypto,
    /// <summary>A macro-economic or market-wide series (FRED, dominance, total market cap): one value per
    /// date.</summary>
    MacroSeries,
    /// <summary>A table of daily ETF net flows, one column per fund.</summary>
    EtfFlows,
}
