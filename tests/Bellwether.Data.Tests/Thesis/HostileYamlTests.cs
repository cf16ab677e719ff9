using Bellwether.Core.Signals;
using Bellwether.Data.Claims;
using Bellwether.Data.Thesis;
using Xunit;

namespace Bellwether.Data.Tests.Thesis;

/// <summary>Thesis and claims files made to break the reader: a clear error naming file and line, never a crash.</summary>
public sealed class HostileYamlTests
{
    public static TheoryData<string> NestingBombs => new()
    {
        "name: x\nsignals: " + new string('[', 100_000),
        "name: x\nsignals: " + new string('[', 100_000) + new string(']', 100_000),
        "name: x\nsignals: " + string.Concat(Enumerable.Repeat("{a: ", 50_000)),
        "name: x\nsignals:\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i => new string(' ', 2 * i) + "- \n")),
    };

    [Theory]
    [MemberData(nameof(NestingBombs))]
    public void A_thesis_nested_without_end_is_refused_with_the_depth_limit(string text)
    {
        var e = Assert.Throws<DefinitionFileException>(() => ThesisFile.Parse(text, "bomb.yaml"));
        Assert.StartsWith("bomb.yaml:", e.Message);
        Assert.True(e.Message.Contains("more than 32 levels") || e.Message.Contains("not valid YAML"), e.Message);
    }

    [Fact]
    public void A_closed_nesting_bomb_names_the_depth_limit_and_the_line()
    {
        var e = Assert.Throws<DefinitionFileException>(() =>
            ThesisFile.Parse("name: x\nsignals: " + new string('[', 100_000) + new string(']', 100_000), "bomb.yaml"));
        Assert.Equal("bomb.yaml:2: lists and mappings are nested more than 32 levels deep", e.Message);
    }

    [Fact]
    public void A_claims_file_nested_without_end_is_refused_with_the_depth_limit()
    {
        var text = "claims:\n  - id: a\n    params: " + new string('[', 100_000) + new string(']', 100_000);
        var e = Assert.Throws<DefinitionFileException>(() => ClaimsFile.Parse(text, "claims.yaml"));
        Assert.Equal("claims.yaml:3: lists and mappings are nested more than 32 levels deep", e.Message);
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("1000001")]
    public void A_weight_too_large_to_add_up_is_refused_naming_file_line_and_field(string weight)
    {
        var text = $"name: x\nsignals:\n  - id: a\n    kind: drawdown\n    weight: {weight}\n    params: {{ instrument: BTC }}\n";
        var e = Assert.Throws<DefinitionFileException>(() => ThesisFile.Parse(text, "w.yaml"));
        var value = double.Parse(weight, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"w.yaml:5: signal 'a': weight must be from 0 to 1,000,000, got {value}", e.Message);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    public void A_weight_that_is_not_a_finite_number_is_refused(string weight)
    {
        var text = $"name: x\nsignals:\n  - id: a\n    kind: drawdown\n    weight: {weight}\n    params: {{ instrument: BTC }}\n";
        var e = Assert.Throws<DefinitionFileException>(() => ThesisFile.Parse(text, "w.yaml"));
        Assert.Equal($"w.yaml:5: 'weight' must be a finite number, got '{weight}'", e.Message);
    }
}
