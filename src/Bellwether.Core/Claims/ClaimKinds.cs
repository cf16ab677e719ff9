using Bellwether.Core.Board;
using Bellwether.Core.Measurements;

namespace Bellwether.Core.Claims;

/// <summary>The claim kinds a claims file may name.</summary>
public sealed class ClaimKinds
{
    private readonly Dictionary<string, IClaimKind> _kinds = new(StringComparer.OrdinalIgnoreCase);

    private readonly List<IClaimKind> _all = [];

    public ClaimKinds(IEnumerable<IClaimKind> kinds)
    {
        foreach (var k in kinds)
        {
            _all.Add(k);
            foreach (var name in k.Aliases.Prepend(k.Name)) _kinds.Add(name, k);
        }
    }

    /// <summary>Every kind once, in registration order.</summary>
    public IEnumerable<IClaimKind> All => _all;

    /// <summary>The kind called <paramref name="name"/> (its name or an alias), or null.</summary>
    public IClaimKind? Find(string name) => _kinds.GetValueOrDefault(name);

    /// <summary>Checks that <paramref name="claim"/> names a known kind with known, valid parameters.</summary>
    /// <exception cref="ThesisException">Naming the claim's line and the problem.</exception>
    public IClaimKind Validate(ClaimDefinition claim)
    {
        var kind = Find(claim.Kind)
            ?? throw claim.Problem(
                $"unknown kind '{claim.Kind}'; known kinds: {string.Join(", ", _all.Select(k => k.Name).Order())}");
        var unknown = claim.Unknown(kind.Parameters);
        if (unknown is not null)
            throw claim.Problem($"kind '{kind.Name}' has no parameter '{unknown}'; " +
                                $"it takes: {string.Join(", ", kind.Parameters.Select(p => p.Name))}");
        kind.Validate(claim);
        return kind;
    }
}
