using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bellwether.Server.Tests;

/// <summary>The server on a test host, configured as <c>bellwether serve</c> would be from configuration.</summary>
public sealed class ServerFactory(string store, string? token = null, string? urls = null, string? thesis = null,
    string? claims = null) : WebApplicationFactory<ServerProgram>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Bellwether:Store", store);
        if (token is not null) builder.UseSetting("Bellwether:Token", token);
        if (urls is not null) builder.UseSetting("urls", urls);
        if (thesis is not null) builder.UseSetting("Bellwether:Thesis", thesis);
        if (claims is not null) builder.UseSetting("Bellwether:Claims", claims);
    }
}
