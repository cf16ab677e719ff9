using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Bellwether.Data.Csv;

namespace Bellwether.Data.Import.Formats;

/// <summary>Reading the numbers of JSON market-data payloads (Binance, CoinGecko), which write them as numbers or as
/// strings.</summary>
internal static class JsonCells
{
    /// <summary>Parses the file, or stops the import naming the line where the JSON breaks.</summary>
    public static JsonDocument Parse(ReadOnlySpan<byte> data, RowContext context)
    {
        if (data.StartsWith("\uFEFF"u8)) data = data[3..];
        try
        {
            return JsonDocument.Parse(data.ToArray());
        }
        catch (JsonException e)
        {
            throw new ImportException(context.File.Path, (int)(e.LineNumber ?? 0) + 1, "json",
                $"not valid JSON: {e.Message}");
        }
    }

    /// <summary>A finite number written as a JSON number or string; <c>null</c> is missing (NaN).</summary>
    /// <param name="text">The value as written, for error messages.</param>
    public static bool TryNumber(JsonElement e, out double value, out string text)
    {
        value = double.NaN;
        text = Text(e);
        if (e.ValueKind == JsonValueKind.Null) return true;
        return (e.ValueKind is JsonValueKind.Number or JsonValueKind.String)
            && CsvText.TryParseNumber(Encoding.UTF8.GetBytes(text), out value);
    }

    /// <summary>A whole number (a time stamp) written as a JSON number or string.</summary>
    public static bool TryInteger(JsonElement e, out long value, out string text)
    {
        value = 0;
        text = Text(e);
        return (e.ValueKind is JsonValueKind.Number or JsonValueKind.String)
               && Utf8Parser.TryParse(Encoding.UTF8.GetBytes(text), out value, out int consumed)
               && consumed == Encoding.UTF8.GetByteCount(text);
    }

    /// <summary>Why <paramref name="text"/> is not a number, in the words the CSV importers use.</summary>
    public static string NotANumber(string text) =>
        text.Trim('"').Equals("nan", StringComparison.OrdinalIgnoreCase) ? "NaN is not a value"
        : $"'{text}' is not a number";

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() ?? ""
        : e.GetRawText();
}
