namespace ActorExec.Inspection;

/// <summary>
/// The cluster as the answering node reads it from the coordinating PostgreSQL database: the
/// schema the members share, the fixed shard count, who answered and every member row.
/// </summary>
/// <param name="Schema">The PostgreSQL schema holding the cluster's tables (<c>cluster_settings</c>, <c>cluster_nodes</c>, <c>shard_leases</c>); nodes using another schema form another cluster.</param>
/// <param name="ShardCount">The number of shards, fixed for the life of the cluster (default 256).</param>
/// <param name="SelfNodeId">The id of the node that answered.</param>
/// <param name="SelfIncarnation">The incarnation of the node that answered (a restarted process joins as a new incarnation).</param>
/// <param name="Members">Every membership row, one per node incarnation, including those that left or died.</param>
public sealed record ClusterInfo(string Schema, int ShardCount, string SelfNodeId, long SelfIncarnation, IReadOnlyList<ClusterMemberInfo> Members);

/// <summary>One node incarnation in the membership table.</summary>
/// <param name="NodeId">The node's configured id (<c>node.id</c>); the same across restarts.</param>
/// <param name="Incarnation">This life of the node, given by the database when it joined (increasing across the cluster; a restart gets a new one, a dead one never returns).</param>
/// <param name="Address">Where the node listens for its peers, <c>host:port</c>.</param>
/// <param name="Status">One of <see cref="ClusterMemberStatus"/>: <c>up</c>, <c>leaving</c>, <c>left</c> or <c>dead</c>.</param>
/// <param name="JoinedAt">When this incarnation joined, by the database clock.</param>
/// <param name="HeartbeatAgeSeconds">Seconds since its last heartbeat, by the database clock when the answer was read.</param>
/// <param name="Shards">How many lease rows name it as owner, expired ones included.</param>
/// <param name="Reason">Why it is dead or left, e.g. <c>missed heartbeats for 10.0 s (lease timeout 3 s)</c> or <c>replaced by incarnation 9</c>; null while up.</param>
public sealed record ClusterMemberInfo(
    string NodeId, long Incarnation, string Address, string Status, DateTimeOffset JoinedAt, double HeartbeatAgeSeconds, int Shards, string? Reason);

/// <summary>The values of <see cref="ClusterMemberInfo.Status"/>.</summary>
public static class ClusterMemberStatus
{
    /// <summary>Heartbeating and able to own shards.</summary>
    public const string Up = "up";

    /// <summary>Asked to leave: still heartbeating, handing its shards off and taking none, then it exits.</summary>
    public const string Leaving = "leaving";

    /// <summary>Left gracefully after handing its shards off.</summary>
    public const string Left = "left";

    /// <summary>Missed its heartbeats or was replaced by a newer incarnation; final, its shards go to the survivors.</summary>
    public const string Dead = "dead";
}

/// <summary>One shard's lease row: who owns it, at which epoch, until when.</summary>
/// <param name="ShardId">The shard, from 0 to the shard count minus one.</param>
/// <param name="OwnerNode">The node id holding the lease; null when no node ever acquired it or its owner released it.</param>
/// <param name="OwnerIncarnation">The owner's incarnation; null with <paramref name="OwnerNode"/>.</param>
/// <param name="Epoch">Bumped by every acquisition and kept when the shard is released; journal writes carrying an older epoch are refused.</param>
/// <param name="ExpiresAt">When the lease runs out unless renewed, by the database clock; null when unowned.</param>
/// <param name="LeaseValid">True when no other node could take the shard now: its owner is up or leaving and the lease has not expired (database clock).</param>
public sealed record ShardInfo(int ShardId, string? OwnerNode, long? OwnerIncarnation, long Epoch, DateTimeOffset? ExpiresAt, bool LeaseValid);

/// <summary>The answer to a leave request: the member now leaving and how many shards it has to hand off first.</summary>
/// <param name="NodeId">The node asked to leave.</param>
/// <param name="Incarnation">Its incarnation: the one that leaves (a later restart joins anew).</param>
/// <param name="Status">Its status after the request, normally <c>leaving</c> (see <see cref="ClusterMemberStatus"/>).</param>
/// <param name="ShardsToHandOff">The shards it still owns and hands off before it exits.</param>
public sealed record LeaveResult(string NodeId, long Incarnation, string Status, int ShardsToHandOff);
