using System.CommandLine;
using Bellwether.Api;
using Bellwether.Core.Flows;
using Bellwether.Core.Series;
using Bellwether.Data.Market;
using Bellwether.Data.Store;

namespace Bellwether.Cli.Commands;

/// <summary>Opening the store a command line names.</summary>
internal static class StoreAccess
{
    public static BellwetherStore OpenForWrite(ParseResult parse) => BellwetherStore.Open(StorePath(parse));

    /// <summary>The store, read-only; an <c>--as-of</c> after everything stored is said on stderr (see
    /// <see cref="PastTheData"/>).</summary>
    public static BellwetherStore OpenForRead(ParseResult parse)
    {
        var store = BellwetherStore.Open(StorePath(parse), readOnly: true);
        if (parse.CommandResult.Command.Options.OfType<Option<string?>>()
            .FirstOrDefault(o => o.Name == "--as-of") is { } asOf
            && Date(parse, asOf) is { } date && PastTheData(store, date) is { } note)
            parse.InvocationConfiguration.Error.WriteLine($"note: {note}");
        return store;
    }

    /// <summary>Words for an as-of date after the last date of anything stored; null when it is not.</summary>
    public static string? PastTheData(BellwetherStore store, DateOnly asOf)
    {
        var last = store.Status().Where(r => r.Last is not null).MaxBy(r => r.Last);
        return last?.Last is { } d && asOf > d
            ? $"{asOf:yyyy-MM-dd} is after the last stored date ({d:yyyy-MM-dd}, {last.Id}): nothing later is known, " +
              "so every reading as of then rests on older data"
            : null;
    }

    /// <summary>The store file; an empty <c>--store</c> or a folder is a usage error.</summary>
    public static string StorePath(ParseResult parse)
    {
        var given = parse.GetValue(Cli.Store);
        if (given is not null
            && string.IsNullOrWhiteSpace(given)) throw new UsageException($"{Cli.Store.Name}: the path is empty");
        var path = BellwetherStore.ResolvePath(given);
        if (Directory.Exists(path))
            throw new UsageException(
                $"{(given is null ? "the store" : Cli.Store.Name)}: {path} is a folder; give the store file, " +
                                     $"e.g. {Path.Combine(path, "store.duckdb")}");
        return path;
    }

    /// <summary>The store's market data, with release lags unless <c>--ignore-release-lags</c>.</summary>
    public static StoreMarketData MarketData(ParseResult parse, BellwetherStore store) =>
        new(store, releaseLags: !parse.GetValue(Cli.IgnoreReleaseLags));

    /// <summary>
    /// The series <paramref name="id"/> between optional bounds; with <paramref name="asOf"/>, only what was published
    /// by the end of that day (its release rule and vintages), unless <c>--ignore-release-lags</c>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such series.</exception>
    public static DailySeries Series(
        ParseResult parse, BellwetherStore store, string id, DateOnly? asOf, DateOnly? from = null,
        DateOnly? to = null) =>
        PublishedReads.Series(store, !parse.GetValue(Cli.IgnoreReleaseLags), id, asOf, from, to);

    /// <summary>
    /// The flow table <paramref name="id"/>; with <paramref name="asOf"/>, the days published by then (see
    /// <see cref="Series"/>).
    /// </summary>
    public static FlowTable Flows(ParseResult parse, BellwetherStore store, string id, DateOnly? asOf) =>
        PublishedReads.Flows(store, !parse.GetValue(Cli.IgnoreReleaseLags), id, asOf);

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
