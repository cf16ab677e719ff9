using System.Net;

namespace Bellwether.Server;

/// <summary>A server that must not start as configured (exposed without a token, a bad address).</summary>
public sealed class ServeRefusedException(string message) : Exception(message);

/// <summary>Who can reach the server: loopback needs nothing; any other address needs a bearer token.</summary>
public static class Exposure
{
    /// <summary>The shortest token accepted: a guessable token on a network is no protection.</summary>
    public const int MinTokenLength = 16;

    /// <summary>The host names a loopback-only server answers to; others are refused (DNS rebinding).</summary>
    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>True when <paramref name="url"/> listens on the loopback interface only.</summary>
    /// <exception cref="ServeRefusedException">Not an http(s) address.</exception>
    public static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (*, +) are not URI hosts; they mean every interface.
        var normal = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal)
            .Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normal, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ServeRefusedException($"'{url}' is not an http address (e.g. {ServeSettings.DefaultUrl})");
        if (uri.IsLoopback) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Refuses settings that expose the server without a token of at least <see cref="MinTokenLength"/>
    /// characters.</summary>
    /// <exception cref="ServeRefusedException">The reason, in words.</exception>
    public static void Check(ServeSettings settings)
    {
        if (settings.Urls.Count == 0) throw new ServeRefusedException("no address to listen on");
        var exposed = settings.Urls.Where(u => !IsLoopback(u)).ToList();
        if (settings.Token is { Length: < MinTokenLength })
            throw new ServeRefusedException(
                $"the token in {ServeSettings.TokenVariable} is shorter than {MinTokenLength} characters");
        if (exposed.Count > 0 && settings.Token is null)
            throw new ServeRefusedException(
                $"{string.Join(", ", exposed)} is reachable from other machines: set a bearer token in " +
                $"{ServeSettings.TokenVariable} (at least {MinTokenLength} characters), or listen on 127.0.0.1");
    }

    /// <summary>True when every address is loopback: the server then answers only to
    /// <see cref="LoopbackHosts"/>.</summary>
    public static bool LoopbackOnly(ServeSettings settings) => settings.Urls.All(IsLoopback);
}
