namespace Bellwether.Core.Board;

/// <summary>A statistic or detector a thesis can use as a signal.</summary>
public interface ISignalKind
{
    /// <summary>The name a thesis file uses in <c>kind:</c>.</summary>
    string Name { get; }

    /// <summary>One line for documentation.</summary>
    string Description { get; }

    /// <summary>The parameters it accepts (others are an error in the thesis file).</summary>
    IReadOnlyList<string> Parameters { get; }

    /// <summary>Measures the signal as of <paramref name="asOf"/> from data already cut at that date.</summary>
    SignalReading Read(SignalSpec spec, IMarketData data, DateOnly asOf);
}

/// <summary>The signal kinds a thesis may name.</summary>
public sealed class SignalKinds
{
    private readonly Dictionary<string, ISignalKind> _kinds = new(StringComparer.OrdinalIgnoreCase);

    public SignalKinds(IEnumerable<ISignalKind> kinds)
    {
        foreach (var k in kinds) _kinds.Add(k.Name, k);
    }

    public IEnumerable<ISignalKind> All => _kinds.Values;

    /// <summary>The kind called <paramref name="name"/>, or null.</summary>
    public ISignalKind? Find(string name) => _kinds.GetValueOrDefault(name);

    /// <summary>Checks every signal of <paramref name="thesis"/> names a known kind with known parameters.</summary>
    /// <exception cref="ThesisException">Naming the signal's line and the problem.</exception>
    public void Validate(ThesisDefinition thesis)
    {
        foreach (var s in thesis.Signals)
        {
            var kind = Find(s.Kind) ?? throw new ThesisException(s.Line, $"signal '{s.Id}': unknown kind '{s.Kind}'; known kinds: {string.Join(", ", _kinds.Keys.Order())}");
            var unknown = s.Parameters.Keys.FirstOrDefault(p => !kind.Parameters.Contains(p));
            if (unknown is not null)
                throw new ThesisException(s.Line, $"signal '{s.Id}': kind '{kind.Name}' has no parameter '{unknown}'; it takes: {string.Join(", ", kind.Parameters)}");
        }
    }
}
