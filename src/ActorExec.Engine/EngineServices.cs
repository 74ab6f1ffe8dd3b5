using ActorExec.Engine.Positions;
using ActorExec.Engine.Venues;
using ActorExec.Trading.AutoClose;
using ActorExec.Trading.Risk;
using ActorExec.Trading.Slippage;

namespace ActorExec.Engine;

/// <summary>What every engine actor shares: venues, options, the risk view, and the engine's well-known actors.</summary>
internal sealed class EngineServices(VenueDirectory venues, EngineOptions options)
{
    private IActorRef? _positions;
    private IActorRef? _autoClose;
    private IActorRef? _region;

    public VenueDirectory Venues { get; } = venues;

    public EngineOptions Options { get; } = options;

    public RiskView Risk { get; } = new();

    public RiskPolicy RiskPolicy { get; } = new(options.Risk);

    public SlippageGuard Slippage { get; } = new(options.Slippage);

    public AutoClosePlanner AutoClosePlanner { get; } = new(options.AutoClose);

    public IActorRef Positions => _positions ?? throw NotStarted(nameof(Positions));

    public IActorRef AutoClose => _autoClose ?? throw NotStarted(nameof(AutoClose));

    public IActorRef Region => _region ?? throw NotStarted(nameof(Region));

    public void Attach(IActorRef positions, IActorRef autoClose, IActorRef region)
    {
        _positions = positions;
        _autoClose = autoClose;
        _region = region;
    }

    private static InvalidOperationException NotStarted(string what) => new($"the engine's {what} actor is not started yet");
}
