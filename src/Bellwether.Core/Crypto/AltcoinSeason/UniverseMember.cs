namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>An altcoin of the point-in-time universe at a date (see
/// <see cref="AltcoinSeasonIndex.Members"/>).</summary>
/// <param name="Symbol">The ranking's symbol.</param>
/// <param name="Rank">Its rank in the ranking in force (excluded coins keep their place in the numbering).</param>
/// <param name="Series">The daily series that has its close on the date (the symbol itself, a scaled contract, or an
/// alias).</param>
public sealed record UniverseMember(string Symbol, int Rank, string Series);
