using System.Globalization;

namespace ActorExec.Venues.Paper;

/// <summary>
/// Random faults, each a probability in [0, 1] drawn per call from the venue's seeded fault generator.
/// Scripted faults (outages, the next N calls) are set at run time through <see cref="PaperFaultController"/>.
/// </summary>
public sealed record PaperFaultOptions
{
    /// <summary>Probability that a call is not processed and answers <see cref="VenueTimeout"/> after <see cref="TimeoutAfter"/>; default 0.</summary>
    public double TimeoutRate { get; init; }

    /// <summary>Probability that a call is not processed and answers <see cref="VenueUnavailable"/> with 500, 502 or 503; default 0.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Probability that a placement is refused with <c>VenueRejected("paper: random rejection")</c>; default 0.</summary>
    public double RejectRate { get; init; }

    /// <summary>Probability that a processed placement (a valid order is placed and may fill) is answered with <see cref="VenueTimeout"/>; default 0.</summary>
    public double LostAckRate { get; init; }

    /// <summary>How long a timed-out call keeps its caller waiting (zero answers at once); default <see cref="PaperVenueDefaults.TimeoutAfter"/>.</summary>
    public TimeSpan TimeoutAfter { get; init; } = PaperVenueDefaults.TimeoutAfter;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is outside [0, 1] or the delay is negative; the message names it and its value.</exception>
    public void Validate()
    {
        Rate(TimeoutRate, nameof(TimeoutRate));
        Rate(ServerErrorRate, nameof(ServerErrorRate));
        Rate(RejectRate, nameof(RejectRate));
        Rate(LostAckRate, nameof(LostAckRate));
        if (TimeoutAfter < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(TimeoutAfter), TimeoutAfter, $"PaperFaultOptions.TimeoutAfter must not be negative, got {TimeoutAfter}");
    }

    private static void Rate(double value, string name)
    {
        if (!(value is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(name, value, $"PaperFaultOptions.{name} must be within [0, 1], got {value.ToString(CultureInfo.InvariantCulture)}");
    }
}
