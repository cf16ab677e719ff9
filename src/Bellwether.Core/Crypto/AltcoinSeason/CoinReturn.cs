namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>An eligible coin's N-day return and whether it beat the benchmark.</summary>
/// <param name="Symbol">The ranking's symbol.</param>
/// <param name="Rank">Its rank in the ranking in force.</param>
/// <param name="Series">The daily series both closes came from (the symbol itself, a scaled contract such as
/// <c>1000BONK</c>, or an alias); a contract's scale cancels out of the return.</param>
/// <param name="Return">close(t) / close(t − N) − 1.</param>
/// <param name="BeatsBenchmark">True when its close ratio is strictly above the benchmark's.</param>
public sealed record CoinReturn(string Symbol, int Rank, string Series, double Return, bool BeatsBenchmark);
