namespace Bellwether.Core.Study.Bootstrap;

/// <summary>A bootstrapped difference of means.</summary>
/// <param name="Estimate">The difference on the data.</param>
/// <param name="Low">Lower bound of the percentile interval (NaN without a usable resample).</param>
/// <param name="High">Upper bound of the percentile interval.</param>
/// <param name="PValue">Two-sided: (1 + resamples whose centred difference is at least as far from 0 as the estimate) /
/// (usable + 1); NaN without a usable resample.</param>
/// <param name="Usable">Resamples that contained at least one event (the others have no event mean and are left
/// out).</param>
/// <param name="MeanBlockLength">The mean block length used, in days.</param>
public sealed record BootstrapResult(double Estimate, double Low, double High, double PValue, int Usable,
    double MeanBlockLength);
