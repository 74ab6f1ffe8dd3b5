using System.Collections.Concurrent;
using System.Text;

namespace ActorExec.Trading;

/// <summary>
/// Stable, log- and API-friendly codes for reason enums: <c>MaxPositionPerMarket</c> becomes
/// <c>MAX_POSITION_PER_MARKET</c>. Codes are part of the product's contract (logs, CLI, alerts), so
/// renaming an enum member is a breaking change.
/// </summary>
public static class ReasonCodes
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    /// <summary>The SCREAMING_SNAKE code of an enum value.</summary>
    public static string Of(Enum value) => Cache.GetOrAdd(value, static v => ToScreamingSnake(v.ToString()));

    internal static string ToScreamingSnake(string name)
    {
        var code = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord)
                code.Append('_');
            code.Append(char.ToUpperInvariant(c));
        }
        return code.ToString();
    }
}
