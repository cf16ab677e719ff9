using Bellwether.Core.Instruments;
using Bellwether.Core.Screening;
using Bellwether.Data.Store;

namespace Bellwether.Data.Market;

/// <summary>
/// The screen's universe of a store: every stored series with closes (all classes but flow tables), from
/// <c>since</c> on when given (a macro series reaching back to the 1950s would otherwise make every pair walk
/// seventy years of steps for a window of the last few months), and through <c>until</c> when given (a screen of an
/// instrument that ends before the store does ends where it does). A series without a close in that span is listed
/// as not screened.
/// </summary>
public static class StoreUniverse
{
    public static Screened Load(BellwetherStore store, DateOnly? since, DateOnly? until = null) =>
        ScreenUniverse.From(Enum.GetValues<AssetClass>().Where(c => c != AssetClass.EtfFlows)
            .SelectMany(store.LoadClosesOfClass).Select(s => s.Between(since, until)));
}
