namespace Bellwether.Core.Measurements;

/// <summary>The checks parameter records make in their constructors.</summary>
internal static class Checks
{
    /// <summary><paramref name="id"/> when it names something.</summary>
    /// <exception cref="ArgumentException">It is empty or blank.</exception>
    public static string Id(string id, string name) =>
        !string.IsNullOrWhiteSpace(id) ? id : throw new ArgumentException("must name a series", name);
}
