using Bellwether.Core.Board;
using Bellwether.Core.Claims;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.Core.Structure.RecordCloses;
using Bellwether.Core.Tests.Signals;
using Xunit;

namespace Bellwether.Core.Tests.Measurements;

/// <summary>One measurement per concept: the shared parameter model, and a signal and a claim reading one
/// computation.</summary>
public class MeasurementLayerTests
{
    private static SignalSpec Spec(string kind, params (string, string)[] parameters) =>
        new("s", "s", kind, 1, parameters.ToDictionary(p => p.Item1, p => p.Item2), null, null, 4,
            parameters.ToDictionary(p => p.Item1, _ => 5));

    private static ClaimDefinition Claim(string kind, params (string, string)[] parameters) =>
        new("c", "text", new DateOnly(2025, 12, 15), kind, parameters.ToDictionary(p => p.Item1, p => p.Item2),
            ClaimTarget.Approximately(-0.27, 0.03), 9);

    [Fact]
    public void A_parameter_reads_under_its_name_or_an_alias_and_errors_name_the_key_as_written()
    {
        var by = DrawdownMeasurement.By;
        Assert.Equal("high", Spec("drawdown", ("by", "high")).Text(by));
        Assert.Equal("high", Spec("drawdown", ("basis", "high")).Text(by));
        Assert.Equal("close", Spec("drawdown").Text(by));
        var e = Assert.Throws<ThesisException>(() => Spec("drawdown", ("basis", "open")).Choice(by, "close", "high"));
        Assert.Equal(5, e.Line);
        Assert.Contains("parameter 'basis' = 'open' must be one of: close, high", e.Message);
        Assert.Null(Spec("drawdown", ("basis", "high")).Unknown([DrawdownMeasurement.Instrument, by]));
        Assert.Equal("bases", Spec("drawdown", ("bases", "high")).Unknown([by]));
    }

    [Fact]
    public void Numbers_take_a_trailing_percent_in_both_files()
    {
        var p = new MeasurementParameter("band", "2%", "");
        Assert.Equal(0.02, Spec("x").Number(p), 12);
        Assert.Equal(-0.27, Claim("x", ("band", "-27%")).Number(p), 12);
        Assert.Equal(5, Spec("x", ("band", "5")).Number(p));
        var e = Assert.Throws<ThesisException>(() => Spec("x", ("band", "5x")).Number(p));
        Assert.Contains("is not a number", e.Message);
    }

    [Fact]
    public void Parameter_records_check_themselves_and_a_refused_value_names_the_line()
    {
        Assert.Throws<ArgumentException>(() => new DrawdownParameters(" ", DrawdownBasis.Close, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DrawdownParameters("BTC", (DrawdownBasis)7, null));
        // A core record checks itself when built and when copied with a changed value: no Validate() to remember.
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordCloseParameters(ClosePeriod.Week, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordCloseParameters() with { RecordYears = -1 });
        Assert.Equal(3, (new RecordCloseParameters() with { RecordYears = 3 }).RecordYears);
        var e = Assert.Throws<ThesisException>(() => Concepts.Signals.Validate(
            new ThesisDefinition("t", "d", [Spec("drawdown", ("instrument", " "))])));
        Assert.Equal(4, e.Line);
        Assert.Contains("must name a series", e.Message);
    }

    [Fact]
    public void Signal_and_claim_of_a_concept_share_its_name_parameters_and_aliases()
    {
        var claims = Concepts.Claims;
        var signals = Concepts.Signals.All.OfType<MeasurementSignal<DrawdownParameters, DrawdownReading>>()
            .ToList();
        Assert.NotEmpty(signals);
        foreach (var signal in signals)
        {
            var claim = claims.Find(signal.Name)!;
            Assert.Equal(signal.Measurement.Name, claim.Name);
            Assert.Equal(signal.Measurement.Aliases, claim.Aliases);
            foreach (var p in signal.Parameters.Where(p => claim.Parameters.Any(c => c.Name == p.Name)))
                Assert.Equal(p.Aliases, claim.Parameters.Single(c => c.Name == p.Name).Aliases);
        }
        // The older key of the claims file still works.
        claims.Validate(Claim("drawdown", ("instrument", "BTC"), ("basis", "close")));
        claims.Validate(Claim("record_close", ("instruments", "RUT,IWM")));
    }

    [Fact]
    public void The_drawdown_signal_and_claim_read_one_measurement_in_one_unit()
    {
        var data = BoardData.Market;
        var date = new DateOnly(2025, 12, 15);
        var signal = Concepts.Signals.Find("drawdown")!.Read(Spec("drawdown", ("instrument", "BTC")), data, date);
        var definition = Claim("drawdown", ("instrument", "BTC"), ("by", "close"), ("peak_windows", "all"));
        var claim = ClaimChecker.Check([definition], data, Concepts.Claims).Single().Readings.Single();
        var direct = Drawdowns.AsOf(data.Series("BTC")!, date)!;
        Assert.Equal("fraction", signal.Unit);
        Assert.Equal(direct.Latest.Drawdown, signal.Value, 12);
        Assert.Equal("fraction", claim.Unit);
        Assert.Equal(direct.Latest.Drawdown, claim.Value, 12);
    }
}
