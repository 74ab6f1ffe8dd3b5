namespace ActorExec.Trading.Execution;

/// <summary>Documented defaults of <see cref="InFlightOptions"/>.</summary>
public static class InFlightDefaults
{
    /// <summary>
    /// 10 seconds: long enough for the book to refresh after our own trade (or dry run) so the same
    /// quote is not acted on twice, short enough not to miss the next real opportunity.
    /// </summary>
    public static readonly TimeSpan Cooldown = TimeSpan.FromSeconds(10);
}

/// <summary>How the in-flight table releases markets.</summary>
public sealed record InFlightOptions
{
    /// <summary>How long a market stays unclaimable after a release that starts a cooldown; zero disables cooldowns.</summary>
    public TimeSpan Cooldown { get; init; } = InFlightDefaults.Cooldown;

    /// <summary>Throws if an option is out of range; call once at start-up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cooldown is negative.</exception>
    public InFlightOptions Validate()
    {
        if (Cooldown < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Cooldown), Cooldown, $"{nameof(InFlightOptions)}.{nameof(Cooldown)} must not be negative, got {Cooldown}");
        return this;
    }
}
