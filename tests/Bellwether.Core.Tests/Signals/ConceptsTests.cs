using Bellwether.Core.Measurements;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Signals;

public class ConceptsTests
{
    /// <summary>docs/thesis.md documents every kind, its parameters, labels and fields.</summary>
    [Fact]
    public void Every_kind_parameter_label_and_field_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(Reference.RepoRoot, "docs", "thesis.md"));
        foreach (var kind in Concepts.Signals.All)
        {
            int section = doc.IndexOf($"### `{kind.Name}`", StringComparison.Ordinal);
            Assert.True(section >= 0, $"no section for {kind.Name}");
            int next = doc.IndexOf("\n### ", section + 4, StringComparison.Ordinal);
            var text = doc[section..(next < 0 ? doc.Length : next)];
            foreach (var word in kind.Parameters.Select(p => p.Name).Concat(kind.Labels).Concat(kind.Fields))
                Assert.True(text.Contains($"`{word}`", StringComparison.Ordinal), $"{kind.Name}: `{word}` is not documented");
        }
    }

    [Fact]
    public void Kind_names_parameters_and_labels_are_unique_snake_case_words()
    {
        foreach (var kind in Concepts.Signals.All)
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", kind.Name);
            foreach (var list in new[] { kind.Parameters.Select(p => p.Name).ToList(), kind.Labels.ToList(), kind.Fields.ToList() })
            {
                Assert.Equal(list.Count, list.Distinct().Count());
                Assert.All(list, w => Assert.Matches("^[a-z][a-z0-9_]*$", w));
            }
        }
    }
}
