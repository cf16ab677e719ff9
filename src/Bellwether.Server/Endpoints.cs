using Bellwether.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Bellwether.Server;

/// <summary>The routes: the JSON and CSV API under /api, the event stream, the pages and their assets.</summary>
internal static class Endpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/board", (string? as_of, Documents documents) =>
                Dated(as_of, "as_of", date => ServerApp.Send(() => documents.Board(date))))
            .WithSummary("The board as of a date: exactly what `bellwether board --json [--as-of]` prints.");
        api.MapGet("/board.csv", (string? as_of, Documents documents) =>
                Dated(as_of, "as_of", date => ServerApp.Send(() => documents.BoardCsv(date))))
            .WithSummary("The board as CSV: one row per signal, with its part in readiness.");
        api.MapGet("/board/compare", (string? since, string? as_of, Documents documents) =>
            {
                if (since is null) return Task.FromResult(
                    BadRequest($"since: a date is needed (yyyy-MM-dd), or '{LastRun.Keyword}'"));
                if (since == LastRun.Keyword)
                    return as_of is null ? ServerApp.Send(documents.CompareWithLastRun)
                        : Task.FromResult(
                            BadRequest($"as_of: since={LastRun.Keyword} compares the latest board; leave out as_of"));
                return Dated(since, "since", before =>
                    Dated(as_of, "as_of", date => ServerApp.Send(() => documents.Compare(before!.Value, date))));
            })
            .WithSummary(
                "What changed since a date, or since=last: since the last `board --compare last` run (read only, " +
                "nothing recorded): exactly what `bellwether board --compare SINCE --json [--as-of]` prints.");
        api.MapGet("/board/what-if", (string? as_of, HttpContext context, Documents documents) =>
                Dated(as_of, "as_of", date => ServerApp.Send(() => documents.WhatIf(date, context.Request.Query))))
            .WithSummary("What if: the board with signals' weights (weight.SIGNAL=X) or their rules' thresholds "
                + "(threshold.SIGNAL.supports|against.FIELD=X) changed, beside the board of the thesis file. "
                + "Nothing is written.");
        api.MapGet("/board/history", (string? from, string? to, Documents documents) =>
            History(from, to, documents, csv: false))
            .WithSummary("Weekly readiness: exactly what `bellwether board --history --json [--from] [--to]` prints.");
        api.MapGet("/board/history.csv", (string? from, string? to, Documents documents) =>
            History(from, to, documents, csv: true))
            .WithSummary("Weekly readiness as CSV: readiness, weight counted and each signal's state.");
        api.MapGet("/data/status", (Documents documents) => ServerApp.Send(documents.DataStatus))
            .WithSummary("What the store holds: exactly what `bellwether data status --json` prints.");
        api.MapGet("/signal/{id}/chart", (string id, string? as_of, Documents documents) =>
                Dated(as_of, "as_of", date => ServerApp.Send(() => documents.SignalChart(id, date))))
            .WithSummary(
                "The report's chart of one signal as plotly.js figures ({data, layout}), with notes on charts that " +
                "could not be drawn.");
        api.MapGet($"/{AltseasonQuery.Name}", ([AsParameters] AltseasonArguments query, Documents documents) =>
                ServerApp.Send(() => documents.Altseason(query.Read())))
            .WithSummary(
                "The Altcoin Season Index: exactly what `bellwether altseason --json` prints with the same options.");
        api.MapGet($"/{AltseasonQuery.Name}/chart", ([AsParameters] AltseasonArguments query, Documents documents) =>
                ServerApp.Send(() => documents.AltseasonChart(query.Read())))
            .WithSummary(
                "The report's Altcoin Season chart as plotly.js figures: the index from `from` (default: three years " +
                "before the as-of date) to the as-of date, with published readings.");
        api.MapGet("/check", (Documents documents) => ServerApp.Send(documents.Check))
            .WithSummary(
                "The claims file checked: exactly what `bellwether check FILE --json` prints (FILE: serve's " +
                "--claims, else the thesis's).");
        api.MapGet("/macro", (string? as_of, string? weeks, Documents documents) =>
                ServerApp.Send(() => documents.Macro(QueryValues.Date(as_of, "as_of"),
                    QueryValues.Integer(weeks, "weeks", MacroAnswer.DefaultWeeks))))
            .WithSummary(
                "Fed funds path, net liquidity and M2: exactly what `bellwether macro --json [--as-of] [--weeks]` " +
                "prints.");
        api.MapGet("/macro/chart", (string? as_of, Documents documents) =>
                ServerApp.Send(() => documents.MacroChart(QueryValues.Date(as_of, "as_of"))))
            .WithSummary("The report's chart of the fed funds rate and net liquidity as plotly.js figures.");
        api.MapGet("/flows/chart", (string? as_of, string? into, string? out_of, Documents documents) =>
                ServerApp.Send(() => documents.FlowsChart(QueryValues.Date(as_of, "as_of"),
                    string.IsNullOrEmpty(into) ? FlowsAnswer.DefaultInto : into,
                    string.IsNullOrEmpty(out_of) ? FlowsAnswer.DefaultOutOf : out_of)))
            .WithSummary("The report's chart of daily spot ETF flows and their rolling sums as plotly.js figures.");
        api.MapGet("/flows", (string? as_of, string? window, string? into, string? out_of, Documents documents) =>
                ServerApp.Send(() => documents.Flows(QueryValues.Date(as_of, "as_of"),
                    QueryValues.Integer(window, "window", FlowsAnswer.DefaultWindow),
                    string.IsNullOrEmpty(into) ? FlowsAnswer.DefaultInto : into,
                    string.IsNullOrEmpty(out_of) ? FlowsAnswer.DefaultOutOf : out_of)))
            .WithSummary(
                "Spot ETF flows and rotation: exactly what `bellwether flows --json [--as-of] [--window] [--into] " +
                "[--out-of]` prints.");
        api.MapGet("/events", (StoreEvents events, IHostApplicationLifetime lifetime, HttpContext context) =>
            {
                // A stream ends with the client or the server: shutting down must not wait for browsers to leave.
                var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted,
                    lifetime.ApplicationStopping);
                context.Response.RegisterForDispose(end);
                return TypedResults.ServerSentEvents(events.Stream(end.Token));
            })
            .WithSummary(
                "Server-sent events: `store` (data: version, seen_at) at once and on every change of the store; " +
                "`heartbeat`.");
        Pages.Map(app);
    }

    private static Task<IResult> Dated(string? text, string name, Func<DateOnly?, Task<IResult>> then) =>
        ServerApp.TryDate(text, out var date)
            ? then(date)
            : Task.FromResult(BadRequest($"{name}: '{text}' is not a date (expected yyyy-MM-dd)"));

    private static Task<IResult> History(string? from, string? to, Documents documents, bool csv)
    {
        if (!ServerApp.TryDate(from,
            out var start)) return Task.FromResult(BadRequest($"from: '{from}' is not a date (expected yyyy-MM-dd)"));
        if (!ServerApp.TryDate(to,
            out var end)) return Task.FromResult(BadRequest($"to: '{to}' is not a date (expected yyyy-MM-dd)"));
        return ServerApp.Send(() => documents.History(start, end, csv));
    }

    private static IResult BadRequest(string message)
    {
        var error = ApiDocument.Error(400, message);
        return Results.Text(error.Body, error.ContentType, System.Text.Encoding.UTF8, error.Status);
    }
}

/// <summary>The query of <c>GET /api/altseason</c>: <c>altseason</c>'s options in snake case.</summary>
internal sealed class AltseasonArguments
{
    [FromQuery(Name = "as_of")] public string? AsOf { get; init; }

    [FromQuery(Name = "window")] public string? Window { get; init; }

    [FromQuery(Name = "top")] public string? Top { get; init; }

    [FromQuery(Name = "from")] public string? From { get; init; }

    [FromQuery(Name = "to")] public string? To { get; init; }

    /// <summary>Ranking lists in order, comma-separated.</summary>
    [FromQuery(Name = "rankings")] public string? Rankings { get; init; }

    /// <summary><c>latest</c> or <c>priority</c>.</summary>
    [FromQuery(Name = "ranking_mode")] public string? RankingMode { get; init; }

    [FromQuery(Name = "min_coverage")] public string? MinCoverage { get; init; }

    [FromQuery(Name = "max_ranking_age")] public string? MaxRankingAge { get; init; }

    [FromQuery(Name = "exclude")] public string? Exclude { get; init; }

    [FromQuery(Name = "include")] public string? Include { get; init; }

    /// <summary>RANKSYM=SERIES, repeatable.</summary>
    [FromQuery(Name = "alias")] public string[]? Alias { get; init; }

    /// <exception cref="QueryException">A value that is not a date or number.</exception>
    public AltseasonQuery Read()
    {
        var defaults = new AltseasonQuery();
        return new AltseasonQuery
        {
            AsOf = QueryValues.Date(AsOf, "as_of"), Window = QueryValues.Integer(Window, "window", defaults.Window),
            Top = QueryValues.Integer(Top, "top", defaults.Top), From = QueryValues.Date(From, "from"),
            To = QueryValues.Date(To, "to"), Rankings = AltseasonQuery.List(Rankings),
            RankingMode = QueryValues.Choice(RankingMode, "ranking_mode", defaults.RankingMode),
            MinCoverage = QueryValues.Number(MinCoverage, "min_coverage", defaults.MinCoverage),
            MaxRankingAge = QueryValues.Integer(MaxRankingAge, "max_ranking_age", defaults.MaxRankingAge),
            Exclude = AltseasonQuery.List(Exclude), Include = AltseasonQuery.List(Include), Alias = Alias ?? [],
        };
    }
}
