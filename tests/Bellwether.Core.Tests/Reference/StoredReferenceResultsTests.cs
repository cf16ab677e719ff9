using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Reference;

/// <summary>
/// The reference scripts' results stored for the excerpt (tests/fixtures/reference) are still what the scripts print:
/// each is rerun where Python with pandas, scipy and statsmodels is found (CI installs it).
/// </summary>
public class StoredReferenceResultsTests
{
    public static TheoryData<string> Stored() =>
        new(Directory.GetFiles(TestSupport.Reference.StoredFolder, "*.json").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Stored))]
    public void The_script_still_prints_the_stored_result(string file)
    {
        var stored = TestSupport.Reference.Read(Path.Combine(TestSupport.Reference.StoredFolder, file));
        Assert.SkipUnless(TestSupport.Reference.PythonFound, "no python3 with pandas, scipy and statsmodels: the stored result is used as is");
        var output = TestSupport.Reference.RunScript(stored.Script, TestSupport.Reference.Arguments(stored));
        using var fresh = JsonDocument.Parse(output);
        Assert.True(JsonElement.DeepEquals(stored.Output, fresh.RootElement),
            $"{file}: {stored.Script} now prints something else; rerun with BELLWETHER_REFERENCE=record and review the change");
    }
}
