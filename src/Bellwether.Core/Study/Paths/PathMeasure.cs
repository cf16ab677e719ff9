namespace Bellwether.Core.Study.Paths;

/// <summary>How a path moves over a horizon.</summary>
public enum PathMeasure
{
    /// <summary>A price: value(t + h) / value(t) − 1.</summary>
    Return,
    /// <summary>A level such as an index in points: value(t + h) − value(t).</summary>
    Change,
}
