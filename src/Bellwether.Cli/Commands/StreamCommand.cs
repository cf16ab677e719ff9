using System.CommandLine;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Streaming;
using Bellwether.Data.Market;
using Bellwether.Data.Streaming;
using Bellwether.Data.Thesis;

namespace Bellwether.Cli.Commands;

/// <summary>
/// <c>bellwether stream [--thesis FILE] [--to D] [--every N] [--snapshot PATH]</c>: follows a thesis day by day over
/// the store and keeps its stream snapshot beside the store (docs/streaming.md): resumes from a valid snapshot plus
/// the days since, or replays from the first day when there is none or it is refused (another version, thesis or data).
/// </summary>
internal static class StreamCommand
{
    public static Command Create()
    {
        var thesis = new Option<string?>("--thesis")
        {
            Description = $"Thesis file (default: the shipped theses/{ThesisFile.DefaultName})",
        };
        var to = new Option<string?>("--to")
        {
            Description = "Last day to close (yyyy-MM-dd; default: the last day of the crypto closes)",
        };
        var every = new Option<int>("--every")
        {
            Description = "Also write the snapshot every this many days while replaying (0: only at the end)",
            DefaultValueFactory = _ => 0,
        };
        var snapshot = new Option<string?>("--snapshot")
        {
            Description = "Snapshot file (default: beside the store, STORE.THESIS.stream)",
        };
        var command = new Command("stream",
            "Follow a thesis day by day over the store and keep its stream snapshot beside the store (resumes from it)")
        {
            thesis, to, every, snapshot,
        };
        command.SetAction(parse =>
        {
            int everyDays = parse.GetValue(every);
            if (everyDays < 0) throw new UsageException("--every must not be negative");
            var kinds = Concepts.Signals;
            var file = parse.GetValue(thesis);
            ThesisDefinition definition;
            try
            {
                definition = file is null ? ThesisFile.LoadDefault(kinds) : ThesisFile.Load(file, kinds);
            }
            catch (DefinitionFileException e)
            {
                throw new UsageException(e.Message);
            }
            using var store = StoreAccess.OpenForRead(parse);
            var data = StoreAccess.MarketData(parse, store);
            var last = StoreAccess.Date(parse, to) ?? MarketFeed.LastDay(data);
            var path = parse.GetValue(snapshot)
                       ?? StreamSnapshotFile.PathFor(StoreAccess.StorePath(parse), file, ThesisFile.DefaultName);
            var (feed, resumed, why) = Open(data, definition, kinds, last, StreamSnapshotFile.Read(path));
            var start = resumed?.AddDays(1) ?? feed.First;
            for (var d = start; d <= last; d = d.AddDays(1))
            {
                feed.Feed(d);
                feed.Board.Close(d, read: false);
                if (everyDays > 0 && (d.DayNumber - feed.First.DayNumber) % everyDays == everyDays - 1)
                    StreamSnapshotFile.Write(path, feed.Board.Snapshot());
            }
            var bytes = feed.Board.Snapshot();
            StreamSnapshotFile.Write(path, bytes);
            string how = resumed is { } r
                ? $"resumed from {r:yyyy-MM-dd}" : $"replayed from {feed.First:yyyy-MM-dd}{why}";
            parse.InvocationConfiguration.Output.WriteLine(
                $"{definition.Name}: {how}, closed {(feed.Board.Day is { } day ? $"{day:yyyy-MM-dd}" : "no day")}; " +
                $"snapshot {path} ({bytes.Length:N0} bytes)");
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>A feed resumed from <paramref name="snapshot"/> when it is valid for this data up to
    /// <paramref name="last"/>, else a fresh one and why the snapshot was not used.</summary>
    private static (MarketFeed Feed, DateOnly? Resumed, string Why) Open(StoreMarketData data, ThesisDefinition thesis,
        SignalKinds kinds, DateOnly last, byte[]? snapshot)
    {
        var feed = new MarketFeed(data, thesis, kinds, last);
        if (snapshot is null) return (feed, null, " (no snapshot yet)");
        try
        {
            if (StreamingBoard.SnapshotDay(snapshot, thesis) > last)
                return (feed, null, " (the snapshot is past the last day asked for)");
            return (feed, feed.Resume(snapshot), "");
        }
        catch (InvalidDataException e)
        {
            return (new MarketFeed(data, thesis, kinds, last), null, $" (snapshot not used: {e.Message})");
        }
    }
}
