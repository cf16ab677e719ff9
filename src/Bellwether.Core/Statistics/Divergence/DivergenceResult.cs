namespace Bellwether.Core.Statistics.Divergence;

/// <summary>One shared day of the two drawdowns.</summary>
/// <param name="Date">A day both series have a close.</param>
/// <param name="IndexDrawdown">The index's drawdown that day (fraction, ≤ 0).</param>
/// <param name="CryptoDrawdown">The crypto asset's drawdown that day.</param>
/// <param name="Active">True when the index is near its high while crypto is deep in drawdown.</param>
public sealed record DivergenceDay(DateOnly Date, double IndexDrawdown, double CryptoDrawdown, bool Active);

/// <summary>Consecutive shared days on which the divergence held.</summary>
/// <param name="Start">The first day.</param>
/// <param name="End">The last day (the latest day when still running).</param>
/// <param name="Days">Shared days in the episode.</param>
/// <param name="DeepestCrypto">The lowest crypto drawdown during the episode.</param>
public sealed record DivergenceEpisode(DateOnly Start, DateOnly End, int Days, double DeepestCrypto);

/// <summary>A risk-on index near its high while a crypto asset is deep in drawdown.</summary>
/// <param name="Index">The index id (e.g. RUT).</param>
/// <param name="Crypto">The crypto id (e.g. BTC).</param>
/// <param name="Parameters">The thresholds used.</param>
/// <param name="Days">Every shared day, oldest first.</param>
/// <param name="Episodes">Runs of active days, oldest first.</param>
public sealed record DivergenceResult(string Index, string Crypto, DivergenceParameters Parameters,
    IReadOnlyList<DivergenceDay> Days, IReadOnlyList<DivergenceEpisode> Episodes)
{
    /// <summary>The latest shared day, or null.</summary>
    public DivergenceDay? Latest => Days.Count > 0 ? Days[^1] : null;
}
