namespace ActorExec.Configuration;

/// <summary>
/// Malformed or unresolvable HOCON, located: the message reads
/// <c>hocon/paper.conf:12:5: key 'engine.cooldown': substitution ${engine.missing} is undefined</c>.
/// </summary>
public sealed class HoconException : Exception
{
    private string? _source;

    /// <summary>Creates a located error; <paramref name="path"/> is the key being read, when there is one.</summary>
    public HoconException(HoconOrigin origin, string? path, string reason)
        : base(Format(origin, path, reason))
    {
        _source = origin.Source;
        Line = origin.Line;
        Column = origin.Column;
        Path = path;
        Reason = reason;
    }

    /// <summary>The file (as given) or source name where the problem is.</summary>
    public override string? Source
    {
        get => _source;
        set => _source = value;
    }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>The dotted key path being read when the problem was found, or null outside any key.</summary>
    public string? Path { get; }

    /// <summary>The problem alone, without the location prefix.</summary>
    public string Reason { get; }

    private static string Format(HoconOrigin origin, string? path, string reason) =>
        path is null ? $"{origin}: {reason}" : $"{origin}: key '{path}': {reason}";
}
