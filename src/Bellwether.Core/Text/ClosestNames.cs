namespace Bellwether.Core.Text;

/// <summary>
/// "Did you mean": the known names closest to a word someone typed, by edit distance (case-insensitive, a swap of
/// two neighbouring letters counting as one edit), then names that contain the word.
/// </summary>
public static class ClosestNames
{
    /// <summary>At most this many names are suggested.</summary>
    public const int MaxSuggestions = 5;

    /// <summary>
    /// Up to <see cref="MaxSuggestions"/> of <paramref name="names"/>, closest first: those within a few edits of
    /// <paramref name="word"/> (1 for words up to 3 characters, 2 up to 6, else 3), then those containing it (3 or
    /// more characters). Empty when nothing is close. With <paramref name="bestOnly"/>, only the closest tier (a
    /// mistyped option gets '--as-of', not also every option two edits away).
    /// </summary>
    public static IReadOnlyList<string> Find(string word, IEnumerable<string> names, bool bestOnly = false)
    {
        var typed = word.ToUpperInvariant();
        int limit = typed.Length <= 3 ? 1 : typed.Length <= 6 ? 2 : 3;
        var scored = new List<(string Name, int Score)>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var upper = name.ToUpperInvariant();
            if (upper == typed) continue;
            int distance = Distance(typed, upper, limit);
            if (distance <= limit) scored.Add((name, distance));
            else if (typed.Length >= 3
                && upper.Contains(typed, StringComparison.Ordinal)) scored.Add((name, limit + 1));
        }
        if (bestOnly && scored.Count > 0)
        {
            int best = scored.Min(s => s.Score);
            scored.RemoveAll(s => s.Score > best);
        }
        return scored.OrderBy(s => s.Score).ThenByDescending(s => SharedPrefix(typed, s.Name.ToUpperInvariant()))
            .ThenBy(s => s.Name, StringComparer.Ordinal).Take(MaxSuggestions).Select(s => s.Name).ToList();
    }

    private static int SharedPrefix(string a, string b)
    {
        int n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }

    /// <summary>
    /// Optimal string alignment distance of <paramref name="a"/> and <paramref name="b"/>; any value above
    /// <paramref name="limit"/> means "too far".
    /// </summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, previous2[j - 2]
                    + 1);
                current[j] = d;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
