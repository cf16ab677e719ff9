using Bellwether.Core.Calendars;

namespace Bellwether.Core.Instruments;

/// <summary>
/// Something with a daily history: an index, an ETF, a coin, a FRED series or an ETF-flow table.
/// </summary>
/// <param name="Id">The id shown: the short id (by default the file stem without a <c>_daily</c> suffix,
/// <c>rut_daily</c> → <c>RUT</c>), or the qualified id (<c>INDEX:SPX</c>) where a store holds another instrument with
/// the same short id.</param>
/// <param name="Class">The asset class.</param>
/// <param name="QuoteUnit">Unit of the values: <c>USD</c>, <c>USDT</c>, <c>percent</c>, <c>USD millions</c>, …</param>
/// <param name="ContractScale">Tokens per quoted unit: 1 for ordinary prices, 1000 for a <c>1000BONK</c>
/// perpetual.</param>
/// <param name="Calendar">The calendar on which the instrument is expected to have a value.</param>
public sealed record Instrument(string Id, AssetClass Class, string QuoteUnit, double ContractScale,
    CalendarKind Calendar)
{
    /// <summary>
    /// The id unique across asset classes (<c>INDEX:RUT</c>, <c>CRYPTO:SPX</c>, <c>CG:BTC</c>): see
    /// <see cref="InstrumentIds"/>.
    /// </summary>
    public string QualifiedId => InstrumentIds.Qualified(Id, Class);

    /// <summary>The short id: <see cref="Id"/> without its class namespace (<c>CRYPTO:SPX</c> → <c>SPX</c>).
    /// </summary>
    public string Symbol => InstrumentIds.SymbolOf(Id);

    /// <summary>
    /// The number of tokens one quoted contract stands for, read from a leading power-of-ten prefix
    /// (<c>1000BONK</c> → 1000, <c>1000000MOG</c> → 1,000,000, <c>BTC</c> → 1).
    /// </summary>
    public static double ContractScaleOf(string symbol)
    {
        int digits = 0;
        while (digits < symbol.Length && char.IsAsciiDigit(symbol[digits])) digits++;
        if (digits < 4 || digits == symbol.Length) return 1;
        var prefix = symbol.AsSpan(0, digits);
        if (prefix[0] != '1' || prefix[1..].ContainsAnyExcept('0')) return 1;
        return Math.Pow(10, digits - 1);
    }

    /// <summary>The instrument id a file stem stands for: upper case, without a trailing <c>_daily</c>.</summary>
    public static string IdFromStem(string stem)
    {
        var s = stem.EndsWith("_daily", StringComparison.OrdinalIgnoreCase) ? stem[..^6] : stem;
        return s.ToUpperInvariant();
    }
}
