using Bellwether.Data.Sources;
using Bellwether.TestSupport.Sources;
using Xunit;

namespace Bellwether.Data.Tests.Sources;

/// <summary>
/// Every source against each way a public API fails. The failure hits the second request where the history comes in
/// pages (so one page has already arrived), else the first. After a failure the store holds nothing of the instrument;
/// a re-run completes it.
/// </summary>
public sealed class SourceFailureTests : SourceTests
{
    /// <summary>
    /// Makes the failing request (the second where the history comes in pages, else the first) get <paramref name="reply"/>,
    /// and every later one too unless <paramref name="once"/>; returns its number.
    /// </summary>
    private static int FailAt(ApiFake fake, Func<ServedRequest, Reply> reply, bool once = false)
    {
        int k = fake.Paginates ? 2 : 1;
        fake.Server.Inject((n, r) => n == k || (n > k && !once) ? reply(r) : null);
        return k;
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_429_with_Retry_After_is_waited_out_and_retried(string name)
    {
        using var fake = Start(name);
        FailAt(fake, _ => Reply.Text("Too Many Requests", 429).With("Retry-After", "1"), once: true);
        var outcome = Bed.Run(fake);
        Assert.Equal(FetchStatus.Updated, outcome.Status);
        Assert.Contains(outcome.Notes, n => n.Contains("HTTP 429") && n.Contains("after 1.0 s"));
        Bed.With(fake.AssertStored);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_500_then_success_is_retried(string name)
    {
        using var fake = Start(name);
        FailAt(fake, _ => Reply.Text("<html><body>502 Bad Gateway</body></html>", 500, "text/html"), once: true);
        var outcome = Bed.Run(fake);
        Assert.Equal(FetchStatus.Updated, outcome.Status);
        Assert.Contains(outcome.Notes, n => n.Contains("HTTP 500"));
        Bed.With(fake.AssertStored);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_418_ban_fails_at_once_without_retrying(string name)
    {
        using var fake = Start(name);
        int k = FailAt(fake, _ => Reply.Json("{\"code\":-1003,\"msg\":\"Way too many requests; IP banned until 1767225600000.\"}", 418).With("Retry-After", "7200"));
        var outcome = FailsLeavingNothing(fake, SourceFailure.Banned);
        Assert.Equal(k, fake.Server.Requests.Count);
        Assert.Contains("7200 s", outcome.Error);
        RerunCompletes(fake);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_server_that_never_answers_times_out(string name)
    {
        using var fake = Start(name);
        int k = FailAt(fake, _ => Reply.Text("late", 200) with { Delay = TimeSpan.FromHours(1) });
        FailsLeavingNothing(fake, SourceFailure.Timeout);
        Assert.Equal(k + 2, fake.Server.Requests.Count); // the first attempt and two retries
        RerunCompletes(fake);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_truncated_body_is_retried_then_reported(string name)
    {
        using var fake = Start(name);
        FailAt(fake, fake.Truncated);
        var outcome = FailsLeavingNothing(fake, SourceFailure.BadResponse);
        Assert.Contains("cut off", outcome.Error);
        RerunCompletes(fake);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_malformed_body_is_reported_and_stores_nothing(string name)
    {
        using var fake = Start(name);
        FailAt(fake, _ => fake.Malformed());
        FailsLeavingNothing(fake, SourceFailure.BadResponse);
        RerunCompletes(fake);
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_failure_during_an_incremental_update_keeps_what_was_stored(string name)
    {
        using var fake = Start(name);
        fake.Now = fake.LatestNow.AddDays(-14);
        Bed.Run(fake);
        var before = Bed.Fingerprint();
        fake.Now = fake.LatestNow;
        fake.Server.Inject((_, _) => Reply.Text("Service Unavailable", 503));
        var outcome = Bed.Run(fake);
        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Contains("HTTP 503", outcome.Error);
        Assert.Equal(before, Bed.Fingerprint());
        RerunCompletes(fake);
    }

    private InstrumentOutcome FailsLeavingNothing(ApiFake fake, SourceFailure failure, SourceSettings? settings = null)
    {
        var before = Bed.Fingerprint();
        var outcome = Bed.Run(fake, settings);
        Assert.Equal(FetchStatus.Failed, outcome.Status);
        Assert.Equal(failure, outcome.Failure);
        Assert.StartsWith(fake.Source, outcome.Error);
        Assert.Equal(before, Bed.Fingerprint());
        var update = Assert.Single(Bed.With(s => s.SourceUpdates()));
        Assert.Equal(outcome.Error, update.LastError);
        Assert.Null(update.LastSuccess);
        return outcome;
    }

    private void RerunCompletes(ApiFake fake)
    {
        fake.Server.ClearInjection();
        var outcome = Bed.Run(fake);
        Assert.True(outcome.Status == FetchStatus.Updated, $"rerun {outcome.Status}: {outcome.Error}");
        Bed.With(fake.AssertStored);
        Assert.Equal(0, Bed.Duplicates());
    }
}
