namespace Bellwether.Core.Measurements;

/// <summary>
/// The data cannot give this measurement (a price that is not a price, an amount in an unknown unit, inputs that
/// contradict each other): the board and the claim check show it as not measurable with this message. Every other
/// exception from a measurement is a bug and stops the command.
/// </summary>
public sealed class NotMeasurableException(string message) : Exception(message);
