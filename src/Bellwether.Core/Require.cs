namespace Bellwether.Core;

/// <summary>
/// The checks of values that check themselves when built (ranges, ids): each returns the value it was given, so a
/// record's property can check both its constructor argument and a <c>with</c> copy
/// (<c>init => field = Require...</c>).
/// </summary>
public static class Require
{
    /// <exception cref="ArgumentOutOfRangeException">Below <paramref name="min"/>.</exception>
    public static int AtLeast(int value, int min, string name) => value >= min ? value
        : throw new ArgumentOutOfRangeException(name, value, $"must be at least {min}");

    /// <exception cref="ArgumentOutOfRangeException">Not a finite number from <paramref name="min"/> to
    /// <paramref name="max"/> inclusive.</exception>
    public static double Between(double value, double min, double max, string name) =>
        value >= min && value <= max ? value
        : throw new ArgumentOutOfRangeException(name, value, $"must be in {min}–{max}");

    /// <exception cref="ArgumentOutOfRangeException">Not a fraction in [0, 1).</exception>
    public static double Fraction(double value, string name) => value is >= 0 and < 1 ? value
        : throw new ArgumentOutOfRangeException(name, value, "must be a fraction in [0, 1)");

    /// <exception cref="ArgumentOutOfRangeException">Not a finite number above 0.</exception>
    public static double Positive(double value, string name) => value > 0 && double.IsFinite(value) ? value
        : throw new ArgumentOutOfRangeException(name, value, "must be positive");

    /// <exception cref="ArgumentOutOfRangeException">Not a finite number of 0 or more.</exception>
    public static double NotNegative(double value, string name) => value >= 0 && double.IsFinite(value) ? value
        : throw new ArgumentOutOfRangeException(name, value, "must be 0 or more");

    /// <summary><paramref name="id"/> when it names something (a series, a table).</summary>
    /// <exception cref="ArgumentException">It is empty or blank.</exception>
    public static string Id(string id, string name) =>
        !string.IsNullOrWhiteSpace(id) ? id : throw new ArgumentException("must name a series", name);

    /// <exception cref="ArgumentNullException">Null.</exception>
    public static T NotNull<T>(T? value, string name) where T : class => value ?? throw new ArgumentNullException(name);
}
