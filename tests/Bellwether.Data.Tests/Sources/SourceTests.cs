using Bellwether.Data.Sources;
using Bellwether.TestSupport.Sources;
using Xunit;

namespace Bellwether.Data.Tests.Sources;

/// <summary>What the source test classes share: a test bed per test, the fakes by name, and fakes set to their latest clock.</summary>
public abstract class SourceTests : IDisposable
{
    protected SourceTestBed Bed { get; } = new();
    public void Dispose()
    {
        Bed.Dispose();
        GC.SuppressFinalize(this);
    }

    public static TheoryData<string> Sources => [.. Fakes.Names];

    /// <summary>The fake named <paramref name="name"/> at its <see cref="ApiFake.LatestNow"/>.</summary>
    protected ApiFake Start(string name) => Start(Fakes.Create(name));

    /// <summary><paramref name="fake"/> at its <see cref="ApiFake.LatestNow"/>, its delayed replies on the bed's clock.</summary>
    protected T Start<T>(T fake) where T : ApiFake
    {
        fake.Now = fake.LatestNow;
        fake.Server.Clock = Bed.Clock;
        return fake;
    }

    /// <summary>Asserts the outcome failed as <paramref name="failure"/> with an error naming each of <paramref name="mentions"/>.</summary>
    protected static void AssertFailed(InstrumentOutcome outcome, SourceFailure failure, params string[] mentions)
    {
        Assert.Equal(failure, outcome.Failure);
        foreach (var text in mentions) Assert.Contains(text, outcome.Error);
    }

    /// <summary>Runs the fake's source with a key it refuses: a key failure whose message and store never show the key.</summary>
    protected InstrumentOutcome RunWithWrongKey(ApiFake fake, string wrong)
    {
        var outcome = Bed.Run(fake, fake.Settings() with { ApiKey = wrong });
        Assert.Equal(SourceFailure.KeyInvalid, outcome.Failure);
        Assert.DoesNotContain(wrong, outcome.Error);
        Assert.DoesNotContain(wrong, Bed.Dump());
        return outcome;
    }
}
