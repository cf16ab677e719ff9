using System.Text.Json;
using Bellwether.Data.Csv;

namespace Bellwether.Data.Sources;

/// <summary>Reading numbers from API JSON, where prices may come as strings (Binance) or be null (Yahoo).</summary>
public static class JsonValues
{
    /// <summary>A number, a numeric string, or null (NaN). False for anything else.</summary>
    public static bool TryNumber(JsonElement e, out double value)
    {
        value = double.NaN;
        switch (e.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number:
                value = e.GetDouble();
                return double.IsFinite(value);
            case JsonValueKind.String:
                return CsvText.TryParseNumber(System.Text.Encoding.UTF8.GetBytes(e.GetString()!), out value);
            default:
                return false;
        }
    }

    /// <summary>Parses <paramref name="body"/>, turning a syntax error into a <see cref="SourceException"/> naming the source.</summary>
    public static JsonDocument Parse(byte[] body, string source, string what)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new SourceException(SourceFailure.BadResponse,
                $"{source}: {what}: the response is not valid JSON ({e.Message.Split('.')[0]}; {body.Length} bytes); nothing stored, run fetch again");
        }
    }

    /// <summary>Property <paramref name="name"/> of an object, or default when absent or not an object.</summary>
    public static JsonElement Get(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    /// <summary>A malformed-response failure.</summary>
    public static SourceException Malformed(string source, string what, string why) =>
        new(SourceFailure.BadResponse, $"{source}: {what}: unexpected response ({why}); nothing stored, run fetch again");
}
