namespace Bellwether.Api;

/// <summary>
/// A value a command or a request was given that cannot be used, named by its parameter (snake case: the API's query
/// name; the CLI shows it as its option, <c>--min-coverage</c>). A usage error in the CLI, a 400 in the API.
/// </summary>
public sealed class QueryException(string parameter, string problem) : ArgumentException($"{parameter}: {problem}")
{
    public string Parameter { get; } = parameter;

    public string Problem { get; } = problem;

    /// <summary>The message with the parameter named as the CLI's option.</summary>
    public string OptionMessage => $"--{Parameter.Replace('_', '-')}: {Problem}";
}
