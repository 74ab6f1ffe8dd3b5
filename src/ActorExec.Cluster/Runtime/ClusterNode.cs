using System.Collections.Concurrent;
using System.Text.Json;
using ActorExec.Actors;
using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Cluster.Allocation;
using ActorExec.Cluster.Delivery;
using ActorExec.Cluster.Fencing;
using ActorExec.Cluster.Internal;
using ActorExec.Cluster.Membership;
using ActorExec.Cluster.Schema;
using ActorExec.Cluster.Sharding;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ActorExec.Cluster.Runtime;

/// <summary>
/// One node's membership of the cluster, with PostgreSQL as the coordinator: it heartbeats and renews its
/// leases every <see cref="ClusterOptions.HeartbeatInterval"/>, declares silent members dead, plans shard
/// allocation every <see cref="ClusterRuntimeOptions.AllocationInterval"/> (and at once when a member dies
/// or joins), acquires the shards the plan gives it and hands off those it must give up. It tells its
/// <see cref="ShardRegion"/> what changed. <see cref="Exited"/> completes when the node left or was
/// declared dead: the process must then stop (a dead incarnation never comes back).
/// </summary>
public sealed partial class ClusterNode : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ClusterOptions _options;
    private readonly ClusterRuntimeOptions _runtime;
    private readonly ILogger _log;
    private readonly InboxListener _listener;
    private readonly ShardInboxReader _reader;
    private readonly CursorAdvancer _advancer;
    private readonly ConcurrentDictionary<int, long> _owned = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<string> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _allocationGate = new(1, 1);
    private readonly string _clusterChannel;
    private IActorRef? _region;
    private Task _heartbeats = Task.CompletedTask;
    private Task _allocation = Task.CompletedTask;
    private Task _replies = Task.CompletedTask;
    private Task? _leaving;
    private DateTimeOffset? _connectedSince;
    private string? _outage;

    private ClusterNode(NpgsqlDataSource dataSource, ClusterOptions options, ClusterRuntimeOptions runtime, ClusterMembership membership, MemberIncarnation self,
        ClusterTransport transport, ILogger log)
    {
        _dataSource = dataSource;
        _options = options;
        _runtime = runtime;
        Membership = membership;
        Self = self;
        Transport = transport;
        Leases = new ShardLeases(dataSource, options);
        _log = log;
        _clusterChannel = $"actorexec_cluster_{options.Schema}";
        _listener = new InboxListener(dataSource, [transport.Store.Channel, _clusterChannel], log);
        _reader = new ShardInboxReader(transport.Store, _listener.ForAny("shard:"), runtime, log);
        _advancer = new CursorAdvancer(transport.Store, log);
    }

    /// <summary>This node's incarnation.</summary>
    public MemberIncarnation Self { get; }

    /// <summary>The coordinator settings.</summary>
    public ClusterOptions Options => _options;

    /// <summary>The membership table.</summary>
    public ClusterMembership Membership { get; }

    /// <summary>The shard leases.</summary>
    public ShardLeases Leases { get; }

    /// <summary>Cross-node delivery.</summary>
    public ClusterTransport Transport { get; }

    /// <summary>Completes with the reason when this incarnation left the cluster or was declared dead.</summary>
    public Task<string> Exited => _exited.Task;

    /// <summary>True while the coordinator is reachable and this node is a member.</summary>
    public bool IsServing => _outage is null && !_exited.Task.IsCompleted;

    /// <summary>Shards this node holds a lease on, with their epochs.</summary>
    public IReadOnlyDictionary<int, long> OwnedShards => new Dictionary<int, long>(_owned);

    /// <summary>
    /// Creates or checks the cluster schema (refusing another shard count), joins as a new incarnation and
    /// prepares delivery. Create the region from <see cref="RegionProps"/> and <see cref="Start"/> the node with it.
    /// </summary>
    /// <exception cref="ClusterConfigurationException">The database was set up with another shard count; the message names both.</exception>
    public static async Task<ClusterNode> JoinAsync(NpgsqlDataSource dataSource, ClusterOptions options, ClusterRuntimeOptions runtime, string nodeId, string address,
        EventTypeRegistry messages, JsonSerializerOptions json, ILogger log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        runtime = (runtime ?? throw new ArgumentNullException(nameof(runtime))).Validate();
        await new ClusterSchema(dataSource, options).EnsureAsync(cancellationToken).ConfigureAwait(false);
        var membership = new ClusterMembership(dataSource, options);
        var self = await membership.JoinAsync(nodeId, address, cancellationToken).ConfigureAwait(false);
        var transport = new ClusterTransport(new InboxStore(dataSource, options), messages, json, nodeId, self.Incarnation, log);
        var node = new ClusterNode(dataSource, options, runtime, membership, self, transport, log);
        LogJoined(log, self.NodeId, self.Incarnation, options.ShardCount, options.Schema);
        await node.NotifyMembershipChangedAsync(cancellationToken).ConfigureAwait(false);
        return node;
    }

    /// <summary>The props of this node's shard region for <paramref name="entities"/>; create it once, then <see cref="Start"/> the node with it.</summary>
    public Props RegionProps(IShardedEntities entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var transport = Transport;
        var reader = _reader;
        var advancer = _advancer;
        var runtime = _runtime;
        var count = _options.ShardCount;
        return Props.Create(() => new ShardRegion(entities, transport, reader, advancer, runtime, count));
    }

    /// <summary>Starts heartbeats, lease renewal, allocation and reply delivery, driving <paramref name="region"/>.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start(IActorRef region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (Interlocked.CompareExchange(ref _region, region, null) is not null)
            throw new InvalidOperationException("The cluster node is already started");
        var token = _stopping.Token;
        _replies = Task.Run(() => new NodeInboxConsumer(Transport, _listener.For(Transport.OwnInbox.Value), _runtime, _log).RunAsync(token));
        _heartbeats = Task.Run(() => HeartbeatLoopAsync(token));
        _allocation = Task.Run(() => AllocationLoopAsync(token));
    }

    /// <summary>Called by the journal's write guard: a write of a shard's entities was refused, so the shard is lost here.</summary>
    public void OnFenceBroken(ShardFence fence, string reason)
    {
        if (fence.Incarnation != Self.Incarnation)
            return;
        LogFencedWrite(_log, fence.ShardId, fence.Epoch, reason);
        if (_owned.TryGetValue(fence.ShardId, out var epoch) && epoch == fence.Epoch)
            _owned.TryRemove(fence.ShardId, out _);
        _region?.Tell(new ShardLost(fence.ShardId, $"a journal write was refused: {reason}", fence.Epoch), null);
    }

    /// <summary>
    /// Leaves gracefully: status leaving (no shard is given to it any more), every shard handed off (its
    /// actors stopped after what they have in hand, the lease released for another node), then left.
    /// </summary>
    public Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        lock (_exited)
            _leaving ??= LeaveCoreAsync(cancellationToken);
        return _leaving;
    }

    private async Task LeaveCoreAsync(CancellationToken cancellationToken)
    {
        var state = await Membership.BeginLeaveAsync(cancellationToken).ConfigureAwait(false);
        if (!state.IsMember)
        {
            _exited.TrySetResult($"declared {state.Status} before leaving: {state.Reason}");
            return;
        }
        LogLeaving(_log, Self.NodeId, Self.Incarnation, _owned.Count);
        await _allocationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_owned.Keys.ToList().Select(shard => HandOffAsync(shard, cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            _allocationGate.Release();
        }
        await Membership.CompleteLeaveAsync(cancellationToken).ConfigureAwait(false);
        await NotifyMembershipChangedAsync(cancellationToken).ConfigureAwait(false);
        await Transport.FlushAsync(cancellationToken).ConfigureAwait(false);
        LogLeft(_log, Self.NodeId, Self.Incarnation);
        _exited.TrySetResult("left the cluster");
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval);
        do
        {
            try
            {
                await HeartbeatAsync(cancellationToken).ConfigureAwait(false);
                if (_exited.Task.IsCompleted)
                    return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsUnreachable(e))
            {
                OnCoordinatorUnreachable(e);
            }
            catch (Exception e)
            {
                // The database answered with an error (a lock timeout, say): not an outage; the next beat retries.
                LogHeartbeatFailed(_log, e.GetType().Name, e.Message);
            }
        }
        while (await WaitAsync(timer, cancellationToken).ConfigureAwait(false));
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var state = await Membership.HeartbeatAsync(cancellationToken).ConfigureAwait(false);
        if (!state.IsMember)
        {
            OnDeclaredDead(state);
            return;
        }
        // Only shards held before the renewal started can be missing from its answer: one acquired while it
        // ran is ours even if the renewal did not see it yet.
        var before = new Dictionary<int, long>(_owned);
        var renewal = await Leases.RenewAsync(Self, _options.LeaseTimeout, cancellationToken).ConfigureAwait(false);
        foreach (var shard in renewal.LostSince(before))
        {
            if (!((ICollection<KeyValuePair<int, long>>)_owned).Remove(new KeyValuePair<int, long>(shard, before[shard])))
                continue;
            _region?.Tell(new ShardLost(shard, "its lease was taken over while this node could not renew it", before[shard]), null);
        }
        var now = DateTimeOffset.UtcNow;
        if (_outage is not null)
        {
            LogCoordinatorBack(_log, _outage);
            _outage = null;
            _region?.Tell(CoordinatorAvailable.Instance, null);
        }
        _connectedSince ??= now;
        if (state.Status == MemberStatus.Leaving && _leaving is null)
        {
            LogLeaveRequested(_log, Self.NodeId);
            _ = LeaveAsync(CancellationToken.None).ContinueWith(t => LogLeaveFailed(_log, t.Exception!.GetBaseException().Message), TaskContinuationOptions.OnlyOnFaulted);
            return;
        }
        // After an outage every member's heartbeat is stale: wait one lease timeout of being connected
        // ourselves, so the others have heartbeated too, before declaring anyone dead.
        if (now - _connectedSince < _options.LeaseTimeout)
            return;
        var dead = await Membership.DetectDeadAsync(_options.LeaseTimeout, cancellationToken).ConfigureAwait(false);
        foreach (var member in dead)
            LogMemberDead(_log, member.Member.NodeId, member.Member.Incarnation, member.Reason, member.ReleasedShards);
        if (dead.Count > 0)
            await NotifyMembershipChangedAsync(cancellationToken).ConfigureAwait(false);
    }

    // Connection-level failures and the server shutting down are an outage; an error answer is not.
    private static bool IsUnreachable(Exception e)
        => e is System.Net.Sockets.SocketException or TimeoutException or System.IO.IOException
           || (e is NpgsqlException npgsql && (npgsql is not PostgresException postgres || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57", StringComparison.Ordinal)));

    private void OnCoordinatorUnreachable(Exception e)
    {
        _connectedSince = null;
        if (_outage is not null)
            return;
        _outage = e.Message;
        LogCoordinatorUnreachable(_log, e.GetType().Name, e.Message);
        _region?.Tell(new CoordinatorUnavailable(e.Message), null);
    }

    private void OnDeclaredDead(MembershipState state)
    {
        var reason = $"incarnation {Self.Incarnation} is {state.Status.ToString().ToLowerInvariant()}: {state.Reason ?? "no reason recorded"}";
        if (state.Status == MemberStatus.Left)
        {
            _exited.TrySetResult("left the cluster");
            return;
        }
        LogDeclaredDead(_log, Self.NodeId, reason, _owned.Count);
        foreach (var shard in _owned.Keys.ToList())
        {
            _owned.TryRemove(shard, out _);
            _region?.Tell(new ShardLost(shard, "this node was declared dead"), null);
        }
        _exited.TrySetResult($"declared dead: {reason}");
    }

    private async Task AllocationLoopAsync(CancellationToken cancellationToken)
    {
        var wakeup = _listener.For(MembershipChanged);
        while (!cancellationToken.IsCancellationRequested && !_exited.Task.IsCompleted)
        {
            try
            {
                if (_outage is null && _connectedSince is { } since && _leaving is null)
                {
                    // Right after an outage leases look expired; let their owners renew them first.
                    if (DateTimeOffset.UtcNow - since >= _options.LeaseTimeout || _owned.IsEmpty)
                        await AllocateAsync(cancellationToken).ConfigureAwait(false);
                }
                await wakeup.WaitAsync(_runtime.AllocationInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogAllocationFailed(_log, e.Message);
                try
                {
                    await Task.Delay(_runtime.AllocationInterval, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task AllocateAsync(CancellationToken cancellationToken)
    {
        await _allocationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_leaving is not null)
                return;
            var members = await Membership.ListMembersAsync(cancellationToken).ConfigureAwait(false);
            var live = members.Where(m => m.Status == MemberStatus.Up).Select(m => m.Member).ToList();
            if (!live.Contains(Self))
                return;
            var leases = await Leases.ListAsync(cancellationToken).ConfigureAwait(false);
            AdoptUnknownLeases(leases);
            await EnsureHostedAsync(leases, cancellationToken).ConfigureAwait(false);
            var owners = leases.Where(l => l.IsValid && l.Owner is not null).ToDictionary(l => l.ShardId, l => l.Owner!);
            var plan = ShardAllocator.Plan(_options.ShardCount, live, owners, _options.MaxMovesPerRound);
            if (plan.IsEmpty)
                return;
            var acquired = 0;
            foreach (var move in plan.Moves.Where(m => m.To == Self && m.From is null))
            {
                var result = await Leases.TryAcquireAsync(move.ShardId, Self, _options.LeaseTimeout, cancellationToken).ConfigureAwait(false);
                if (result is AcquireResult.Acquired { Value: var lease })
                {
                    _owned[lease.ShardId] = lease.Epoch;
                    _region!.Tell(new ShardAcquired(new ShardFence(lease.ShardId, lease.Epoch, Self.Incarnation)), null);
                    acquired++;
                }
                else if (result is AcquireResult.NotMember)
                    return;
            }
            var giving = plan.Moves.Where(m => m.From == Self && _owned.ContainsKey(m.ShardId)).Select(m => m.ShardId).ToList();
            if (acquired > 0 || giving.Count > 0)
                LogRound(_log, acquired, giving.Count, _owned.Count - giving.Count, plan.DeferredMoves);
            await Task.WhenAll(giving.Select(shard => HandOffAsync(shard, cancellationToken))).ConfigureAwait(false);
            if (giving.Count > 0)
                await NotifyMembershipChangedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _allocationGate.Release();
        }
    }

    /// <summary>
    /// A lease this incarnation holds in the database but not in <see cref="_owned"/> (its acquisition
    /// committed while the answer was lost to a timeout) would be renewed for ever with nothing consuming
    /// its inbox: the shard is started here like any acquired one. Runs under the allocation gate, the
    /// only place shards are acquired, so no acquisition is half done meanwhile.
    /// </summary>
    private void AdoptUnknownLeases(IReadOnlyList<ShardLeaseInfo> leases)
    {
        foreach (var lease in leases)
        {
            if (!lease.IsValid || lease.Owner != Self || _owned.ContainsKey(lease.ShardId))
                continue;
            LogLeaseAdopted(_log, lease.ShardId, lease.Epoch);
            _owned[lease.ShardId] = lease.Epoch;
            AnnounceAcquired(lease.ShardId, lease.Epoch);
        }
    }

    /// <summary>
    /// Every shard leased here must be hosted by the region; one that is not (the region restarted after a
    /// bug, say) is started again, or its inbox would never be read while this node keeps renewing its lease.
    /// Runs under the allocation gate, so no hand-off is under way, and after this loop's own acquisitions.
    /// </summary>
    private async Task EnsureHostedAsync(IReadOnlyList<ShardLeaseInfo> leases, CancellationToken cancellationToken)
    {
        LocalShards hosted;
        try
        {
            hosted = await _region!.Ask<LocalShards>(GetLocalShards.Instance, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return; // A busy region is checked next round; allocation must not wait for it.
        }
        foreach (var (shard, epoch) in _owned)
        {
            // A shard being lost right now (its lease taken over) is not hosted either: the database says which.
            if ((hosted.Epochs.TryGetValue(shard, out var hostedEpoch) && hostedEpoch == epoch) || leases.FirstOrDefault(l => l.ShardId == shard) is not { IsValid: true } lease || lease.Owner != Self || lease.Epoch != epoch)
                continue;
            LogShardRestarted(_log, shard, epoch);
            AnnounceAcquired(shard, epoch);
        }
    }

    /// <summary>
    /// Tells the region to host a lease found in the database; should the heartbeat have lost that lease
    /// meanwhile (its ShardLost possibly handled first), the loss is told again, after the acquisition.
    /// </summary>
    private void AnnounceAcquired(int shard, long epoch)
    {
        _region!.Tell(new ShardAcquired(new ShardFence(shard, epoch, Self.Incarnation)), null);
        if (!_owned.TryGetValue(shard, out var now) || now != epoch)
            _region.Tell(new ShardLost(shard, "its lease was lost while it was being started again", epoch), null);
    }

    private async Task HandOffAsync(int shard, CancellationToken cancellationToken)
    {
        if (!_owned.TryGetValue(shard, out var epoch))
            return;
        // Giving up half way would leave a lease held here with no actors and no consumer behind it (its
        // inbox never read again), so both steps are retried until they are done or the node stops.
        await WaitHandedOffAsync(shard, cancellationToken).ConfigureAwait(false);
        var released = await ReleaseAsync(shard, epoch, cancellationToken).ConfigureAwait(false);
        ((ICollection<KeyValuePair<int, long>>)_owned).Remove(new KeyValuePair<int, long>(shard, epoch));
        if (!released)
            LogReleaseRefused(_log, shard, epoch);
        _region!.Tell(new ShardReleased(shard), null);
    }

    /// <summary>Asks the region to hand the shard off and waits for it; it always answers, as its overdue timer stops the shard's actors.</summary>
    private async Task WaitHandedOffAsync(int shard, CancellationToken cancellationToken)
    {
        var wait = _runtime.HandOffTimeout + TimeSpan.FromSeconds(10);
        for (var asked = 1; ; asked++)
        {
            try
            {
                await _region!.Ask<ShardHandedOff>(new HandOffShard(shard), wait, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (AskTimeoutException)
            {
                LogHandOffSlow(_log, shard, (wait * asked).TotalSeconds);
            }
        }
    }

    private async Task<bool> ReleaseAsync(int shard, long epoch, CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await Leases.ReleaseAsync(Self, shard, epoch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (failures == 1)
                    LogReleaseFailed(_log, shard, epoch, e.Message);
                if (!await Backoff.PauseAsync(failures, cancellationToken).ConfigureAwait(false))
                    throw new OperationCanceledException($"the node stopped before shard {shard}'s lease was released", e, cancellationToken);
            }
        }
    }

    private async Task NotifyMembershipChangedAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
        command.Parameters.Add(new NpgsqlParameter<string>("channel", _clusterChannel));
        command.Parameters.Add(new NpgsqlParameter<string>("payload", MembershipChanged));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string MembershipChanged = "membership";

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Stops the loops (without leaving: use <see cref="LeaveAsync"/> first for a graceful exit).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_heartbeats, _allocation, _replies).ConfigureAwait(false);
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _advancer.DisposeAsync().ConfigureAwait(false);
        await _listener.DisposeAsync().ConfigureAwait(false);
        await Transport.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 8140, EventName = "cluster_joined", Level = LogLevel.Information,
        Message = "Joined the cluster as {node_id} incarnation {incarnation} ({shard_count} shards, schema {schema})")]
    private static partial void LogJoined(ILogger logger, string node_id, long incarnation, int shard_count, string schema);

    [LoggerMessage(EventId = 8141, EventName = "member_declared_dead", Level = LogLevel.Warning,
        Message = "Declared {node_id} incarnation {incarnation} dead ({reason}); {released} shards released for the others")]
    private static partial void LogMemberDead(ILogger logger, string node_id, long incarnation, string reason, int released);

    [LoggerMessage(EventId = 8142, EventName = "node_declared_dead", Level = LogLevel.Critical,
        Message = "Node {node_id} is no longer a member ({reason}); stopping its {shards} shards; the process must restart to join again")]
    private static partial void LogDeclaredDead(ILogger logger, string node_id, string reason, int shards);

    [LoggerMessage(EventId = 8143, EventName = "coordinator_unreachable", Level = LogLevel.Error,
        Message = "PostgreSQL (the coordinator) is unreachable ({error_type}: {reason}); intake stopped, state kept, retrying every heartbeat")]
    private static partial void LogCoordinatorUnreachable(ILogger logger, string error_type, string reason);

    [LoggerMessage(EventId = 8144, EventName = "coordinator_back", Level = LogLevel.Information,
        Message = "PostgreSQL is reachable again (the outage was: {reason}); intake resumed")]
    private static partial void LogCoordinatorBack(ILogger logger, string reason);

    [LoggerMessage(EventId = 8145, EventName = "fenced_write", Level = LogLevel.Error,
        Message = "A journal write of shard {shard_id} at epoch {epoch} was refused by the epoch check ({reason}); stopping the shard's actors")]
    private static partial void LogFencedWrite(ILogger logger, int shard_id, long epoch, string reason);

    [LoggerMessage(EventId = 8146, EventName = "allocation_round", Level = LogLevel.Information,
        Message = "Allocation round: acquired {acquired} shards, handing off {giving}; {owned} owned after it, {deferred} moves deferred to later rounds")]
    private static partial void LogRound(ILogger logger, int acquired, int giving, int owned, int deferred);

    [LoggerMessage(EventId = 8147, EventName = "allocation_failed", Level = LogLevel.Warning, Message = "Allocation round failed: {reason}; trying again next round")]
    private static partial void LogAllocationFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8148, EventName = "cluster_leaving", Level = LogLevel.Information,
        Message = "Node {node_id} incarnation {incarnation} leaving: handing off {shards} shards")]
    private static partial void LogLeaving(ILogger logger, string node_id, long incarnation, int shards);

    [LoggerMessage(EventId = 8149, EventName = "cluster_left", Level = LogLevel.Information,
        Message = "Node {node_id} incarnation {incarnation} left the cluster; every shard handed off")]
    private static partial void LogLeft(ILogger logger, string node_id, long incarnation);

    [LoggerMessage(EventId = 8150, EventName = "cluster_leave_requested", Level = LogLevel.Information,
        Message = "Node {node_id} was asked to leave (actorexec cluster leave); handing its shards off")]
    private static partial void LogLeaveRequested(ILogger logger, string node_id);

    [LoggerMessage(EventId = 8151, EventName = "cluster_leave_failed", Level = LogLevel.Error, Message = "Leaving the cluster failed: {reason}")]
    private static partial void LogLeaveFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8153, EventName = "heartbeat_failed", Level = LogLevel.Warning,
        Message = "A heartbeat failed ({error_type}: {reason}); the next one retries")]
    private static partial void LogHeartbeatFailed(ILogger logger, string error_type, string reason);

    [LoggerMessage(EventId = 8154, EventName = "shard_hand_off_slow", Level = LogLevel.Warning,
        Message = "Shard {shard_id} is still handing off after {seconds} s; waiting for its actors to stop")]
    private static partial void LogHandOffSlow(ILogger logger, int shard_id, double seconds);

    [LoggerMessage(EventId = 8155, EventName = "shard_release_failed", Level = LogLevel.Warning,
        Message = "Releasing shard {shard_id}'s lease (epoch {epoch}) failed ({reason}); retrying until it is released")]
    private static partial void LogReleaseFailed(ILogger logger, int shard_id, long epoch, string reason);

    [LoggerMessage(EventId = 8156, EventName = "shard_lease_adopted", Level = LogLevel.Warning,
        Message = "Shard {shard_id}'s lease (epoch {epoch}) is held by this node, which had not recorded acquiring it; starting the shard here")]
    private static partial void LogLeaseAdopted(ILogger logger, int shard_id, long epoch);

    [LoggerMessage(EventId = 8157, EventName = "shard_not_hosted", Level = LogLevel.Warning,
        Message = "Shard {shard_id} (epoch {epoch}) is leased here but its actors were not running; starting them again")]
    private static partial void LogShardRestarted(ILogger logger, int shard_id, long epoch);

    [LoggerMessage(EventId = 8152, EventName = "shard_release_refused", Level = LogLevel.Warning,
        Message = "Shard {shard_id} at epoch {epoch} was already taken over when this node released it")]
    private static partial void LogReleaseRefused(ILogger logger, int shard_id, long epoch);
}
