namespace ActorExec.Cluster.Membership;

/// <summary>Where an incarnation is in its life: up → leaving → left, or dead from up or leaving. Dead and left are final.</summary>
public enum MemberStatus
{
    /// <summary>Heartbeating and eligible for shards.</summary>
    Up,

    /// <summary>Heartbeating, draining its shards, eligible for none.</summary>
    Leaving,

    /// <summary>Left the cluster in an orderly way; final.</summary>
    Left,

    /// <summary>Declared dead (missed heartbeats or replaced by a newer incarnation); final, never comes back.</summary>
    Dead,
}

/// <summary>The text stored in <c>cluster_nodes.status</c> for each status.</summary>
internal static class MemberStatusText
{
    public const string Up = "up";
    public const string Leaving = "leaving";
    public const string Left = "left";
    public const string Dead = "dead";

    public static MemberStatus Parse(string text) => text switch
    {
        Up => MemberStatus.Up,
        Leaving => MemberStatus.Leaving,
        Left => MemberStatus.Left,
        Dead => MemberStatus.Dead,
        _ => throw new InvalidOperationException($"cluster_nodes.status holds '{text}', which is not one of up, leaving, left, dead"),
    };
}
