using Bellwether.Core.Instruments;
using Bellwether.Core.Text;

namespace Bellwether.Data.Store;

/// <summary>An id the store does not hold; the message names the closest stored ids.</summary>
public sealed class UnknownIdException(string id, string message) : KeyNotFoundException(message)
{
    /// <summary>The id as it was asked for.</summary>
    public string Id { get; } = id;
}

public sealed partial class BellwetherStore
{
    /// <summary>The error for an instrument id that is not stored, naming the closest stored ids.</summary>
    public UnknownIdException UnknownInstrument(string id) =>
        Unknown(id, "instrument", Instruments().Where(i => i.Class != AssetClass.EtfFlows));

    /// <summary>The error for a flow table that is not stored, naming the closest stored flow tables.</summary>
    public UnknownIdException UnknownFlowTable(string id) =>
        Unknown(id, "flow table", Instruments().Where(i => i.Class == AssetClass.EtfFlows));

    private static UnknownIdException Unknown(string id, string what, IEnumerable<Instrument> candidates)
    {
        // A qualified id typed (CRYPTO:ETHH) is compared with qualified ids, a short one with the ids shown.
        bool qualified = InstrumentIds.ClassOf(id) is not null;
        var closest = ClosestNames.Find(id, candidates.Select(i => qualified ? i.QualifiedId : i.Id));
        var hint = closest.Count > 0 ? $"; closest stored ids: {string.Join(", ", closest)}" : "";
        return new UnknownIdException(id, $"no {what} '{id}' in the store{hint} (every id: 'bellwether data status')");
    }
}
