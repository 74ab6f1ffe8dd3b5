using ActorExec.Actors.Persistence;
using ActorExec.Engine.Orders;
using ActorExec.Trading.Orders;
using ActorExec.Trading.Positions;
using ActorExec.Trading.Risk;

namespace ActorExec.Engine.Positions;

/// <summary>
/// Positions and daily P&amp;L as a read model of the journal: it follows the <c>fills</c> tag from its
/// last offset (snapshotted), so every journaled fill counts exactly once, after any restart. Order
/// actors poke it when they journal fills; it also polls. Each update publishes a fresh
/// <see cref="RiskSnapshot"/> to the <see cref="RiskView"/> that pre-trade risk reads.
/// </summary>
internal sealed partial class PositionsActor : PersistentActor, IWithTimers
{
    public const string PositionsPersistenceId = "positions";
    private const int BatchSize = 1000;
    private const int SnapshotEveryFills = 2000;
    private const int IntentCacheLimit = 100_000;

    private readonly IJournalQueries _queries;
    private readonly RiskView _view;
    private readonly TimeSpan _pollInterval;
    private readonly Dictionary<string, OrderIntent> _intents = [];
    private readonly List<IActorRef> _waitingForCatchUp = [];
    private PositionBook _book = PositionBook.Empty;
    private long _offset;
    // Kept current fill by fill: rebuilding it from every position on each execution was the
    // engine's hottest path (O(markets) per execution on the one positions actor).
    private RiskSnapshot _risk = RiskSnapshot.Flat;
    private bool _caughtUp;
    private bool _catchUpQueued;
    private int _fillsSinceSnapshot;

    private readonly string _persistenceId;

    public PositionsActor(IJournalQueries queries, RiskView view, TimeSpan pollInterval, string persistenceId = PositionsPersistenceId)
    {
        _persistenceId = persistenceId;
        _queries = queries;
        _view = view;
        _pollInterval = pollInterval;
        Recover<SnapshotOffer>(offer => Restore((PositionsSnapshot)offer.Snapshot));
        Recover<RecoveryCompleted>(_ =>
        {
            Timers.StartPeriodicTimer(Poll.Instance, CatchUp.Instance, _pollInterval);
            QueueCatchUp();
        });
        CommandAsync<CatchUp>(_ => CatchUpAsync());
        Command<FillsJournaled>(journaled =>
        {
            Remember(OrderActor.PersistenceIdOf(journaled.Intent.ClientOrderId), journaled.Intent);
            QueueCatchUp();
        });
        Command<OrderStarting>(starting => Remember(OrderActor.PersistenceIdOf(starting.Intent.ClientOrderId), starting.Intent));
        Command<GetPositions>(_ =>
        {
            if (_caughtUp)
                Sender.Tell(Report(), Self);
            else
                _waitingForCatchUp.Add(Sender);
        });
        Command<RecordExecutionOutcome>(outcome =>
        {
            var errors = outcome.Failed ? _risk.ConsecutiveErrors + 1 : 0;
            if (errors == _risk.ConsecutiveErrors)
                return;
            _risk = _risk.WithConsecutiveErrors(errors);
            Publish();
        });
        Command<SetTradingState>(set =>
        {
            _risk = _risk.WithState(set.State);
            Publish();
            Sender.Tell(Report(), Self);
        });
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId => _persistenceId;

    public ITimerScheduler Timers { get; set; } = null!;

    private void QueueCatchUp()
    {
        if (_catchUpQueued)
            return;
        _catchUpQueued = true;
        Self.Tell(CatchUp.Instance, Self);
    }

    private async Task CatchUpAsync()
    {
        _catchUpQueued = false;
        var applied = 0;
        var voided = false;
        while (true)
        {
            var batch = 0;
            await foreach (var envelope in _queries.EventsByTagAsync(OrderActor.FillsTag, _offset, BatchSize))
            {
                batch++;
                _offset = envelope.Ordering;
                switch (envelope.Event)
                {
                    case OrderFilled filled:
                        ApplyFill(ToExecuted(await IntentOf(envelope.PersistenceId), filled.Fill));
                        applied++;
                        break;
                    case FillsVoided:
                        voided = true;
                        break;
                }
            }
            if (batch < BatchSize)
                break;
        }
        if (voided)
            await RebuildAsync();
        var wasCaughtUp = _caughtUp;
        _caughtUp = true;
        if (applied > 0 || voided || !wasCaughtUp)
            Publish();
        foreach (var waiting in _waitingForCatchUp)
            waiting.Tell(Report(), Self);
        _waitingForCatchUp.Clear();
        _fillsSinceSnapshot += applied;
        if (_fillsSinceSnapshot >= SnapshotEveryFills || voided)
        {
            _fillsSinceSnapshot = 0;
            SaveSnapshot(new PositionsSnapshot(_offset, [.. _book.Positions.Values], [.. _book.RealizedPnlByDay.Select(d => new DailyPnl(d.Key, d.Value))]));
        }
    }

    /// <summary>A failed settlement voided fills: fold the book again from every fill that still stands.</summary>
    private async Task RebuildAsync()
    {
        var voided = new HashSet<(string, FillId)>();
        await foreach (var envelope in _queries.EventsByTagAsync(OrderActor.FillsTag, 0, long.MaxValue))
        {
            if (envelope.Ordering > _offset)
                break;
            if (envelope.Event is FillsVoided fills)
                voided.UnionWith(fills.FillIds.Select(id => (envelope.PersistenceId, id)));
        }
        var book = PositionBook.Empty;
        await foreach (var envelope in _queries.EventsByTagAsync(OrderActor.FillsTag, 0, long.MaxValue))
        {
            if (envelope.Ordering > _offset)
                break;
            if (envelope.Event is OrderFilled filled && !voided.Contains((envelope.PersistenceId, filled.Fill.FillId)))
                book = book.ApplyFill(ToExecuted(await IntentOf(envelope.PersistenceId), filled.Fill));
        }
        LogRebuilt(Context.Logger, voided.Count, _offset);
        _book = book;
        _risk = FullRiskSnapshot();
    }

    private async Task<OrderIntent> IntentOf(string persistenceId)
    {
        if (_intents.TryGetValue(persistenceId, out var cached))
            return cached;
        await foreach (var envelope in _queries.EventsByPersistenceIdAsync(persistenceId, 1, 1))
        {
            if (envelope.Event is OrderSubmitted submitted)
            {
                Remember(persistenceId, submitted.Intent);
                return submitted.Intent;
            }
        }
        throw new InvalidOperationException($"journal of {persistenceId} has fills but no OrderSubmitted at sequence number 1");
    }

    private void Remember(string persistenceId, OrderIntent intent)
    {
        if (_intents.Count >= IntentCacheLimit)
            _intents.Clear();
        _intents[persistenceId] = intent;
    }

    private static ExecutedFill ToExecuted(OrderIntent intent, Fill fill)
        // Linear instruments have no outcome: their one book is kept under YES.
        => new(intent.Market, intent.Venue, intent.Outcome ?? Outcome.Yes, intent.Side, fill.Quantity, fill.Price, fill.Fee, fill.At);

    private DateOnly Today => DateOnly.FromDateTime(Context.System.TimeProvider.GetUtcNow().UtcDateTime);

    private void ApplyFill(ExecutedFill fill)
    {
        var key = new PositionKey(fill.Market, fill.Venue, fill.Outcome);
        var before = _book.Get(key).Contracts;
        _book = _book.ApplyFill(fill);
        var change = _book.Get(key).Contracts - before;
        if (change != 0)
            _risk = _risk.WithPosition(fill.Market, _risk.PositionOf(fill.Market) + change);
    }

    /// <summary>The risk snapshot folded from the whole book: after a restore or a rebuild only.</summary>
    private RiskSnapshot FullRiskSnapshot()
    {
        var byMarket = _book.Positions.Values.GroupBy(p => p.Key.Market).Select(g => KeyValuePair.Create(g.Key, g.Sum(p => p.Contracts)));
        return new RiskSnapshot(_risk.State, byMarket, _book.DailyRealizedPnl(Today), _risk.ConsecutiveErrors);
    }

    private RiskSnapshot Current() => _risk = _risk.WithDailyPnl(_book.DailyRealizedPnl(Today));

    private void Publish() => _view.Publish(Current());

    private PositionsReport Report() => new(_book, _book.DailyRealizedPnl(Today), Today, Current(), _offset);

    private void Restore(PositionsSnapshot snapshot)
    {
        _offset = snapshot.Offset;
        _book = PositionBook.Restore(snapshot.Positions, snapshot.RealizedByDay.Select(d => KeyValuePair.Create(d.Day, d.Realized)));
        _risk = FullRiskSnapshot();
    }

    private sealed class CatchUp
    {
        public static readonly CatchUp Instance = new();
    }

    private sealed class Poll
    {
        public static readonly Poll Instance = new();
    }

    [LoggerMessage(EventId = 6001, EventName = "positions_rebuilt", Level = LogLevel.Warning,
        Message = "Positions rebuilt from the journal after {voided} fills were voided by failed settlements (offset {offset})")]
    private static partial void LogRebuilt(ILogger logger, int voided, long offset);
}

/// <summary>The positions read model at a journal offset.</summary>
public sealed record PositionsSnapshot(long Offset, IReadOnlyList<Position> Positions, IReadOnlyList<DailyPnl> RealizedByDay);

/// <summary>Realized P&amp;L of one UTC day.</summary>
public sealed record DailyPnl(DateOnly Day, decimal Realized);
