using System.CommandLine;
using Bellwether.Data.Store;

namespace Bellwether.Cli.Commands;

/// <summary>Opening the store a command line names.</summary>
internal static class StoreAccess
{
    public static BellwetherStore OpenForWrite(ParseResult parse) => BellwetherStore.Open(StorePath(parse));

    public static BellwetherStore OpenForRead(ParseResult parse) => BellwetherStore.Open(StorePath(parse), readOnly: true);

    /// <summary>The store file; an empty <c>--store</c> or a folder is a usage error.</summary>
    public static string StorePath(ParseResult parse)
    {
        var given = parse.GetValue(Cli.Store);
        if (given is not null && string.IsNullOrWhiteSpace(given)) throw new UsageException($"{Cli.Store.Name}: the path is empty");
        var path = BellwetherStore.ResolvePath(given);
        if (Directory.Exists(path))
            throw new UsageException($"{(given is null ? "the store" : Cli.Store.Name)}: {path} is a folder; give the store file, " +
                                     $"e.g. {Path.Combine(path, "store.duckdb")}");
        return path;
    }

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
