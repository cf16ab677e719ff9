using Bellwether.Core.Board;
using Bellwether.Core.Measurements;

namespace Bellwether.Core.Claims;

/// <summary>A kind of claim: what it measures and under which readings.</summary>
public interface IClaimKind
{
    /// <summary>The name a claims file uses in <c>kind:</c>, the same for the concept everywhere.</summary>
    string Name { get; }

    /// <summary>Older names that still work in claims files (documented aliases of <see cref="Name"/>).</summary>
    IReadOnlyList<string> Aliases => [];

    /// <summary>One line for documentation.</summary>
    string Description { get; }

    /// <summary>The parameters it accepts (others are an error in the claims file); a measurement's claim takes the
    /// measurement's parameters, where a list gives one reading per value.</summary>
    IReadOnlyList<MeasurementParameter> Parameters { get; }

    /// <summary>Checks the claim's parameter values and target form.</summary>
    /// <exception cref="ThesisException">Naming the claim's line and the problem.</exception>
    void Validate(ClaimDefinition claim);

    /// <summary>The claim's figure under every reading the kind knows.</summary>
    IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data);
}
