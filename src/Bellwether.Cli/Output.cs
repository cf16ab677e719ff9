using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Bellwether.Cli;

/// <summary>Writing results: JSON (snake_case, NaN as null, dates as yyyy-MM-dd) or a Spectre console.</summary>
public static class Output
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new NaNAsNullConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Serialises <paramref name="value"/> to the command's standard output.</summary>
    public static void WriteJson(ParseResult parse, object value) =>
        parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Serialises <paramref name="value"/> with a serialiser generated at build time (same options as <see cref="JsonOptions"/>).</summary>
    public static void WriteJson<T>(ParseResult parse, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, type));

    /// <summary>A Spectre console writing to the command's standard output (colour only on a terminal).</summary>
    public static IAnsiConsole Console(ParseResult parse)
    {
        var writer = parse.InvocationConfiguration.Output;
        bool terminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    /// <summary>True when progress may be drawn: a terminal, no JSON.</summary>
    public static bool CanShowProgress(ParseResult parse) =>
        !parse.GetValue(Cli.Json) && ReferenceEquals(parse.InvocationConfiguration.Output, System.Console.Out) && !System.Console.IsOutputRedirected;

    /// <summary>A number for a table cell: empty for NaN, up to 6 significant decimals.</summary>
    public static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("#,##0.######", System.Globalization.CultureInfo.InvariantCulture);

    internal sealed class NaNAsNullConverter : JsonConverter<double>
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
