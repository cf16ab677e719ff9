namespace Bellwether.Server;

/// <summary>
/// The server run on its own (dotnet run, WebApplicationFactory in tests): settings from configuration
/// (<see cref="ServeSettings.From"/>). The CLI's <c>bellwether serve</c> builds the same application with its options.
/// </summary>
public sealed class ServerProgram
{
    private ServerProgram()
    {
    }

    public static void Main(string[] args) => ServerApp.Create(args).Run();
}
