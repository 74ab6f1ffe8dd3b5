namespace ActorExec.Engine;

/// <summary>Delivers any message to a market's actor through the region (engine-internal messages, operator requests).</summary>
public sealed record MarketEnvelope(MarketId Market, object Message) : IMarketCommand;

/// <summary>
/// Sent by a market actor to its region when it is idle with no open work: the region buffers new
/// messages for it and sends it <paramref name="StopMessage"/>. Messages already in its mailbox are
/// processed first; if one of them gave it work, it answers <see cref="CancelPassivation"/> and the
/// region delivers the buffer to it; otherwise it stops, the region forgets it (journaled) and starts
/// it again only for buffered messages.
/// </summary>
public sealed record Passivate(object StopMessage);

/// <summary>Sent by a market actor that received its stop message with work in hand: it stays, and the region resumes delivery.</summary>
public sealed record CancelPassivation
{
    /// <summary>The one instance.</summary>
    public static readonly CancelPassivation Instance = new();
}

/// <summary>The stop message a market actor asks for: it stops only if it is still idle when this arrives.</summary>
public sealed record StopIfIdle
{
    /// <summary>The one instance.</summary>
    public static readonly StopIfIdle Instance = new();
}

/// <summary>Asks a region which markets it has started or remembers.</summary>
public sealed record GetActiveMarkets
{
    /// <summary>The one instance.</summary>
    public static readonly GetActiveMarkets Instance = new();
}

/// <summary>The markets a region runs (live) and remembers (to start after a restart).</summary>
public sealed record ActiveMarkets(IReadOnlyList<MarketId> Live, IReadOnlyList<MarketId> Remembered);

/// <summary>Starts a market's actor without asking anything of it (used to resume remembered markets).</summary>
public sealed record WakeMarket
{
    /// <summary>The one instance.</summary>
    public static readonly WakeMarket Instance = new();
}

/// <summary>A market has work (an order or execution) and must be started again after a restart.</summary>
public sealed record MarketActivated(MarketId Market, DateTimeOffset At);

/// <summary>A market went idle with no open work and was stopped.</summary>
public sealed record MarketPassivated(MarketId Market, DateTimeOffset At);
