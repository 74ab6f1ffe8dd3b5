namespace ActorExec.Configuration;

/// <summary>Where a HOCON key or value was written: file (or source name), 1-based line and column.</summary>
/// <param name="Source">The file path as it was given, or the source name of parsed text.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number (a tab counts as one column).</param>
public readonly record struct HoconOrigin(string Source, int Line, int Column)
{
    /// <summary>The origin as <c>source:line:column</c>, the prefix of every located message.</summary>
    public override string ToString() => $"{Source}:{Line}:{Column}";
}
