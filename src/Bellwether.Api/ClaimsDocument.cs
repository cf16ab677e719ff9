using Bellwether.Core.Board;
using Bellwether.Core.Claims;
using Bellwether.Core.Measurements;
using Bellwether.Data.Claims;
using Bellwether.Data.Thesis;

namespace Bellwether.Api;

/// <summary>Checks a claims file against market data.</summary>
public static class ClaimsCheck
{
    /// <summary>
    /// The claims file <c>serve</c> checks: <paramref name="path"/>, else the one the thesis declares (the shipped copy
    /// for the built-in thesis, <paramref name="thesisFile"/> null); null when there is neither. The name is the file
    /// as given or found, as <c>check FILE</c> prints it.
    /// </summary>
    /// <exception cref="DefinitionFileException">A file that does not load, with its line.</exception>
    public static (string File, ClaimSet Set)? Load(string? path, ThesisDefinition thesis, string? thesisFile)
    {
        if (path is not null) return (path, ClaimsFile.Load(path, Concepts.Claims));
        if (thesis.Predicts.Claims is not { } declared) return null;
        var set = ClaimsFile.LoadForReport(null, thesis, thesisFile, Concepts.Claims)!;
        return (thesisFile is null ? $"claims/{Path.GetFileName(declared)} (built in)"
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(thesisFile))!, declared), set);
    }

    /// <summary>Every claim of <paramref name="set"/> (read from <paramref name="file"/>) under every
    /// reading.</summary>
    public static ClaimsAnswer Run(string file, ClaimSet set, IMarketData data) =>
        new(file, set, ClaimChecker.Check(set.Claims, data, Concepts.Claims), Concepts.Claims);
}

/// <summary>The claims of a file with their readings and verdicts: what <c>check</c> prints, <c>GET /api/check</c>
/// answers.</summary>
public sealed record ClaimsAnswer(string File, ClaimSet Set, IReadOnlyList<ClaimResult> Results, ClaimKinds Kinds)
{
    /// <summary>The document (plain objects for <see cref="ApiJson.Options"/>).</summary>
    public object Json() => new
    {
        file = File,
        name = Set.Name,
        source = Set.Source,
        verdicts = Enum.GetValues<ClaimVerdict>()
            .ToDictionary(v => ApiJson.Options.PropertyNamingPolicy!.ConvertName(v.ToString()),
            v => Results.Count(r => r.Verdict == v)),
        claims = Results.Select(r => new
        {
            id = r.Claim.Id,
            text = r.Claim.Text,
            date = r.Claim.Date,
            kind = Kinds.Find(r.Claim.Kind)!.Name,
            @params = r.Claim.Parameters,
            claimed = r.Claim.Target.ClaimedForDisplay,
            tolerance = double.IsNaN(r.Claim.Target.Tolerance) ? (double?)null : r.Claim.Target.Tolerance,
            target = r.Target,
            verdict = r.Verdict,
            summary = r.Summary,
            readings = r.Readings.Select(x => new
            {
                label = x.Label,
                definition = x.Definition,
                measurable = x.Measurable,
                value = x.Value,
                unit = x.Unit,
                value_text = ClaimChecker.Format(x.Value, x.Unit) is var text && text != "n/a" ? text : "",
                state = x.State,
                claimed = r.Claim.Target.ClaimedForDisplay,
                tolerance = double.IsNaN(r.Claim.Target.Tolerance) ? (object?)x.Rule : r.Claim.Target.Tolerance,
                within = x.Within,
                counts = x.Counts,
                repeats = x.Repeats,
                note = x.Note,
                figures = x.Figures,
                dates = x.Dates,
                provenance = new
                {
                    instruments = x.Provenance.Instruments,
                    from = x.Provenance.From,
                    to = x.Provenance.To,
                    data_through = x.Provenance.DataThrough,
                    point_in_time = x.Provenance.PointInTime,
                    sources = x.Provenance.Sources,
                },
            }),
        }),
    };
}
