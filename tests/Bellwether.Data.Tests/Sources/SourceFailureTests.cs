using Bellwether.Data.Sources;
using Bellwether.TestSupport.Sources;
using Xunit;

namespace Bellwether.Data.Tests.Sources;

/// <summary>
/// Every source against each way a public API fails. The failure hits the second request where the history comes in
/// pages (so one page has already arrived), else the first. After a failure the store holds nothing of the instrument;
/// a re-run completes it.
/// </summary>
public sealed class SourceFailureTests : IDisposable
{
    private readonly SourceTestBed _bed = new();
    public void Dispose() => _bed.Dispose();

    public static TheoryData<string> Sources => [.. Fakes.Names];

    private static int FailingRequest(ApiFake fake) => fake.Paginates ? 2 : 1;

    private static ApiFake Start(string name)
    {
        var fake = Fakes.Create(name);
        fake.Now = fake.LatestNow;
        return fake;
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_429_with_Retry_After_is_waited_out_and_retried(string name)
    {
        using var fake = Start(name);
        int k = FailingRequest(fake);
        fake.Server.Inject((n, _) => n == k ? Reply.Text("Too Many Requests", 429).With("Retry-After", "1") : null);
        var outcome = _bed.Run(fake);
        Assert.Equal(FetchStatus.Updated, outcome.Status);
        Assert.Contains(outcome.Notes, n => n.Contains("HTTP 429") && n.Contains("after 1.0 s"));
        _bed.With(fake.AssertStored);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_500_then_success_is_retried(string name)
    {
        using var fake = Start(name);
        int k = FailingRequest(fake);
        fake.Server.Inject((n, _) => n == k ? Reply.Text("<html><body>502 Bad Gateway</body></html>", 500, "text/html") : null);
        var outcome = _bed.Run(fake);
        Assert.Equal(FetchStatus.Updated, outcome.Status);
        Assert.Contains(outcome.Notes, n => n.Contains("HTTP 500"));
        _bed.With(fake.AssertStored);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_418_ban_fails_at_once_without_retrying(string name)
    {
        using var fake = Start(name);
        int k = FailingRequest(fake);
        fake.Server.Inject((n, _) => n >= k ? Reply.Json("{\"code\":-1003,\"msg\":\"Way too many requests; IP banned until 1767225600000.\"}", 418).With("Retry-After", "7200") : null);
        var outcome = FailsLeavingNothing(fake, SourceFailure.Banned);
        Assert.Equal(k, fake.Server.Requests.Count);
        Assert.Contains("7200 s", outcome.Error);
        RerunCompletes(fake);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_server_that_never_answers_times_out(string name)
    {
        using var fake = Start(name);
        int k = FailingRequest(fake);
        fake.Server.Inject((n, r) => n >= k ? Reply.Text("late", 200) with { Delay = TimeSpan.FromSeconds(2) } : null);
        FailsLeavingNothing(fake, SourceFailure.Timeout, fake.Settings() with { AttemptTimeout = TimeSpan.FromMilliseconds(300) });
        Assert.Equal(k + 2, fake.Server.Requests.Count); // the first attempt and two retries
        RerunCompletes(fake);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_truncated_body_is_retried_then_reported(string name)
    {
        using var fake = Start(name);
        int k = FailingRequest(fake);
        fake.Server.Inject((n, r) => n >= k ? fake.Truncated(r) : null);
        var outcome = FailsLeavingNothing(fake, SourceFailure.BadResponse);
        Assert.Contains("cut off", outcome.Error);
        RerunCompletes(fake);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_malformed_body_is_reported_and_stores_nothing(string name)
    {
        using var fake = Start(name);
        int k = FailingRequest(fake);
        fake.Server.Inject((n, _) => n >= k ? fake.Malformed() : null);
        FailsLeavingNothing(fake, SourceFailure.BadResponse);
        RerunCompletes(fake);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_failure_during_an_incremental_update_keeps_what_was_stored(string name)
    {
        using var fake = Start(name);
        fake.Now = fake.LatestNow.AddDays(-14);
        _bed.Run(fake);
        var before = _bed.Fingerprint();
        fake.Now = fake.LatestNow;
        fake.Server.Inject((_, _) => Reply.Text("Service Unavailable", 503));
        var outcome = _bed.Run(fake);
        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains("HTTP 503", outcome.Error);
        Assert.Equal(before, _bed.Fingerprint());
        RerunCompletes(fake);
    }

    private InstrumentOutcome FailsLeavingNothing(ApiFake fake, SourceFailure failure, SourceSettings? settings = null)
    {
        var before = _bed.Fingerprint();
        var outcome = _bed.Run(fake, settings);
        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal(failure, outcome.Failure);
        Assert.StartsWith(fake.Source, outcome.Error);
        Assert.Equal(before, _bed.Fingerprint());
        var update = Assert.Single(_bed.With(s => s.SourceUpdates()));
        Assert.Equal(outcome.Error, update.LastError);
        Assert.Null(update.LastSuccess);
        return outcome;
    }

    private void RerunCompletes(ApiFake fake)
    {
        fake.Server.ClearInjection();
        var outcome = _bed.Run(fake);
        Assert.Equal(FetchStatus.Updated, outcome.Status);
        _bed.With(fake.AssertStored);
        Assert.Equal(0, _bed.Duplicates());
    }
}
