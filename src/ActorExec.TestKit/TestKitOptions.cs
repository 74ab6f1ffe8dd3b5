using ActorExec.Actors;

namespace ActorExec.TestKit;

/// <summary>How a <see cref="TestKit"/> sets up its actor system and waits.</summary>
public sealed record TestKitOptions
{
    /// <summary>Use a <see cref="ManualTimeProvider"/> as the system clock, so timers fire only when the test advances it.</summary>
    public bool UseVirtualTime { get; init; }

    /// <summary>How long an expectation waits (real time) when given no timeout.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long <c>ExpectNoMsg()</c> waits when given no duration.</summary>
    public TimeSpan DefaultNoMessageWait { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long disposal waits for the system to terminate before failing the test.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Base options of the system under test; the kit replaces the clock in virtual-time mode and the logger when given test output.</summary>
    public ActorSystemOptions SystemOptions { get; init; } = new();
}
