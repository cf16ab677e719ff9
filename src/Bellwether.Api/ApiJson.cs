using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bellwether.Api;

/// <summary>How every JSON document is written: snake_case, NaN as null, dates as yyyy-MM-dd, indented.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new NaNAsNullConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The document as the CLI prints it: the JSON text and a line break.</summary>
    public static string Text(object value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>Writes NaN and infinities as null: JSON has no NaN, and a missing value is not a number.</summary>
    public sealed class NaNAsNullConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
