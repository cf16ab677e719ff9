using Bellwether.Data.Sources;
using Bellwether.TestSupport.Sources;
using Xunit;

namespace Bellwether.Data.Tests.Sources;

/// <summary>What every source must do against a loopback server speaking its API, on real rows of the data folder.</summary>
public sealed class SourceContractTests : SourceTests
{
    [Theory, MemberData(nameof(Sources))]
    public void A_full_history_reads_back_equal_to_the_real_rows_without_the_unfinished_day(string name)
    {
        using var fake = Fakes.Create(name);
        fake.Now = fake.LatestNow;
        var outcome = Bed.Run(fake);
        Assert.Equal(FetchStatus.Updated, outcome.Status);
        Assert.Null(outcome.Error);
        Bed.With(fake.AssertStored);
        Assert.Equal(fake.LastFinished, outcome.LastDate);
        if (fake.Paginates) Assert.True(fake.Server.Requests.Count >= 2, $"{name}: {fake.Server.Requests.Count} request(s), expected pages");
        // The server sent the running day; it is not stored and the run says so.
        Assert.Contains(outcome.Notes, n => n.Contains("not stored", StringComparison.Ordinal) || n.Contains("not finished", StringComparison.Ordinal));
        Assert.Equal(0, Bed.Duplicates());
    }

    [Theory, MemberData(nameof(Sources))]
    public void An_incremental_update_asks_from_the_overlap_and_takes_the_revised_bar(string name)
    {
        using var fake = Fakes.Create(name);
        fake.Now = fake.LatestNow.AddDays(-14);
        var revised = fake.LastFinished;
        fake.Preliminary[revised] = 12345.5;
        Assert.Equal(FetchStatus.Updated, Bed.Run(fake).Status);
        Assert.Equal(12345.5, Bed.With(s => fake.StoredValueAt(s, revised)));

        fake.Preliminary.Clear();
        fake.Now = fake.LatestNow;
        int before = fake.Server.Requests.Count;
        var outcome = Bed.Run(fake);
        Assert.Equal(FetchStatus.Updated, outcome.Status);
        Assert.True(outcome.Updated >= 1, $"{name}: the revised row was not updated");
        Assert.True(outcome.Inserted >= 1);
        // A revision without a vintage moves earlier as-of readings: the run says so (a vintaged source keeps both).
        bool vintaged = Bed.With(s => s.VintageCounts()).Count > 0;
        Assert.Equal(!vintaged, outcome.Notes.Any(n => n.Contains("revised without a vintage", StringComparison.Ordinal)));
        Bed.With(fake.AssertStored);
        var first = fake.Server.Requests.Skip(before).First();
        if (fake.RequestedFrom(first) is { } from)
        {
            Assert.True(from <= revised, $"{name}: asked from {from}, after the revised day {revised}");
            Assert.True(from > fake.HistoryStart, $"{name}: asked for the whole history again");
        }
        Assert.Equal(0, Bed.Duplicates());
    }

    [Theory, MemberData(nameof(Sources))]
    public void A_second_run_with_nothing_new_changes_no_row(string name)
    {
        using var fake = Fakes.Create(name);
        fake.Now = fake.LatestNow;
        Bed.Run(fake);
        var before = Bed.Fingerprint();
        var outcome = Bed.Run(fake);
        Assert.Equal(FetchStatus.Unchanged, outcome.Status);
        Assert.Equal(before, Bed.Fingerprint());
        var update = Assert.Single(Bed.With(s => s.SourceUpdates()));
        Assert.Equal((fake.Id, fake.Source, fake.LastFinished), (update.Instrument, update.Source, update.LastDate));
        Assert.NotNull(update.LastSuccess);
        Assert.Null(update.LastError);
    }
}
