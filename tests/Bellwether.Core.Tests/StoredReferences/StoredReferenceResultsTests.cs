using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.StoredReferences;

/// <summary>
/// The reference scripts' results stored for the excerpt (tests/fixtures/reference) are still what the scripts print:
/// each is rerun where Python with pandas, scipy and statsmodels is found (CI installs it).
/// </summary>
public class StoredReferenceResultsTests
{
    public static TheoryData<string> Stored() =>
        new(Directory.GetFiles(Reference.StoredFolder, "*.json").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Stored))]
    public void The_script_still_prints_the_stored_result(string file)
    {
        var stored = Reference.Read(Path.Combine(Reference.StoredFolder, file));
        Assert.SkipUnless(Reference.PythonFound, "no python3 with pandas, scipy and statsmodels: the stored result is used as is");
        var output = Reference.RunScript(stored.Script, Reference.Arguments(stored));
        using var fresh = JsonDocument.Parse(output);
        Assert.True(JsonElement.DeepEquals(stored.Output, fresh.RootElement),
            $"{file}: {stored.Script} now prints something else; rerun with BELLWETHER_REFERENCE=record and review the change");
    }
}
