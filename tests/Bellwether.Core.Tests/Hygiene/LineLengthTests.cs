using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Hygiene;

/// <summary>The developers' guide: source lines are at most 120 characters.</summary>
public sealed class LineLengthTests
{
    private const int Max = 120;

    [Fact]
    public void No_source_line_is_longer_than_120_characters()
    {
        var src = Path.Combine(Reference.RepoRoot, "src");
        var sep = Path.DirectorySeparatorChar;
        var tooLong = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}") && !f.Contains($"{sep}bin{sep}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, line.Length)))
            .Where(x => x.Length > Max)
            .Select(x => $"{Path.GetRelativePath(Reference.RepoRoot, x.File)}:{x.Line} ({x.Length} characters)")
            .ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} line(s) over {Max} characters:\n" + string.Join("\n",
            tooLong.Take(50)));
    }
}
