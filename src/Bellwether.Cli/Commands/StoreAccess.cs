using System.CommandLine;
using Bellwether.Data.Store;

namespace Bellwether.Cli.Commands;

/// <summary>Opening the store a command line names.</summary>
internal static class StoreAccess
{
    public static BellwetherStore OpenForWrite(ParseResult parse) => BellwetherStore.Open(BellwetherStore.ResolvePath(parse.GetValue(Cli.Store)));

    public static BellwetherStore OpenForRead(ParseResult parse) =>
        BellwetherStore.Open(BellwetherStore.ResolvePath(parse.GetValue(Cli.Store)), readOnly: true);

    /// <summary>Parses an optional <c>yyyy-MM-dd</c> option value; a bad one is a usage error.</summary>
    public static DateOnly? Date(ParseResult parse, Option<string?> option)
    {
        var text = parse.GetValue(option);
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", out var d)
            ? d
            : throw new UsageException($"{option.Name}: '{text}' is not a date (expected yyyy-MM-dd)");
    }
}
