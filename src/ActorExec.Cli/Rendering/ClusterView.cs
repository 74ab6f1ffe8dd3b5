using System.Globalization;
using ActorExec.Inspection;

namespace ActorExec.Cli.Rendering;

/// <summary>
/// <c>cluster show</c>: which cluster and node answered, a row per member (up first, then by node id,
/// the answering one marked <c>*</c>), and a summary line; <c>cluster leave</c>: what the leaving node does next.
/// </summary>
internal static class ClusterView
{
    private const string SelfMark = " *";

    /// <summary>Status order in the summary line; a status the CLI does not know yet comes after these.</summary>
    private static readonly string[] KnownStatuses =
        [ClusterMemberStatus.Up, ClusterMemberStatus.Leaving, ClusterMemberStatus.Left, ClusterMemberStatus.Dead];

    public static void Render(ClusterInfo cluster, Screen screen)
    {
        var i = CultureInfo.InvariantCulture;
        screen.WriteLine(string.Create(i,
            $"schema {cluster.Schema}, {cluster.ShardCount} shards; answered by {Formats.Member(cluster.SelfNodeId, cluster.SelfIncarnation)} (marked *)"));
        screen.WriteLine();
        if (cluster.Members.Count == 0)
        {
            screen.WriteLine("no members.");
            return;
        }
        var members = cluster.Members
            .OrderBy(m => m.Status == ClusterMemberStatus.Up ? 0 : 1)
            .ThenBy(m => m.NodeId, StringComparer.Ordinal)
            .ThenByDescending(m => m.Incarnation)
            .ToList();
        var table = Tables.Create("Node", "Incarnation", "Address", "Status", "Heartbeat age", "Shards");
        foreach (var member in members)
        {
            var self = member.NodeId == cluster.SelfNodeId && member.Incarnation == cluster.SelfIncarnation;
            table.AddTextRow(
                self ? member.NodeId + SelfMark : member.NodeId,
                member.Incarnation.ToString(i),
                member.Address,
                member.Status,
                Heartbeat(member),
                member.Shards.ToString(i));
        }
        screen.Write(table);
        screen.WriteLine(Summary(cluster.ShardCount, members));
    }

    public static void RenderLeave(LeaveResult leave, Screen screen)
    {
        var member = Formats.Member(leave.NodeId, leave.Incarnation);
        var shards = leave.ShardsToHandOff switch
        {
            0 => "no shards to hand off; it exits now",
            1 => "1 shard to hand off; it exits when it is handed off",
            var n => string.Create(CultureInfo.InvariantCulture, $"{n} shards to hand off; it exits when they are handed off"),
        };
        var status = leave.Status switch
        {
            ClusterMemberStatus.Leaving => "is leaving",
            ClusterMemberStatus.Left => "has left",
            var other => $"is {other}",
        };
        screen.WriteLine($"{member} {status}: {shards}");
    }

    /// <summary>Age as <c>0.4 s</c> under a minute, <c>3m 07s</c> beyond; a member that left or died shows why instead.</summary>
    private static string Heartbeat(ClusterMemberInfo member)
    {
        if (member.Status is ClusterMemberStatus.Left or ClusterMemberStatus.Dead && !string.IsNullOrEmpty(member.Reason))
        {
            return member.Reason;
        }
        return member.HeartbeatAgeSeconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(member.HeartbeatAgeSeconds, 0):0.0} s")
            : Formats.Duration(TimeSpan.FromSeconds(member.HeartbeatAgeSeconds));
    }

    /// <summary><c>3 up, 1 dead; 256 shards, spread 85/85/86</c>, plus how many shards nobody holds, if any.</summary>
    private static string Summary(int shardCount, IReadOnlyList<ClusterMemberInfo> members)
    {
        var i = CultureInfo.InvariantCulture;
        var counts = members
            .GroupBy(m => m.Status, StringComparer.Ordinal)
            .OrderBy(g => Array.IndexOf(KnownStatuses, g.Key) is var known and >= 0 ? known : KnownStatuses.Length)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(i, $"{g.Count()} {g.Key}"));
        // The spread is over the members that hold shards or should: a dead one still listed with leases counts too.
        var holders = members
            .Where(m => m.Status is ClusterMemberStatus.Up or ClusterMemberStatus.Leaving || m.Shards > 0)
            .Select(m => m.Shards.ToString(i))
            .ToList();
        var shards = string.Create(i, $"{shardCount} shards");
        if (holders.Count > 0)
        {
            shards += $", spread {string.Join('/', holders)}";
        }
        var unowned = shardCount - members.Sum(m => m.Shards);
        if (unowned > 0)
        {
            shards += string.Create(i, $", {unowned} unowned");
        }
        return $"{string.Join(", ", counts)}; {shards}";
    }
}
