using ActorExec.Actors.Persistence;

namespace ActorExec.Engine.Region;

/// <summary>
/// The single-node market region: routes every <see cref="IMarketCommand"/> to its market's actor,
/// starting it on demand and passivating it when idle. It remembers (journals) which markets have
/// work, so after a restart those markets are started again and resume their open orders. The cluster
/// region implements the same protocol over many nodes, with one of these per shard (see <see cref="MarketShards"/>).
/// </summary>
internal sealed partial class LocalMarketRegion : PersistentActor, IWithTimers
{
    public const string RegionPersistenceId = "market-region";
    private const int SnapshotEvery = 1000;

    private readonly string _persistenceId;
    private readonly Func<MarketId, Props> _marketProps;
    private readonly HashSet<MarketId> _remembered = [];
    private readonly Dictionary<MarketId, IActorRef> _live = [];
    private readonly Dictionary<IActorRef, MarketId> _markets = [];
    private readonly Dictionary<MarketId, List<(object Message, IActorRef Sender)>> _buffers = [];
    private readonly HashSet<MarketId> _passivating = [];
    private readonly Dictionary<MarketId, int> _crashes = [];
    private int _eventsSinceSnapshot;

    public LocalMarketRegion(Func<MarketId, Props> marketProps, string persistenceId = RegionPersistenceId)
    {
        _persistenceId = persistenceId;
        _marketProps = marketProps;
        Recover<SnapshotOffer>(offer => _remembered.UnionWith(((RememberedMarkets)offer.Snapshot).Markets));
        Recover<MarketActivated>(e => _remembered.Add(e.Market));
        Recover<MarketPassivated>(e => _remembered.Remove(e.Market));
        Recover<RecoveryCompleted>(_ =>
        {
            foreach (var market in _remembered)
                Start(market).Tell(WakeMarket.Instance, Self);
        });
        Command<Passivate>(OnPassivate);
        Command<CancelPassivation>(_ => OnCancelPassivation());
        Command<Terminated>(OnTerminated);
        Command<RestartMarket>(restart =>
        {
            if (_remembered.Contains(restart.Market) && !_live.ContainsKey(restart.Market) && !_buffers.ContainsKey(restart.Market))
                Start(restart.Market).Tell(WakeMarket.Instance, Self);
        });
        Command<GetActiveMarkets>(_ => Sender.Tell(new ActiveMarkets([.. _live.Keys.OrderBy(m => m.Value, StringComparer.Ordinal)], [.. _remembered.OrderBy(m => m.Value, StringComparer.Ordinal)]), Self));
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
        Command<IMarketCommand>(Route);
    }

    public override string PersistenceId => _persistenceId;

    public ITimerScheduler Timers { get; set; } = null!;

    public static string ActorNameOf(MarketId market) => Uri.EscapeDataString(market.Value);

    protected override SupervisorStrategy SupervisorStrategy()
        => new OneForOneStrategy(maxNrOfRetries: 10, withinTimeRange: TimeSpan.FromMinutes(1), decider: _ => Directive.Restart);

    private void Route(IMarketCommand command)
    {
        var market = command.Market;
        var message = command is MarketEnvelope envelope ? envelope.Message : command;
        if (_buffers.TryGetValue(market, out var buffer))
        {
            buffer.Add((message, Sender));
            return;
        }
        if (_live.TryGetValue(market, out var actor))
        {
            actor.Tell(message, Sender);
            return;
        }
        if (_remembered.Contains(market))
        {
            Start(market).Tell(message, Sender);
            return;
        }
        // First work for this market: remember it durably before it can create orders, so a crash
        // after that always finds and resumes it.
        _buffers[market] = [(message, Sender)];
        Activate(market);
    }

    private void Activate(MarketId market)
        => PersistAsync(new MarketActivated(market, Context.System.TimeProvider.GetUtcNow()), activated =>
        {
            _remembered.Add(activated.Market);
            MaybeSnapshot();
            var actor = Start(activated.Market);
            if (_buffers.Remove(activated.Market, out var pending))
            {
                foreach (var (message, sender) in pending)
                    actor.Tell(message, sender);
            }
        });

    private IActorRef Start(MarketId market)
    {
        var actor = Context.ActorOf(_marketProps(market), ActorNameOf(market));
        Context.Watch(actor);
        _live[market] = actor;
        _markets[actor] = market;
        return actor;
    }

    private void OnPassivate(Passivate passivate)
    {
        if (!_markets.TryGetValue(Sender, out var market) || _passivating.Contains(market))
            return;
        _passivating.Add(market);
        _buffers.TryAdd(market, []);
        Sender.Tell(passivate.StopMessage, Self);
    }

    private void OnCancelPassivation()
    {
        if (!_markets.TryGetValue(Sender, out var market) || !_passivating.Remove(market))
            return;
        if (_buffers.Remove(market, out var pending))
        {
            foreach (var (message, sender) in pending)
                Sender.Tell(message, sender);
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!_markets.Remove(terminated.ActorRef, out var market))
            return;
        _live.Remove(market);
        if (_passivating.Remove(market))
        {
            _crashes.Remove(market);
            var pending = _buffers.GetValueOrDefault(market) ?? [];
            if (pending.Count > 0)
            {
                // Work arrived while it stopped: it stays remembered and starts again for it.
                _buffers.Remove(market);
                var actor = Start(market);
                foreach (var (message, sender) in pending)
                    actor.Tell(message, sender);
                return;
            }
            // Forgotten only once stopped idle; messages arriving meanwhile stay buffered.
            PersistAsync(new MarketPassivated(market, Context.System.TimeProvider.GetUtcNow()), passivated =>
            {
                _remembered.Remove(passivated.Market);
                MaybeSnapshot();
                if (_buffers.Remove(passivated.Market, out var late) && late.Count > 0)
                {
                    _buffers[passivated.Market] = late;
                    Activate(passivated.Market);
                }
            });
            return;
        }
        // Stopped without passivating (its journal failed, or it kept crashing): start it again with
        // backoff; it recovers from its journal. Messages meanwhile start it at once.
        var crashes = _crashes.GetValueOrDefault(market) + 1;
        _crashes[market] = crashes;
        var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, crashes - 1)));
        LogMarketStopped(Context.Logger, market.Value, delay.TotalSeconds);
        Timers.StartSingleTimer(new RestartMarket(market), new RestartMarket(market), delay);
    }

    private void MaybeSnapshot()
    {
        if (++_eventsSinceSnapshot < SnapshotEvery)
            return;
        _eventsSinceSnapshot = 0;
        SaveSnapshot(new RememberedMarkets([.. _remembered]));
    }

    private sealed record RestartMarket(MarketId Market);

    [LoggerMessage(EventId = 5001, EventName = "market_actor_stopped", Level = LogLevel.Error,
        Message = "Market {market_id} stopped without passivating; starting it again in {delay_s} s")]
    private static partial void LogMarketStopped(ILogger logger, string market_id, double delay_s);
}

/// <summary>The markets a region remembers, as a snapshot.</summary>
public sealed record RememberedMarkets(IReadOnlyList<MarketId> Markets);
