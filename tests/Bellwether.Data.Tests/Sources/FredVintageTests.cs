using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Data.Market;
using Bellwether.Data.Sources;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport.Sources;
using Xunit;

namespace Bellwether.Data.Tests.Sources;

/// <summary>
/// FRED with a key: every vintage of an observation is stored with its <c>realtime_start</c>, a revision keeps the
/// earlier vintage, and an as-of date reads the vintage in force then. Real M2 rows, one revised.
/// </summary>
public sealed class FredVintageTests : SourceTests
{
    private static readonly DateOnly April = new(2025, 4, 1);
    private static readonly DateOnly Revised = new(2025, 9, 23);

    private const string M2Thesis = """
        name: M2 as published
        signals:
          - id: m2
            title: M2 below its peak
            kind: drawdown
            weight: 1
            params: { instrument: M2SL, by: close }
        """;

    private SignalResult Read(string date, bool releaseLags = true) => Bed.With(store =>
    {
        var thesis = ThesisFile.Read(M2Thesis, "test", Concepts.Signals);
        return ThesisBoard.Evaluate(thesis, new StoreMarketData(store, releaseLags), DateOnly.Parse(date), Concepts.Signals).Signals[0];
    });

    [Fact]
    public void A_revised_vintage_never_changes_an_earlier_as_of_result()
    {
        using var fake = Start(new FredFake("M2SL", key: Fakes.Key));
        Assert.Equal(FetchStatus.Updated, Bed.Run(fake).Status);
        var original = Bed.With(s => s.LoadSeries("M2SL")).Close[Bed.With(s => s.LoadSeries("M2SL")).IndexOf(April)];
        var (june, dayBefore) = (Read("2025-06-30"), Read("2025-09-22"));

        // A later H.6 revises April far above every other month, from 23 September.
        fake.Revisions[April] = (Revised, original + 500);
        Assert.Equal(FetchStatus.Updated, Bed.Run(fake, fake.Settings() with { OverlapDays = 400 }).Status);
        var stored = Bed.With(s => s.LoadVintages("M2SL"))!;
        Assert.Equal(stored.Count, Bed.With(s => s.VintageCounts())["MACRO:M2SL"]); // what data status --json shows
        var aprils = Enumerable.Range(0, stored.Count).Where(i => stored.Dates[i] == April).Select(i => (stored.Starts[i], stored.Values[i])).ToList();
        Assert.Equal([(new DateOnly(2025, 5, 27), original), (Revised, original + 500)], aprils);
        var m2 = Bed.With(s => s.LoadSeries("M2SL"));
        Assert.Equal(original + 500, m2.Close[m2.IndexOf(April)]); // the store's value is the latest vintage

        // As of any day before the revision's release the readings are what they were before the store knew of it.
        Assert.Equal(Describe(june), Describe(Read("2025-06-30")));
        Assert.Equal(Describe(dayBefore), Describe(Read("2025-09-22")));
        // From the revision on, April is the peak M2 is below (by more than 0.5%, a drawdown being a fraction); read by
        // observation date it was so all along.
        Assert.True(Read("2025-09-23").Value < -0.005);
        Assert.True(Read("2025-06-30", releaseLags: false).Value < -0.005);
        Assert.Equal(0, june.Value, 9);
        // Fetching the same vintages again changes nothing.
        var fingerprint = Bed.Fingerprint();
        Bed.Run(fake, fake.Settings() with { OverlapDays = 400 });
        Assert.Equal(fingerprint.Split(' ').Where(p => !p.StartsWith("imports", StringComparison.Ordinal)),
                     Bed.Fingerprint().Split(' ').Where(p => !p.StartsWith("imports", StringComparison.Ordinal)));
    }

    private static (double, string, DateOnly?, DateOnly?) Describe(SignalResult s) => (s.Value, s.Explanation, s.Inputs[0].LastDate, s.To);
}
