namespace ActorExec.Configuration;

/// <summary>
/// A fully resolved HOCON value: a <see cref="HoconObject"/>, a <see cref="HoconArray"/> or a
/// <see cref="HoconScalar"/>. Substitutions, includes, merges and concatenations are already applied.
/// </summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconOrigin origin) => Origin = origin;

    /// <summary>
    /// Where the value was defined: for an object field, the position of its key (the last
    /// assignment wins); for an array element, the element itself; for the root, the file start.
    /// </summary>
    public HoconOrigin Origin { get; }

    /// <summary>The same value, re-located; used when a field takes its value from a substitution.</summary>
    internal abstract HoconValue WithOrigin(HoconOrigin origin);
}
