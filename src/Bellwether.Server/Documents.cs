using System.Text.Json.Nodes;
using Bellwether.Api;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Report;
using Bellwether.Report.Charts;

namespace Bellwether.Server;

/// <summary>
/// The API's documents, each from the producer the CLI prints with (<see cref="BoardDocument"/>, <see cref="Csv"/>),
/// read from the store per request and kept per store version (<see cref="DocumentCache"/>).
/// </summary>
public sealed class Documents(StoreGate gate, ServeSettings settings, DocumentCache cache, ThesisDefinition thesis, SignalKinds kinds)
{
    /// <summary>The first week of the readiness history unless asked (as <c>board --history</c>).</summary>
    public static readonly DateOnly HistoryStart = new(2018, 1, 1);

    /// <summary><c>board --json [--as-of]</c>.</summary>
    public Task<ApiDocument> Board(DateOnly? asOf) =>
        cache.Get($"board {asOf:yyyy-MM-dd}", () => Produce(store => new ApiDocument(200, ApiDocument.Json, BoardDocument.Text(Board(store, asOf)))));

    /// <summary>The board as CSV.</summary>
    public Task<ApiDocument> BoardCsv(DateOnly? asOf) =>
        cache.Get($"board.csv {asOf:yyyy-MM-dd}", () => Produce(store => new ApiDocument(200, ApiDocument.Csv, Csv.Board(Board(store, asOf)))));

    /// <summary><c>data status --json</c>.</summary>
    public Task<ApiDocument> DataStatus() =>
        cache.Get("data status", () => Produce(store =>
            new ApiDocument(200, ApiDocument.Json, ApiJson.Text(DataStatusDocument.Json(store, store.Status(), settings.ReleaseLags)))));

    /// <summary><c>board --compare SINCE --json [--as-of]</c>.</summary>
    public Task<ApiDocument> Compare(DateOnly since, DateOnly? asOf) =>
        cache.Get($"compare {since:yyyy-MM-dd} {asOf:yyyy-MM-dd}", () => Produce(store =>
        {
            var (comparison, chosen) = BoardDocument.Compare(store, Data(store), thesis, since, asOf, kinds);
            return new ApiDocument(200, ApiDocument.Json, ApiJson.Text(comparison.Json(BoardDocument.ThesisInfo(thesis, settings.ThesisFile), chosen)));
        }));

    /// <summary><c>board --history --json [--from] [--to]</c>.</summary>
    public Task<ApiDocument> History(DateOnly? from, DateOnly? to, bool csv) =>
        cache.Get($"history{(csv ? ".csv" : "")} {from:yyyy-MM-dd} {to:yyyy-MM-dd}", () => Produce(store =>
        {
            var data = Data(store);
            var start = from ?? HistoryStart;
            var end = to ?? ThesisDates.Latest(store, data, thesis, kinds).Date;
            if (start > end) return ApiDocument.Error(400, "from is after to");
            var points = ThesisBoard.History(thesis, data, start, end, kinds);
            return csv
                ? new ApiDocument(200, ApiDocument.Csv, Csv.History(thesis, points))
                : new ApiDocument(200, ApiDocument.Json, ApiJson.Text(BoardDocument.History(thesis, settings.ThesisFile, start, end, points)));
        }));

    /// <summary>
    /// The report's chart of one signal (<see cref="SignalCharts"/> on a thesis of that signal alone), as plotly.js
    /// figures, with the notes of charts that could not be drawn.
    /// </summary>
    public Task<ApiDocument> SignalChart(string id, DateOnly? asOf) =>
        cache.Get($"chart {id} {asOf:yyyy-MM-dd}", () => Produce(store =>
        {
            var spec = thesis.Signals.FirstOrDefault(s => s.Id == id);
            if (spec is null) return ApiDocument.Error(404, $"no signal '{id}' in the thesis {thesis.Name}");
            var data = Data(store);
            var date = asOf ?? ThesisDates.Latest(store, data, thesis, kinds).Date;
            var notes = new List<string>();
            var figures = SignalCharts.Draw(thesis with { Signals = [spec] }, kinds, new AsOfMarketData(data, date), date,
                date.AddYears(-3), [], notes).Where(f => f.Id != ThesisCharts.ReadinessId);
            var json = new JsonObject
            {
                ["id"] = id, ["as_of"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["figures"] = new JsonArray([.. figures.Select(f => JsonNode.Parse(f.ToJson()))]),
                ["notes"] = new JsonArray([.. notes.Select(n => (JsonNode?)JsonValue.Create(n))]),
            };
            return new ApiDocument(200, ApiDocument.Json, json.ToJsonString(ApiJson.Options) + "\n");
        }));

    private BoardJson Board(BellwetherStore store, DateOnly? asOf) =>
        BoardDocument.Of(store, Data(store), thesis, settings.ThesisFile, asOf, kinds);

    private StoreMarketData Data(BellwetherStore store) => new(store, settings.ReleaseLags);

    /// <summary>
    /// Reads the store for one document. What the data cannot answer is a document too (404, 422), kept like any
    /// other; a missing or busy store throws and nothing is kept.
    /// </summary>
    private ApiDocument Produce(Func<BellwetherStore, ApiDocument> read)
    {
        try
        {
            return gate.Read(read);
        }
        catch (KeyNotFoundException e)
        {
            return ApiDocument.Error(404, e.Message);
        }
        catch (Exception e) when (e is NotMeasurableException or InvalidOperationException or ArgumentException)
        {
            return ApiDocument.Error(422, e.Message);
        }
    }
}
