using Bellwether.Data.Sources;
using Xunit;

namespace Bellwether.Data.Tests.Sources;

public class SourceRegistryTests
{
    [Fact]
    public void Every_default_source_builds_a_client_of_its_own_name()
    {
        Assert.Equal(SourceDefaults.All.Select(s => s.Name).Order(), SourceRegistry.Names.Order());
        foreach (var settings in SourceDefaults.All)
        {
            using var client = SourceRegistry.Create(settings, key: null, TimeProvider.System);
            Assert.Equal(settings.Name, client.Name);
        }
    }

    [Fact]
    public void An_unknown_source_is_an_error_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            SourceRegistry.Create(SourceDefaults.All[0] with { Name = "nowhere" }, key: null, TimeProvider.System));
        Assert.Contains("'nowhere'", e.Message);
    }
}
