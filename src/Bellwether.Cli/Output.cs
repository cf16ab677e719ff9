using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Bellwether.Cli;

/// <summary>Writing results: JSON (snake_case, NaN as null, dates as yyyy-MM-dd) or a Spectre console.</summary>
public static class Output
{
    public static readonly JsonSerializerOptions JsonOptions = Api.ApiJson.Options;

    /// <summary>Serialises <paramref name="value"/> to the command's standard output.</summary>
    public static void WriteJson(ParseResult parse, object value) =>
        parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Serialises <paramref name="value"/> with a serialiser generated at build time (same options as
    /// <see cref="JsonOptions"/>).</summary>
    public static void WriteJson<T>(ParseResult parse, T value,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(value, type));

    /// <summary>The narrowest layout width honoured; a smaller <c>COLUMNS</c> is ignored.</summary>
    public const int MinWidth = 40;

    /// <summary>The layout width for this call chain (tests set it); null: <see cref="Width"/> decides.</summary>
    public static readonly AsyncLocal<int?> WidthOverride = new();

    /// <summary>
    /// The width tables are laid out for: <c>COLUMNS</c> when set (at least <see cref="MinWidth"/>), else the
    /// terminal's, else 80 (output to a pipe or file).
    /// </summary>
    public static int Width(bool terminal)
    {
        if (WidthOverride.Value is { } forced) return forced;
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns)
            && columns >= MinWidth) return columns;
        return terminal && System.Console.WindowWidth >= MinWidth ? System.Console.WindowWidth : 80;
    }

    /// <summary>
    /// A Spectre console writing to the command's standard output: colour only on a terminal, laid out for
    /// <see cref="Width"/> columns, and without the spaces that pad a table's lines when the output is piped.
    /// </summary>
    public static IAnsiConsole Console(ParseResult parse)
    {
        var writer = parse.InvocationConfiguration.Output;
        bool terminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal ? writer : new TrailingSpaceTrimmer(writer)),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        console.Profile.Width = Width(terminal);
        return console;
    }

    /// <summary>
    /// Passes text through, holding back spaces until something other than a line break follows them: a line never
    /// ends in spaces, and nothing else is delayed (a last line without a break is written whole).
    /// </summary>
    private sealed class TrailingSpaceTrimmer(TextWriter inner) : TextWriter
    {
        private int _pendingSpaces;

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value) => Write([value], 0, 1);

        public override void Write(string? value) => Write((value ?? "").ToCharArray(), 0, value?.Length ?? 0);

        // One write to the inner writer per call: Console.Out flushes on every write.
        public override void Write(char[] buffer, int index, int count)
        {
            var text = new System.Text.StringBuilder(count + _pendingSpaces);
            foreach (char c in buffer.AsSpan(index, count))
            {
                if (c == ' ')
                {
                    _pendingSpaces++;
                    continue;
                }
                if (c is not '\n' and not '\r') text.Append(' ', _pendingSpaces);
                _pendingSpaces = 0;
                text.Append(c);
            }
            inner.Write(text.ToString());
        }

        public override void Flush() => inner.Flush();
    }

    /// <summary>True when progress may be drawn: a terminal, no JSON.</summary>
    public static bool CanShowProgress(ParseResult parse) =>
        !parse.GetValue(Cli.Json) && ReferenceEquals(parse.InvocationConfiguration.Output, System.Console.Out)
        && !System.Console.IsOutputRedirected;

    /// <summary>A number for a table cell: empty for NaN, up to 6 significant decimals.</summary>
    public static string Number(double v) => double.IsNaN(v) ? ""
        : v.ToString("#,##0.######", System.Globalization.CultureInfo.InvariantCulture);
}
