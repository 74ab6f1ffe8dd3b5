namespace ActorExec.Cluster.Membership;

/// <summary>
/// What the database says about this node's incarnation after a heartbeat or a leave step. When
/// <see cref="IsMember"/> is false the node must stop: its incarnation never becomes a member again.
/// </summary>
/// <param name="Member">This node's incarnation.</param>
/// <param name="Status">Its status in <c>cluster_nodes</c> now.</param>
/// <param name="Reason">Why it is dead (or left), when it is.</param>
public sealed record MembershipState(MemberIncarnation Member, MemberStatus Status, string? Reason)
{
    /// <summary>True while the incarnation is up or leaving: it still heartbeats and may hold shards.</summary>
    public bool IsMember => Status is MemberStatus.Up or MemberStatus.Leaving;
}

/// <summary>One incarnation as <see cref="ClusterMembership.ListMembersAsync"/> reports it.</summary>
/// <param name="Member">Node id and incarnation.</param>
/// <param name="Address">Where the node said it can be reached.</param>
/// <param name="Status">Its status now.</param>
/// <param name="JoinedAt">When it joined (database clock).</param>
/// <param name="HeartbeatAge">How long ago its last heartbeat was, measured by the database.</param>
/// <param name="LeftAt">When it left, if it left in an orderly way.</param>
/// <param name="Reason">Why it is dead, when it is.</param>
/// <param name="OwnedShards">Lease rows naming it as owner (expired ones included).</param>
public sealed record MemberInfo(
    MemberIncarnation Member, string Address, MemberStatus Status, DateTimeOffset JoinedAt, TimeSpan HeartbeatAge,
    DateTimeOffset? LeftAt, string? Reason, int OwnedShards);

/// <summary>An incarnation that <see cref="ClusterMembership.DetectDeadAsync"/> has just declared dead.</summary>
/// <param name="Member">Node id and incarnation.</param>
/// <param name="Address">Where it could be reached.</param>
/// <param name="SilentFor">Age of its last heartbeat when declared dead (database clock).</param>
/// <param name="Reason">The reason stored with it, e.g. "missed heartbeats for 10.0 s (lease timeout 3 s)".</param>
/// <param name="ReleasedShards">Shards it owned, now free for the survivors.</param>
public sealed record DeadMember(MemberIncarnation Member, string Address, TimeSpan SilentFor, string Reason, int ReleasedShards);
