using System.Text.Json.Nodes;
using Bellwether.Api;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Measurements.FlowRotation;
using Bellwether.Core.Measurements.NetLiquidity;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Report;
using Bellwether.Report.Charts;
using Microsoft.Extensions.Primitives;

namespace Bellwether.Server;

/// <summary>
/// The API's documents, each from the producer the CLI prints with (<see cref="BoardDocument"/>, <see cref="Csv"/>),
/// read from the store per request and kept per store version (<see cref="DocumentCache"/>).
/// </summary>
public sealed class Documents(StoreGate gate, ServeSettings settings, DocumentCache cache, ThesisDefinition thesis,
    SignalKinds kinds, ServedClaims claims)
{
    /// <summary>The first week of the readiness history unless asked (as <c>board --history</c>).</summary>
    public static readonly DateOnly HistoryStart = new(2018, 1, 1);

    /// <summary><c>board --json [--as-of]</c>.</summary>
    public Task<ApiDocument> Board(DateOnly? asOf) =>
        cache.Get($"board {asOf:yyyy-MM-dd}", () =>
            Produce(store => new ApiDocument(200, ApiDocument.Json, BoardDocument.Text(Board(store, asOf)))));

    /// <summary>The board as CSV.</summary>
    public Task<ApiDocument> BoardCsv(DateOnly? asOf) =>
        cache.Get($"board.csv {asOf:yyyy-MM-dd}", () =>
            Produce(store => new ApiDocument(200, ApiDocument.Csv, Csv.Board(Board(store, asOf)))));

    /// <summary><c>data status --json</c>.</summary>
    public Task<ApiDocument> DataStatus() =>
        cache.Get("data status", () => Produce(store =>
            new ApiDocument(200, ApiDocument.Json,
                ApiJson.Text(DataStatusDocument.Json(store, store.Status(), settings.ReleaseLags)))));

    /// <summary><c>board --compare SINCE --json [--as-of]</c>.</summary>
    public Task<ApiDocument> Compare(DateOnly since, DateOnly? asOf) =>
        cache.Get($"compare {since:yyyy-MM-dd} {asOf:yyyy-MM-dd}", () => Produce(store =>
        {
            var (comparison, chosen) = BoardDocument.Compare(store, Data(store), thesis, since, asOf, kinds,
                settings.Boards is { } boards ? boards.Compare : null);
            return new ApiDocument(200, ApiDocument.Json,
                ApiJson.Text(comparison.Json(BoardDocument.ThesisInfo(thesis, settings.ThesisFile), chosen)));
        }));

    /// <summary>
    /// <c>board --compare last --json</c> without recording: the board now against the last run's (the file's time is
    /// part of the key: a cron job may record a run while the store stays as it was).
    /// </summary>
    public Task<ApiDocument> CompareWithLastRun()
    {
        var file = LastRun.FileOf(settings.StorePath, thesis.Name);
        return cache.Get($"compare last {File.GetLastWriteTimeUtc(file).Ticks}", () => Produce(store =>
            Json(LastRun.Compare(store, Data(store), thesis, settings.ThesisFile, file, kinds, Elsewhere).Json())));
    }

    /// <summary>
    /// The board with weights or thresholds changed (<see cref="WhatIfDocument"/>): rescored from the board's readings,
    /// kept per query.
    /// </summary>
    public Task<ApiDocument> WhatIf(DateOnly? asOf, IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var pairs = query.Select(p => KeyValuePair.Create(p.Key, p.Value.Select(v => v ?? "").ToArray()))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var key = "what-if " + string.Join('&', pairs.Select(p => p.Key + "=" + string.Join(',', p.Value)));
        return cache.Get(key, () => Produce(store => Json(WhatIfDocument.Json(WhatIfDocument.Evaluate(store,
            Data(store), thesis, asOf, kinds, WhatIfDocument.Read(pairs, "as_of"), Elsewhere), settings.ThesisFile))));
    }

    /// <summary><c>board --history --json [--from] [--to]</c>.</summary>
    public Task<ApiDocument> History(DateOnly? from, DateOnly? to, bool csv) =>
        cache.Get($"history{(csv ? ".csv" : "")} {from:yyyy-MM-dd} {to:yyyy-MM-dd}", () => Produce(store =>
        {
            var data = Data(store);
            var start = from ?? HistoryStart;
            var end = to ?? ThesisDates.Latest(store, data, thesis, kinds).Date;
            if (start > end) return ApiDocument.Error(400, "from is after to");
            var points = settings.Boards?.History(data, thesis, start, end, Frequency.Weekly)
                ?? ThesisBoard.History(thesis, data, start, end, kinds);
            return csv
                ? new ApiDocument(200, ApiDocument.Csv, Csv.History(thesis, points))
                : new ApiDocument(200, ApiDocument.Json,
                    ApiJson.Text(BoardDocument.History(thesis, settings.ThesisFile, start, end, points)));
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
            var figures = SignalCharts.Draw(thesis with { Signals = [spec] }, kinds, new AsOfMarketData(data, date),
                date, date.AddYears(-3), notes);
            return Charts(date, figures, notes, id);
        }));

    /// <summary><c>altseason --json</c> with the query's options.</summary>
    public Task<ApiDocument> Altseason(AltseasonQuery query) =>
        cache.Get("altseason " + System.Text.Json.JsonSerializer.Serialize(query), () => Produce(store =>
            Json(AltseasonAnswer.Of(store, query).Json())));

    /// <summary><c>macro --json [--as-of] [--weeks]</c>.</summary>
    public Task<ApiDocument> Macro(DateOnly? asOf, int weeks) =>
        cache.Get($"macro {asOf:yyyy-MM-dd} {weeks}", () => Produce(store =>
            Json(MacroAnswer.Of(store, settings.ReleaseLags, asOf, weeks).Json())));

    /// <summary><c>flows --json [--as-of] [--window] [--into] [--out-of]</c>.</summary>
    public Task<ApiDocument> Flows(DateOnly? asOf, int window, string into, string outOf) =>
        cache.Get($"flows {asOf:yyyy-MM-dd} {window} {into} {outOf}", () => Produce(store =>
            Json(FlowsAnswer.Of(store, settings.ReleaseLags, asOf, window, into, outOf).Json())));

    /// <summary><c>check FILE --json</c> on the claims file served (<see cref="ServedClaims"/>).</summary>
    public Task<ApiDocument> Check() =>
        cache.Get("check", () => claims.Set is not { } set
            ? ApiDocument.Error(404,
                $"no claims to check: the thesis {thesis.Name} declares no claims file; start serve with --claims FILE")
            : Produce(store => Json(ClaimsCheck.Run(claims.File!, set, Data(store)).Json())));

    /// <summary>
    /// The report's Altcoin Season chart (<see cref="AltSeasonChart"/>) of the query's index, from
    /// <c>from</c> (default: three years before the as-of date) to the as-of date, with the published readings.
    /// </summary>
    public Task<ApiDocument> AltseasonChart(AltseasonQuery query) =>
        cache.Get("altseason chart " + System.Text.Json.JsonSerializer.Serialize(query), () => Produce(store =>
        {
            var asked = query;
            if (asked.From is null && asked.To is null)
            {
                var date = asked.AsOf ?? AltseasonAnswer.Of(store, asked).Reading.Date;
                asked = asked with { AsOf = date, From = date.AddYears(-3), To = date };
            }
            var answer = AltseasonAnswer.Of(store, asked);
            var p = answer.Reading.Parameters;
            return Charts(answer.Reading.Date,
                [Figure.Of(AltSeasonChart.Draw([($"top {p.TopCount}, {p.WindowDays} days", answer.History!)],
                    [answer.Published]))], []);
        }));

    /// <summary>The report's chart of the fed funds rate and net liquidity
    /// (<see cref="FedAndLiquidityChart"/>).</summary>
    public Task<ApiDocument> MacroChart(DateOnly? asOf) =>
        cache.Get($"macro chart {asOf:yyyy-MM-dd}", () => Produce(store =>
        {
            var answer = MacroAnswer.Of(store, settings.ReleaseLags, asOf, 0);
            return Charts(answer.Date,
                [Figure.Of(FedAndLiquidityChart.Draw(answer.Rate, answer.Liquidity, answer.Date))], []);
        }));

    /// <summary>The report's chart of daily ETF flows and their rolling sums
    /// (<see cref="FlowRotationChart"/>).</summary>
    public Task<ApiDocument> FlowsChart(DateOnly? asOf, string into, string outOf) =>
        cache.Get($"flows chart {asOf:yyyy-MM-dd} {into} {outOf}", () => Produce(store =>
        {
            var answer = FlowsAnswer.Of(store, settings.ReleaseLags, asOf, FlowsAnswer.DefaultWindow, into, outOf);
            return Charts(answer.Date,
                [Figure.Of(FlowRotationChart.Draw(answer.Histories[1], answer.Histories[0], answer.Date))], []);
        }));

    /// <summary>Charts as plotly.js figures (<c>{data, layout}</c>), with notes on charts that could not be
    /// drawn.</summary>
    private static ApiDocument Charts(DateOnly asOf, IEnumerable<Figure> figures, IReadOnlyList<string> notes,
        string? id = null)
    {
        var json = new JsonObject();
        if (id is not null) json["id"] = id;
        json["as_of"] = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        json["figures"] = new JsonArray([.. figures.Select(f => JsonNode.Parse(f.ToJson()))]);
        json["notes"] = new JsonArray([.. notes.Select(n => (JsonNode?)JsonValue.Create(n))]);
        return new ApiDocument(200, ApiDocument.Json, json.ToJsonString(ApiJson.Options) + "\n");
    }

    private static ApiDocument Json(object document) => new(200, ApiDocument.Json, ApiJson.Text(document));

    private BoardJson Board(BellwetherStore store, DateOnly? asOf) =>
        BoardDocument.Of(store, Data(store), thesis, settings.ThesisFile, asOf, kinds, Elsewhere);

    /// <summary>The thesis file's board evaluated elsewhere (<c>serve --cluster</c>); null: in this process.</summary>
    private Func<IMarketData, ThesisDefinition, DateOnly, BoardResult>? Elsewhere =>
        settings.Boards is { } boards ? boards.Board : null;

    private StoreMarketData Data(BellwetherStore store) => new(store, settings.ReleaseLags);

    /// <summary>
    /// Reads the store for one document. What the data cannot answer is a document too (404, 422), kept like any
    /// other; a missing or busy store, or a cluster that cannot answer now, throws and nothing is kept.
    /// </summary>
    private ApiDocument Produce(Func<BellwetherStore, ApiDocument> read)
    {
        try
        {
            return gate.Read(read);
        }
        catch (QueryException e)
        {
            return ApiDocument.Error(400, e.Message);
        }
        catch (InvalidDataException e)
        {
            return ApiDocument.Error(422, e.Message);
        }
        catch (KeyNotFoundException e)
        {
            return ApiDocument.Error(404, e.Message);
        }
        catch (Exception e) when (e is NotMeasurableException or InvalidOperationException or ArgumentException
            && e is not BoardsUnavailableException)
        {
            return ApiDocument.Error(422, e.Message);
        }
    }
}

/// <summary>The claims file the claim check reads, loaded (and checked) when the server starts; both null when
/// none.</summary>
public sealed record ServedClaims(string? File, Core.Claims.ClaimSet? Set);
