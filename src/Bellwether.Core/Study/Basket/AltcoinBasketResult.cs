using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Study.Basket;

/// <summary>The basket's level by calendar day and what went into it.</summary>
/// <param name="Parameters">Its size and base level.</param>
/// <param name="Level">The level (id <c>ALT_BASKET</c>), NaN before the first day and on days none of the held coins had a close.</param>
/// <param name="Held">Per day of <paramref name="Level"/>: coins held into that day (chosen at the previous valued day).</param>
/// <param name="Priced">Per day: held coins that had a close that day (the ones the day's return averages).</param>
/// <param name="UnpricedDays">Days on which no held coin had a close: no return, the basket keeps its coins.</param>
/// <param name="DroppedCoinDays">Held coins without a close on the day they were to be valued, summed over days: each was
/// left out of that day's mean and replaced at the next choice (a coin that vanishes loses its last move: a mild
/// survivorship bias, counted here).</param>
public sealed record AltcoinBasketResult(AltcoinBasketParameters Parameters, CalendarPath Level, int[] Held, int[] Priced, int UnpricedDays, int DroppedCoinDays)
{
    /// <summary>Shortfalls listed in words; further ones are counted.</summary>
    public const int MaxShortfallsListed = 5;

    /// <summary>
    /// The basket's size over time: per calendar month from <paramref name="from"/> to <paramref name="to"/>, the fewest
    /// and the most coins it held into a day.
    /// </summary>
    public IReadOnlyList<BasketMonth> SizeByMonth(DateOnly from, DateOnly to) =>
        HeldDays(from, to).GroupBy(d => new DateOnly(d.Date.Year, d.Date.Month, 1))
            .Select(g => new BasketMonth(g.Key, g.Min(d => d.Held), g.Max(d => d.Held))).ToList();

    /// <summary>The stretches of days from <paramref name="from"/> to <paramref name="to"/> on which the basket held fewer coins than asked.</summary>
    public IReadOnlyList<BasketShortfall> Shortfalls(DateOnly from, DateOnly to)
    {
        var runs = new List<BasketShortfall>();
        foreach (var (date, held) in HeldDays(from, to))
        {
            if (held >= Parameters.TopCount) continue;
            if (runs.Count > 0 && runs[^1].To == date.AddDays(-1))
                runs[^1] = runs[^1] with { To = date, Fewest = Math.Min(runs[^1].Fewest, held) };
            else runs.Add(new BasketShortfall(date, date, held));
        }
        return runs;
    }

    /// <summary>The shortfalls in words, with their dates: a basket smaller than asked is not the basket the figures name.</summary>
    public IReadOnlyList<string> Warnings(DateOnly from, DateOnly to)
    {
        var runs = Shortfalls(from, to);
        if (runs.Count == 0) return [];
        int days = runs.Sum(r => r.To.DayNumber - r.From.DayNumber + 1);
        var listed = runs.Take(MaxShortfallsListed).Select(r => r.From == r.To ? $"{r.From:yyyy-MM-dd} ({r.Fewest})"
            : $"{r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd} (as few as {r.Fewest})");
        return [$"the altcoin basket held fewer than the {Parameters.TopCount} coins asked on {days} day{(days == 1 ? "" : "s")}: {string.Join(", ", listed)}" +
                (runs.Count > MaxShortfallsListed ? $" and {runs.Count - MaxShortfallsListed} more stretches" : "") +
                "; its moves then rest on fewer coins."];
    }

    // Coins held into each day (the first day holds the coins chosen at its close).
    private IEnumerable<(DateOnly Date, int Held)> HeldDays(DateOnly from, DateOnly to)
    {
        var first = Level.First;
        for (int i = Math.Max(1, from.DayNumber - first.DayNumber); i < Held.Length && first.AddDays(i) <= to; i++)
            yield return (first.AddDays(i), Held[i]);
    }
}

/// <summary>The fewest and the most coins the basket held into a day of one calendar month.</summary>
public sealed record BasketMonth(DateOnly Month, int Fewest, int Most);

/// <summary>Consecutive days on which the basket held fewer coins than asked; <paramref name="Fewest"/>: its smallest size then.</summary>
public sealed record BasketShortfall(DateOnly From, DateOnly To, int Fewest);
