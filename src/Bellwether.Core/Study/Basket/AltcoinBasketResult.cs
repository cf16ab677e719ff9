using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Study.Basket;

/// <summary>The basket's level by calendar day and what went into it.</summary>
/// <param name="Parameters">Its size and base level.</param>
/// <param name="Level">The level (id <c>ALT_BASKET</c>), NaN before the first day and on days none of the held coins
/// had a close.</param>
/// <param name="Held">Per day of <paramref name="Level"/>: coins held into that day (chosen at the previous valued
/// day).</param>
/// <param name="Priced">Per day: held coins that had a close that day (the ones the day's return averages).</param>
/// <param name="UnpricedDays">Days on which no held coin had a close: no return, the basket keeps its coins.</param>
/// <param name="DroppedCoinDays">Held coins without a close on the day they were to be valued, summed over days: each
/// was left out of that day's mean and replaced at the next choice (a coin that vanishes loses its last move: a mild
/// survivorship bias, counted here).</param>
public sealed record AltcoinBasketResult(AltcoinBasketParameters Parameters, CalendarPath Level, int[] Held,
    int[] Priced, int UnpricedDays, int DroppedCoinDays)
{
    /// <summary>Shortfalls listed in words, latest first; earlier ones are counted.</summary>
    public const int MaxShortfallsListed = 5;

    /// <summary>
    /// The basket's size over time: per calendar month from <paramref name="from"/> to <paramref name="to"/>, the
    /// fewest and the most coins a day's move rested on (<see cref="Priced"/>).
    /// </summary>
    public IReadOnlyList<BasketMonth> SizeByMonth(DateOnly from, DateOnly to) =>
        Sizes(from, to).GroupBy(d => new DateOnly(d.Date.Year, d.Date.Month, 1))
            .Select(g => new BasketMonth(g.Key, g.Min(d => d.Coins), g.Max(d => d.Coins))).ToList();

    /// <summary>The stretches of days from <paramref name="from"/> to <paramref name="to"/> whose move rested on fewer
    /// coins than asked.</summary>
    public IReadOnlyList<BasketShortfall> Shortfalls(DateOnly from, DateOnly to)
    {
        var runs = new List<BasketShortfall>();
        foreach (var (date, coins) in Sizes(from, to))
        {
            if (coins >= Parameters.TopCount) continue;
            if (runs.Count > 0 && runs[^1].To == date.AddDays(-1))
                runs[^1] = runs[^1] with { To = date, Fewest = Math.Min(runs[^1].Fewest, coins) };
            else runs.Add(new BasketShortfall(date, date, coins));
        }
        return runs;
    }

    /// <summary>The shortfalls in words, with their dates, the basket called as <paramref name="names"/> call it: a
    /// basket smaller than asked is not the basket the figures name.</summary>
    public IReadOnlyList<string> Warnings(DateOnly from, DateOnly to, AssetNames names)
    {
        var runs = Shortfalls(from, to);
        if (runs.Count == 0) return [];
        int days = runs.Sum(r => r.To.DayNumber - r.From.DayNumber + 1);
        // The latest stretches first: the ones that bear on the present.
        var listed = runs.AsEnumerable().Reverse().Take(MaxShortfallsListed)
            .Select(r => r.From == r.To ? $"{r.From:yyyy-MM-dd} ({r.Fewest})"
            : $"{r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd} (as few as {r.Fewest})");
        return [
            $"{names.Name(AltcoinBasket.Id)}'s daily move rested on fewer than the {Parameters.TopCount} coins asked " +
                $"on {days} " +
                $"day{(days == 1 ? "" : "s")}: {string.Join(", ", listed)}" +
                (runs.Count > MaxShortfallsListed ? $" and {runs.Count - MaxShortfallsListed} earlier stretches" : "") +
                "; it is then not the basket its figures name."];
    }

    // The coins each day's move averaged (the first day has no move; a day none of the held coins had a close, 0).
    private IEnumerable<(DateOnly Date, int Coins)> Sizes(DateOnly from, DateOnly to)
    {
        var first = Level.First;
        for (int i = Math.Max(1, from.DayNumber - first.DayNumber); i < Priced.Length && first.AddDays(i) <= to; i++)
            yield return (first.AddDays(i), Priced[i]);
    }
}

/// <summary>The fewest and the most coins a day's move of the basket rested on in one calendar month.</summary>
public sealed record BasketMonth(DateOnly Month, int Fewest, int Most);

/// <summary>Consecutive days whose move rested on fewer coins than asked; <paramref name="Fewest"/>: the smallest
/// number then.</summary>
public sealed record BasketShortfall(DateOnly From, DateOnly To, int Fewest);
