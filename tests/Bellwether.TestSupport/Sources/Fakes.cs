namespace Bellwether.TestSupport.Sources;

/// <summary>The fakes by name, for theories that run against every source.</summary>
public static class Fakes
{
    /// <summary>A key the fakes accept; tests check it never shows up anywhere.</summary>
    public const string Key = "sEcReT-4f9c2a7e1b";

    public static readonly string[] Names = ["binance", "yahoo", "fred", "fred-keyed", "stooq", "coingecko", "farside"];

    public static ApiFake Create(string name) => name switch
    {
        "binance" => new BinanceFake(),
        "yahoo" => new YahooFake(),
        "fred" => new FredFake(),
        "fred-keyed" => new FredFake(key: Key),
        "stooq" => new StooqFake(Key),
        "coingecko" => new CoinGeckoFake(),
        "farside" => new FarsideFake(),
        _ => throw new ArgumentException(name),
    };
}
