using System.Globalization;

namespace ActorExec.Examples;

/// <summary>
/// Fresh execution ids for one strategy instance: <c>{prefix}-{start}-{n}</c> (or
/// <c>{prefix}-{start}-{kind}-{n}</c>), where <c>start</c> is the instance's start time in Unix
/// milliseconds on the actor system's clock.
/// </summary>
/// <remarks>
/// The engine journals every execution id and answers a reused one as a duplicate without trading,
/// so ids must never repeat, not even after the strategy restarts: the start stamp sees to that. They
/// are derived rather than random so that a run on a virtual clock sends the same ids every time.
/// Not thread-safe: an actor owns it.
/// </remarks>
public sealed class ExecutionIdSequence
{
    private readonly string _stem;
    private long _next;

    /// <summary>Starts a sequence for an instance started at <paramref name="startedAt"/>.</summary>
    /// <exception cref="ArgumentException">The prefix is empty or holds a character an <see cref="ExecutionId"/> cannot carry.</exception>
    public ExecutionIdSequence(string prefix, DateTimeOffset startedAt)
    {
        _ = new ExecutionId(prefix);
        _stem = $"{prefix}-{startedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The next id; <paramref name="kind"/> (letters and digits, e.g. <c>enter</c>) makes journals and logs easier to read.</summary>
    /// <exception cref="ArgumentException">The id would exceed <see cref="ExecutionId.MaxLength"/> or <paramref name="kind"/> holds a character an id cannot carry.</exception>
    public ExecutionId Next(string? kind = null)
    {
        var n = (++_next).ToString(CultureInfo.InvariantCulture);
        return new ExecutionId(kind is null ? $"{_stem}-{n}" : $"{_stem}-{kind}-{n}");
    }
}
