using System.Runtime.CompilerServices;
using Bellwether.Core.Board;

namespace Bellwether.Core.Signals;

/// <summary>
/// Parameter records as text for <see cref="IMarketData.Shared{T}"/> keys, formatted once per instance: a record's
/// <c>ToString</c> formats every member (numbers included), too slow to repeat on each of the thousands of reads of a
/// history. Kinds keep their parameter records in their parsed options, which are parsed once per spec.
/// </summary>
internal static class Keys
{
    private static readonly ConditionalWeakTable<object, string> Texts = [];

    /// <summary><paramref name="parameters"/>.ToString(), from the first call on this instance.</summary>
    public static string Of(object parameters) => Texts.GetValue(parameters, p => p.ToString() ?? "");
}
