using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bellwether.Server.Tests.Alerts;

/// <summary>
/// A webhook receiver on 127.0.0.1, as a user would write one: it checks the signature (HMAC-SHA256 of
/// <c>TIMESTAMP.BODY</c>, computed here independently of Bellwether's code) and processes each idempotency key once.
/// It can fail the first requests, or hold the first one until released (to stop the sender meanwhile).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly byte[] _secret;
    private int _failuresLeft;
    private readonly ConcurrentQueue<Delivery> _received = new();
    private readonly ConcurrentDictionary<string, JsonElement> _processed = new(StringComparer.Ordinal);

    /// <summary>One request as it arrived.</summary>
    public sealed record Delivery(string Key, bool SignatureValid, long Timestamp, JsonElement Body);

    private WebhookReceiver(WebApplication app, string secret, int failFirst)
    {
        (_app, _secret, _failuresLeft) = (app, Encoding.UTF8.GetBytes(secret), failFirst);
    }

    /// <summary>Set while the receiver holds the first request: completed when it arrived.</summary>
    public TaskCompletionSource FirstArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Hold the first request until the test's cancellation (the sender is stopped meanwhile).</summary>
    public bool HoldFirst { get; init; }

    public string Url { get; private set; } = "";

    /// <summary>Every request, in arrival order, including failed and repeated ones.</summary>
    public IReadOnlyList<Delivery> Received => [.. _received];

    /// <summary>The notifications processed, once per key.</summary>
    public IReadOnlyDictionary<string, JsonElement> Processed => _processed;

    public static async Task<WebhookReceiver> Start(string secret, int failFirst = 0, bool holdFirst = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret, failFirst) { HoldFirst = holdFirst };
        app.MapPost("/hook", (Func<HttpContext, Task<IResult>>)receiver.Handle);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return receiver;
    }

    private async Task<IResult> Handle(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var timestamp = context.Request.Headers["Bellwether-Timestamp"].ToString();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(timestamp + "." + body)));
        bool valid = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(context.Request.Headers["Bellwether-Signature"].ToString()));
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var json = JsonDocument.Parse(body).RootElement.Clone();
        _received.Enqueue(new Delivery(key, valid, long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), json));
        if (!valid) return Results.StatusCode(401);
        if (HoldFirst && FirstArrived.TrySetResult())
        {
            // Processed on arrival, as a receiver that answers late would; the sender never hears back.
            _processed.TryAdd(key, json);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.StatusCode(500);
        }
        if (Interlocked.Decrement(ref _failuresLeft) >= 0) return Results.StatusCode(503);
        _processed.TryAdd(key, json);
        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
