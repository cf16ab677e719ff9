namespace Bellwether.Core.Instruments;

/// <summary>
/// Qualified instrument ids, <c>NAMESPACE:SYMBOL</c> (<c>INDEX:SPX</c>, <c>CRYPTO:SPX</c>, <c>MACRO:WALCL</c>), unique
/// across asset classes, and the short ids (symbols) people type. See docs/formats.md, "Instrument ids".
/// </summary>
public static class InstrumentIds
{
    /// <summary>CoinGecko's aggregate prices (crypto): a namespace that stays part of the symbol (<c>CG:BTC</c>).
    /// </summary>
    public const string CoinGeckoNamespace = "CG";

    private static readonly (string Namespace, AssetClass Class)[] ClassNamespaces =
    [
        ("INDEX", AssetClass.EquityIndex), ("ETF", AssetClass.Etf), ("CRYPTO", AssetClass.Crypto),
        ("MACRO", AssetClass.MacroSeries), ("FLOWS", AssetClass.EtfFlows),
    ];

    /// <summary>The namespace of an asset class: <c>INDEX</c>, <c>ETF</c>, <c>CRYPTO</c>, <c>MACRO</c> or
    /// <c>FLOWS</c>.</summary>
    public static string NamespaceOf(AssetClass assetClass) =>
        ClassNamespaces.First(n => n.Class == assetClass).Namespace;

    /// <summary>The asset class an id's namespace names (<c>INDEX:SPX</c> → equity index), or null without one.
    /// </summary>
    public static AssetClass? ClassOf(string id)
    {
        int colon = id.IndexOf(':');
        if (colon <= 0) return null;
        var prefix = id.AsSpan(0, colon);
        if (prefix.Equals(CoinGeckoNamespace, StringComparison.OrdinalIgnoreCase)) return AssetClass.Crypto;
        foreach (var (ns, assetClass) in ClassNamespaces)
            if (prefix.Equals(ns, StringComparison.OrdinalIgnoreCase)) return assetClass;
        return null;
    }

    /// <summary>
    /// The short id: <paramref name="id"/> without a class namespace (<c>INDEX:SPX</c> → <c>SPX</c>; <c>CG:BTC</c>
    /// stays).
    /// </summary>
    public static string SymbolOf(string id) =>
        ClassOf(id) is not null && !IsCoinGecko(id) ? id[(id.IndexOf(':') + 1)..] : id;

    /// <summary>
    /// The qualified id of the instrument of class <paramref name="assetClass"/> called <paramref name="id"/> (a short
    /// or a qualified id): <c>SPX</c> as an equity index → <c>INDEX:SPX</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The id's namespace names another class.</exception>
    public static string Qualified(string id, AssetClass assetClass)
    {
        var named = ClassOf(id);
        if (named is null) return NamespaceOf(assetClass) + ":" + id;
        if (named != assetClass)
            throw new ArgumentException($"'{id}' names {Describe(named.Value)}, not {Describe(assetClass)}");
        return IsCoinGecko(id) ? id : NamespaceOf(assetClass) + id[id.IndexOf(':')..];
    }

    /// <summary>The asset class in words, as messages write it (<c>equity index</c>, <c>crypto</c>).</summary>
    public static string Describe(AssetClass assetClass) => assetClass switch
    {
        AssetClass.EquityIndex => "equity index",
        AssetClass.Etf => "ETF",
        AssetClass.Crypto => "crypto",
        AssetClass.MacroSeries => "macro series",
        AssetClass.EtfFlows => "ETF flow table",
        _ => assetClass.ToString(),
    };

    private static bool IsCoinGecko(string id) =>
        id.StartsWith(CoinGeckoNamespace + ":", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A short id that several stored instruments have: a usage error that lists them.</summary>
public sealed class AmbiguousIdException(string id, IReadOnlyList<Instrument> candidates)
    : Exception($"'{id}' is ambiguous: "
                + string.Join(", ", candidates.Select(c => $"{c.QualifiedId} ({InstrumentIds.Describe(c.Class)})"))
                + "; name one of them")
{
    public string Id { get; } = id;
    public IReadOnlyList<Instrument> Candidates { get; } = candidates;
}
