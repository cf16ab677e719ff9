using System.Text.Json;

namespace Bellwether.Data.Sources;

/// <summary>Reading API answers as JSON; failures are <see cref="SourceException"/>s naming the source. Numbers are
/// read with the importers' <c>JsonCells</c>.</summary>
public static class JsonValues
{
    /// <summary>Parses <paramref name="body"/>, turning a syntax error into a <see cref="SourceException"/> naming the
    /// source.</summary>
    public static JsonDocument Parse(byte[] body, string source, string what)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new SourceException(SourceFailure.BadResponse,
                $"{source}: {what}: the response is not valid JSON ({e.Message.Split('.')[0]}; {body.Length} bytes); " +
                $"nothing stored, run fetch again");
        }
    }

    /// <summary>Property <paramref name="name"/> of an object, or default when absent or not an object.</summary>
    public static JsonElement Get(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    /// <summary>A malformed-response failure.</summary>
    public static SourceException Malformed(string source, string what, string why) =>
        new(SourceFailure.BadResponse,
            $"{source}: {what}: unexpected response ({why}); nothing stored. This is not a passing failure: the " +
            "source may have " +
            "changed its format, or the symbol may not suit it");
}
