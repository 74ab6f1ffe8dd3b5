using ActorExec.Actors;
using ActorExec.Cluster.Delivery;
using ActorExec.Cluster.Fencing;
using ActorExec.Cluster.Sharding;
using Microsoft.Extensions.Logging;

namespace ActorExec.Cluster.Runtime;

/// <summary>
/// A node's entry to the sharded entities. A message for an entity of a shard hosted here goes straight
/// to the shard's host actor (in memory); for any other shard it is appended to that shard's inbox, which
/// its owner consumes. Messages for a shard being handed off (or restarted) are held and then sent on,
/// never dropped. The <see cref="ClusterNode"/> tells it which shards it acquired, must hand off or lost.
/// </summary>
internal sealed partial class ShardRegion : ReceiveActor, IWithTimers
{
    private readonly IShardedEntities _entities;
    private readonly ClusterTransport _transport;
    private readonly ShardInboxReader _reader;
    private readonly CursorAdvancer _advancer;
    private readonly ClusterRuntimeOptions _options;
    private readonly int _shardCount;
    private readonly Dictionary<int, Slot> _slots = [];
    private readonly Dictionary<IActorRef, Slot> _hosts = [];
    private readonly Dictionary<int, List<(object Message, IActorRef? Sender)>> _held = [];
    private string? _coordinatorDown;

    public ShardRegion(IShardedEntities entities, ClusterTransport transport, ShardInboxReader reader, CursorAdvancer advancer, ClusterRuntimeOptions options, int shardCount)
    {
        _entities = entities;
        _transport = transport;
        _reader = reader;
        _advancer = advancer;
        _options = options;
        _shardCount = shardCount;
        Receive<ShardAcquired>(OnAcquired);
        Receive<HandOffShard>(OnHandOff);
        Receive<ConsumerStopped>(OnConsumerStopped);
        Receive<ShardReleased>(released => ForwardHeld(released.ShardId));
        Receive<ShardLost>(OnLost);
        Receive<HandOffOverdue>(overdue =>
        {
            // In-flight work is journaled before every venue call, so stopping now loses nothing; the next owner resumes it.
            if (_hosts.ContainsKey(overdue.Host))
                Context.Stop(overdue.Host);
        });
        Receive<Terminated>(OnTerminated);
        Receive<RestartHost>(OnRestartHost);
        Receive<CoordinatorUnavailable>(down => _coordinatorDown = down.Reason);
        Receive<CoordinatorAvailable>(_ => _coordinatorDown = null);
        Receive<GetLocalShards>(_ => Sender.Tell(new LocalShards(
            _slots.Values.Where(s => !s.Lost).ToDictionary(s => s.Fence.ShardId, s => s.Fence.Epoch),
            [.. _slots.Values.Where(s => s.HandOffTo is not null).Select(s => s.Fence.ShardId).Order()]), Self));
        ReceiveAny(Route);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PostStop()
    {
        foreach (var slot in _slots.Values)
            slot.StopConsumer();
    }

    private void Route(object message)
    {
        var key = _entities.EntityKeyOf(message);
        if (key is null)
        {
            if (_entities.IsLocalQuery(message))
                AnswerLocalQuery(message);
            else
                Unhandled(message);
            return;
        }
        if (_coordinatorDown is not null && _entities.RefusalWhileUnavailable(message) is { } refusal)
        {
            Sender?.Tell(refusal, Self);
            return;
        }
        var shard = ShardHash.ShardOf(key, _shardCount);
        if (_held.TryGetValue(shard, out var held))
        {
            held.Add((message, Sender));
            return;
        }
        if (_slots.TryGetValue(shard, out var slot) && !slot.Lost)
        {
            slot.Host.Tell(_entities.Wrap(key, _entities.Unwrap(message)), Sender);
            return;
        }
        _transport.SendToShard(shard, key, _entities.Unwrap(message), Sender);
    }

    private void AnswerLocalQuery(object query)
    {
        var hosts = _slots.Values.Where(s => !s.Lost).Select(s => s.Host).ToList();
        var entities = _entities;
        var timeout = TimeSpan.FromSeconds(10);
        Task.WhenAll(hosts.Select(h => h.Ask(query, timeout)))
            .PipeTo(Sender!, Self, answers => entities.CombineLocal(query, answers), e => new Status.Failure(e));
    }

    private void OnAcquired(ShardAcquired acquired)
    {
        var fence = acquired.Fence;
        if (_slots.TryGetValue(fence.ShardId, out var existing))
        {
            if (existing.Fence == fence && !existing.Lost)
                return;
            // A newer lease of a shard whose old host is still stopping: it starts once that one is gone.
            existing.Successor = fence;
            // A newer lease while the old host still serves (this node's own lease lapsed and was acquired
            // again, epoch bumped): the old host's writes would all be refused, so it stops now.
            if (!existing.Lost && existing.HandOffTo is null && fence.Epoch > existing.Fence.Epoch)
                Lose(existing, $"acquired again at epoch {fence.Epoch}");
            return;
        }
        StartSlot(fence);
    }

    private void StartSlot(ShardFence fence)
    {
        var host = Context.ActorOf(_entities.ShardHostProps(fence.ShardId).WithWriteFence(fence), $"shard-{fence.ShardId}-{fence.Epoch}");
        Context.Watch(host);
        var slot = new Slot(fence, host);
        _slots[fence.ShardId] = slot;
        _hosts[host] = slot;
        StartConsumer(slot);
        LogShardStarted(Context.Logger, fence.ShardId, fence.Epoch);
        if (_held.Remove(fence.ShardId, out var held))
        {
            foreach (var (message, sender) in held)
                Self.Tell(message, sender);
        }
    }

    private void StartConsumer(Slot slot)
    {
        var consumer = new ShardInboxConsumer(_transport, slot.Fence.ShardId, _entities.Wrap, slot.Host, _reader, _advancer, _options, Context.Logger);
        slot.ConsumerStop = new CancellationTokenSource();
        var token = slot.ConsumerStop.Token;
        slot.Consumer = Task.Run(() => consumer.RunAsync(token));
    }

    private void OnHandOff(HandOffShard handOff)
    {
        if (!_slots.TryGetValue(handOff.ShardId, out var slot) || slot.Lost)
        {
            Sender?.Tell(new ShardHandedOff(handOff.ShardId), Self);
            return;
        }
        if (slot.HandOffTo is not null)
        {
            // Asked again (the node's wait timed out): the hand-off under way answers the new request.
            slot.HandOffTo = Sender ?? Context.System.DeadLetters;
            return;
        }
        slot.HandOffTo = Sender ?? Context.System.DeadLetters;
        _held.TryAdd(handOff.ShardId, []);
        LogHandingOff(Context.Logger, handOff.ShardId, slot.Fence.Epoch);
        slot.StopConsumer();
        if (HostGone(slot))
        {
            // It stopped by itself and waits for its restart: nothing is left to finish.
            AfterHostStopped(slot);
            return;
        }
        var shard = handOff.ShardId;
        slot.Consumer!.ContinueWith(_ => new ConsumerStopped(shard), TaskScheduler.Default).PipeTo(Self, Self);
        Timers.StartSingleTimer(("hand-off", shard), new HandOffOverdue(shard, slot.Host), _options.HandOffTimeout);
    }

    private void OnConsumerStopped(ConsumerStopped stopped)
    {
        // Consumption has stopped: what the host already has in its mailbox is processed, then it stops
        // (its children first), so everything in flight reaches the journal before the lease is released.
        if (_slots.TryGetValue(stopped.ShardId, out var slot) && slot.HandOffTo is not null)
            slot.Host.Tell(PoisonPill.Instance, Self);
    }

    private void OnLost(ShardLost lost)
    {
        if (!_slots.TryGetValue(lost.ShardId, out var slot) || slot.Lost || (lost.Epoch is { } epoch && epoch != slot.Fence.Epoch))
            return;
        Lose(slot, lost.Reason);
    }

    private void Lose(Slot slot, string reason)
    {
        LogShardLost(Context.Logger, slot.Fence.ShardId, slot.Fence.Epoch, reason);
        slot.Lost = true;
        slot.StopConsumer();
        _held.TryAdd(slot.Fence.ShardId, []);
        if (HostGone(slot))
            AfterHostStopped(slot);
        else
            Context.Stop(slot.Host);
    }

    private void OnTerminated(Terminated terminated)
    {
        if (_hosts.Remove(terminated.ActorRef, out var slot))
            AfterHostStopped(slot);
    }

    private void AfterHostStopped(Slot slot)
    {
        var shard = slot.Fence.ShardId;
        if (slot.HandOffTo is { } requester)
        {
            Timers.Cancel(("hand-off", shard));
            _slots.Remove(shard);
            slot.StopConsumer();
            LogHandedOff(Context.Logger, shard, slot.Fence.Epoch);
            requester.Tell(new ShardHandedOff(shard), Self);
            if (slot.Successor is { } successor)
                StartSlot(successor);
            return;
        }
        if (slot.Lost)
        {
            _slots.Remove(shard);
            if (slot.Successor is { } successor)
                StartSlot(successor);
            else
                ForwardHeld(shard);
            return;
        }
        // The host stopped by itself (its journal failed): start it again shortly; messages wait meanwhile.
        slot.StopConsumer();
        _held.TryAdd(shard, []);
        LogHostStopped(Context.Logger, shard, slot.Fence.Epoch);
        Timers.StartSingleTimer(("restart", shard), new RestartHost(slot.Fence), TimeSpan.FromSeconds(1));
    }

    private void OnRestartHost(RestartHost restart)
    {
        if (_slots.TryGetValue(restart.Fence.ShardId, out var slot) && slot.Fence == restart.Fence && !slot.Lost && slot.HandOffTo is null && HostGone(slot))
        {
            _slots.Remove(restart.Fence.ShardId);
            StartSlot(restart.Fence);
        }
    }

    /// <summary>True once the slot's host has terminated (it stopped by itself and waits for its restart, say).</summary>
    private bool HostGone(Slot slot) => !_hosts.ContainsKey(slot.Host);

    private void ForwardHeld(int shard)
    {
        if (_slots.ContainsKey(shard) || !_held.Remove(shard, out var held))
            return;
        foreach (var (message, sender) in held)
            Self.Tell(message, sender);
    }

    private sealed class Slot(ShardFence fence, IActorRef host)
    {
        public ShardFence Fence { get; } = fence;

        public IActorRef Host { get; } = host;

        public CancellationTokenSource? ConsumerStop { get; set; }

        public Task? Consumer { get; set; }

        public IActorRef? HandOffTo { get; set; }

        public bool Lost { get; set; }

        public ShardFence? Successor { get; set; }

        public void StopConsumer() => ConsumerStop?.Cancel();
    }

    private sealed record ConsumerStopped(int ShardId);

    private sealed record RestartHost(ShardFence Fence);

    private sealed record HandOffOverdue(int ShardId, IActorRef Host);

    [LoggerMessage(EventId = 8130, EventName = "shard_started", Level = LogLevel.Information, Message = "Shard {shard_id} started here at epoch {epoch}")]
    private static partial void LogShardStarted(ILogger logger, int shard_id, long epoch);

    [LoggerMessage(EventId = 8131, EventName = "shard_handing_off", Level = LogLevel.Information, Message = "Shard {shard_id} (epoch {epoch}) handing off: consumption stopped, its actors finish and stop")]
    private static partial void LogHandingOff(ILogger logger, int shard_id, long epoch);

    [LoggerMessage(EventId = 8132, EventName = "shard_handed_off", Level = LogLevel.Information, Message = "Shard {shard_id} (epoch {epoch}) handed off: its actors stopped")]
    private static partial void LogHandedOff(ILogger logger, int shard_id, long epoch);

    [LoggerMessage(EventId = 8133, EventName = "shard_lost", Level = LogLevel.Warning, Message = "Shard {shard_id} (epoch {epoch}) lost: {reason}; its actors are stopped at once")]
    private static partial void LogShardLost(ILogger logger, int shard_id, long epoch, string reason);

    [LoggerMessage(EventId = 8134, EventName = "shard_host_stopped", Level = LogLevel.Error, Message = "Shard {shard_id} (epoch {epoch}): its host stopped by itself; starting it again in 1 s")]
    private static partial void LogHostStopped(ILogger logger, int shard_id, long epoch);
}
