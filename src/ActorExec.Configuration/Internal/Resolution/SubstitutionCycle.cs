namespace ActorExec.Configuration.Internal.Resolution;

/// <summary>
/// Raised when resolution comes back to a node it is already resolving. Caught by the nearest
/// substitution: an optional one becomes undefined (as the spec asks), a required one reports the cycle.
/// </summary>
internal sealed class SubstitutionCycle(int reenteredDepth, IReadOnlyList<string> chain) : Exception("substitution cycle")
{
    /// <summary>The depth of the frame that was entered again.</summary>
    public int ReenteredDepth { get; } = reenteredDepth;

    /// <summary>The keys from that frame to the point of re-entry, for the message.</summary>
    public IReadOnlyList<string> Chain { get; } = chain;
}
