namespace ActorExec.Venues.Paper;

/// <summary>
/// How long each call takes before the venue processes it: <see cref="Base"/> plus a uniform random
/// share of <see cref="Jitter"/>, waited on the venue's <see cref="TimeProvider"/>. With both zero
/// (the default) every call completes synchronously.
/// </summary>
public sealed record PaperLatencyOptions
{
    /// <summary>The fixed part of the latency; default zero.</summary>
    public TimeSpan Base { get; init; } = TimeSpan.Zero;

    /// <summary>The largest random addition to <see cref="Base"/>; default zero.</summary>
    public TimeSpan Jitter { get; init; } = TimeSpan.Zero;

    /// <summary>True when every call completes synchronously.</summary>
    public bool IsZero => Base == TimeSpan.Zero && Jitter == TimeSpan.Zero;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A delay is negative; the message names it and its value.</exception>
    public void Validate()
    {
        if (Base < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Base), Base, $"PaperLatencyOptions.Base must not be negative, got {Base}");
        if (Jitter < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, $"PaperLatencyOptions.Jitter must not be negative, got {Jitter}");
    }
}
