using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Data.Import;

namespace Bellwether.Data.Store;

/// <summary>
/// What an import may change of the instruments a store holds (docs/formats.md, "An import never changes what an
/// instrument is"). By default nothing: an import that would change a stored instrument's class, calendar, quote unit
/// or contract scale stops.
/// </summary>
/// <param name="Redefine">The file's definition replaces the stored one (a new class moves the instrument, rows and
/// all, to the new namespace); <c>import --redefine</c>.</param>
/// <param name="NewInstruments">A symbol stored under another class is stored beside it as an instrument of its own;
/// <c>import --new-instrument</c>.</param>
/// <param name="AddQuoteUnits">A crypto quote unit new to a stored coin is added to its units (<c>USD</c> + <c>USDT</c>
/// → <c>USD|USDT</c>), as <c>fetch</c> does.</param>
public sealed record InstrumentChanges(bool Redefine = false, bool NewInstruments = false, bool AddQuoteUnits = false)
{
    public static InstrumentChanges None { get; } = new();
}

/// <summary>
/// Instrument identity: qualified ids in the store, the ids shown and typed, and the import's identity rules.
/// </summary>
public sealed partial class BellwetherStore
{
    // Each instrument with the id it is shown under: its symbol, or its qualified id where another instrument shares
    // the symbol.
    private const string ShownInstruments = """
        (SELECT CASE WHEN count(*) OVER (PARTITION BY upper(symbol)) > 1 THEN id ELSE symbol END AS shown, id, symbol,
                class, quote_unit, contract_scale, calendar FROM instruments) AS i
        """;

    /// <summary>
    /// The instrument a qualified id (<c>INDEX:SPX</c>) or a short id (<c>SPX</c>) names, case-insensitive, or null.
    /// Its <see cref="Instrument.Id"/> is the id it is shown under.
    /// </summary>
    /// <exception cref="AmbiguousIdException">A short id that several stored instruments have.</exception>
    public Instrument? FindInstrument(string id)
    {
        var found = ReadInstruments("WHERE upper(i.id) = upper($1) OR upper(i.symbol) = upper($1)", id);
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => found.FirstOrDefault(i => i.QualifiedId.Equals(id, StringComparison.OrdinalIgnoreCase))
                 ?? throw new AmbiguousIdException(id, found),
        };
    }

    /// <summary>All stored instruments, ordered by the id they are shown under.</summary>
    public List<Instrument> Instruments()
    {
        var list = ReadInstruments("");
        list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return list;
    }

    private List<Instrument> ReadInstruments(string where, params object?[] parameters)
    {
        var list = new List<Instrument>();
        using var reader = Query($"""
            SELECT i.shown, i.class, i.quote_unit, i.contract_scale, i.calendar FROM {ShownInstruments} {where}
            ORDER BY i.id
            """, parameters);
        while (reader.Read())
            list.Add(new Instrument(reader.GetString(0), Enum.Parse<AssetClass>(reader.GetString(1)),
                reader.GetString(2), reader.GetDouble(3), Enum.Parse<CalendarKind>(reader.GetString(4))));
        return list;
    }

    // The stored definitions by qualified id, each with its qualified id as Id.
    private Dictionary<string, Instrument> StoredDefinitions() =>
        ReadInstruments("").Select(i => i with { Id = i.QualifiedId }).ToDictionary(i => i.Id, StringComparer.Ordinal);

    /// <summary>How an import's instruments land: each parsed instrument's stored form (qualified id, definition).
    /// </summary>
    /// <param name="Renames">Stored instruments a new class moves to another namespace
    /// (<see cref="InstrumentChanges.Redefine"/>).</param>
    /// <param name="Redefined">Qualified ids whose stored definition the import changes.</param>
    private sealed record Identities(
        Dictionary<Instrument, Instrument> Stored, List<(string From, string To)> Renames, HashSet<string> Redefined)
    {
        public Instrument Of(Instrument parsed) => Stored[parsed];
    }

    // Decided before anything is written: a refused change leaves the store as it was.
    /// <param name="inThisImport">The qualified ids of earlier batches of the same import; this batch's are
    /// added.</param>
    private Identities Identify(IReadOnlyList<ParsedFile> files, InstrumentChanges allowed,
        HashSet<string> inThisImport)
    {
        var stored = StoredDefinitions();
        var parsed = files.SelectMany(f => f.Series.Select(s => (File: f.Path, s.Instrument))
            .Concat(f.Flows.Select(t => (File: f.Path, t.Instrument)))).ToList();
        var qualified = new Dictionary<Instrument, string>();
        foreach (var (file, instrument) in parsed)
        {
            try
            {
                qualified[instrument] = instrument.QualifiedId;
            }
            catch (ArgumentException e)
            {
                throw new ImportException(file, 0, "instrument", e.Message);
            }
        }
        inThisImport.UnionWith(qualified.Values);
        var result = new Identities([], [], new HashSet<string>(StringComparer.Ordinal));
        foreach (var (file, instrument) in parsed)
        {
            if (result.Stored.ContainsKey(instrument)) continue;
            var incoming = instrument with { Id = qualified[instrument] };
            if (stored.TryGetValue(incoming.Id, out var current))
            {
                result.Stored[instrument] = Definition(file, current, incoming, allowed);
                if (result.Stored[instrument] != current) result.Redefined.Add(incoming.Id);
                continue;
            }
            var others = stored.Values.Where(s => s.Symbol.Equals(incoming.Symbol, StringComparison.OrdinalIgnoreCase)
                                                  && !inThisImport.Contains(s.Id)).ToList();
            if (others.Count > 0 && !allowed.NewInstruments)
            {
                if (!allowed.Redefine || others.Count > 1)
                    throw new ImportException(file, 0, "class", ClassConflict(others, incoming));
                result.Renames.Add((others[0].Id, incoming.Id));
                result.Redefined.Add(incoming.Id);
            }
            result.Stored[instrument] = incoming;
        }
        return result;
    }

    // The definition to store for a stored instrument that a file brings again: the stored one unless allowed to
    // change.
    private static Instrument Definition(
        string file, Instrument current, Instrument incoming, InstrumentChanges allowed)
    {
        var units = new SortedSet<string>(current.QuoteUnit.Split('|'), StringComparer.Ordinal);
        bool newUnit = !incoming.QuoteUnit.Split('|').All(units.Contains);
        var changes = new List<(string Field, string Stored, string New)>();
        if (current.Calendar != incoming.Calendar)
            changes.Add(("calendar", CalendarName(current.Calendar), CalendarName(incoming.Calendar)));
        if (current.ContractScale != incoming.ContractScale)
            changes.Add(("contract scale", $"{current.ContractScale:R}", $"{incoming.ContractScale:R}"));
        if (newUnit) changes.Add(("quote unit", current.QuoteUnit, incoming.QuoteUnit));
        if (changes.Count == 0) return current;
        bool onlyUnits = changes.Count == 1 && newUnit;
        if (!allowed.Redefine && !(onlyUnits && allowed.AddQuoteUnits && current.Class == AssetClass.Crypto))
            throw new ImportException(file, 0, changes[0].Field,
                $"{current.Symbol} is stored as {current.Id} with "
                + string.Join(", ", changes.Select(c => $"{c.Field} {c.Stored}"))
                + "; this file gives " + string.Join(", ", changes.Select(c => $"{c.Field} {c.New}"))
                + ". Nothing was stored; import with --redefine to change what the stored instrument is");
        // Rows of the stored units stay, so a coin's units grow; other instruments take the file's unit.
        if (current.Class == AssetClass.Crypto) units.UnionWith(incoming.QuoteUnit.Split('|'));
        return current.Class == AssetClass.Crypto ? incoming with { QuoteUnit = string.Join('|', units) } : incoming;
    }

    private static string ClassConflict(List<Instrument> others, Instrument incoming)
    {
        var stored = string.Join(" and ",
            others.Select(o => $"{o.Id} ({InstrumentIds.Describe(o.Class)}, {CalendarName(o.Calendar)} calendar)"));
        return $"{incoming.Symbol} is stored as {stored}; this file makes it {InstrumentIds.Describe(incoming.Class)} "
               + $"({CalendarName(incoming.Calendar)} calendar). Nothing was stored; import with --new-instrument to "
               + $"store it beside the stored one as {incoming.Id}"
               + (others.Count == 1 ? ", or with --redefine to turn the stored instrument into this one" : "");
    }

    private static string CalendarName(CalendarKind calendar) => calendar switch
    {
        CalendarKind.EveryDay => "every-day",
        CalendarKind.UsEquity => "us-equity",
        CalendarKind.UsBusiness => "us-business",
        _ => calendar.ToString().ToLowerInvariant(),
    };

    // A redefined class: the rows move to the new qualified id, under which the new definition and stats are written.
    private void Rename(string from, string to)
    {
        foreach (var table in new[] { "bars", "flows", "flow_funds" })
            Execute($"UPDATE {table} SET instrument = $2 WHERE instrument = $1", from, to);
        Execute("DELETE FROM instruments WHERE id = $1", from);
        Execute("DELETE FROM instrument_stats WHERE id = $1", from);
    }

    // The id each stored qualified id is shown under.
    private Dictionary<string, string> ShownIds()
    {
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = Query($"SELECT i.id, i.shown FROM {ShownInstruments}");
        while (reader.Read()) shown[reader.GetString(0)] = reader.GetString(1);
        return shown;
    }
}
