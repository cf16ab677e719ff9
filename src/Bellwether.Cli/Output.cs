using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Bellwether.Core.Text;
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
            Out = new AnsiConsoleOutput(new PlainSpaces(writer, trimTrailing: !terminal)),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        console.Profile.Width = Width(terminal);
        return console;
    }

    /// <summary>
    /// What <see cref="KeepUnits"/> puts between a number and its unit, written as a space: a private-use character,
    /// because Spectre breaks lines at every whitespace character, the no-break space included.
    /// </summary>
    private const char NoBreak = '\uE000';

    /// <summary>A space between a number and a unit of the formatting table, or inside such a unit (<c>US$
    /// m</c>).</summary>
    private static readonly Regex UnitSpace = new(
        @"(?<=\d) (" + string.Join("|", ValueText.Table.Select(r => r.Unit).Where(u => u.Length > 1).Distinct()
            .OrderByDescending(u => u.Length).Select(Regex.Escape)) + @"|r)\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// <paramref name="text"/> with the spaces between a number and its unit made non-breaking, so that a line wrapped
    /// at the terminal's width never leaves <c>0.65</c> on one line and <c>r</c> on the next; they print as spaces.
    /// </summary>
    public static string KeepUnits(string text) => UnitSpace.Replace(text, m => m.Value.Replace(' ', NoBreak));

    /// <summary>A sentence of plain text, wrapped at the console's width without parting a number from its
    /// unit.</summary>
    public static void Sentence(this IAnsiConsole console, string text) =>
        console.MarkupLine(Markup.Escape(KeepUnits(text)));

    /// <summary>
    /// Passes text through with non-breaking spaces written as spaces; when <c>trimTrailing</c> (output to a pipe or
    /// file), it holds back spaces until something other than a line break follows them: a line never ends in spaces,
    /// and nothing else is delayed (a last line without a break is written whole).
    /// </summary>
    private sealed class PlainSpaces(TextWriter inner, bool trimTrailing) : TextWriter
    {
        private int _pendingSpaces;

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value) => Write([value], 0, 1);

        public override void Write(string? value) => Write((value ?? "").ToCharArray(), 0, value?.Length ?? 0);

        // One write to the inner writer per call: Console.Out flushes on every write.
        public override void Write(char[] buffer, int index, int count)
        {
            var text = new System.Text.StringBuilder(count + _pendingSpaces);
            foreach (char raw in buffer.AsSpan(index, count))
            {
                char c = raw == NoBreak ? ' ' : raw;
                if (c == ' ' && trimTrailing)
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

    /// <summary>A stored number shown as stored (a price, a level) for a table cell: empty for NaN, up to 6 decimals,
    /// the formatting table's minus sign.</summary>
    public static string Number(double v) => double.IsNaN(v) ? "" : Core.Text.ValueText.Number(v, "#,##0.######");
}
