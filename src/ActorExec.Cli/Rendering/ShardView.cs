using System.Globalization;
using ActorExec.Inspection;

namespace ActorExec.Cli.Rendering;

/// <summary><c>shards show</c>: a row per shard lease, then how many shards each owner holds.</summary>
internal static class ShardView
{
    public static void Render(IReadOnlyList<ShardInfo> shards, Screen screen)
    {
        if (shards.Count == 0)
        {
            screen.WriteLine("no shards.");
            return;
        }
        var i = CultureInfo.InvariantCulture;
        var table = Tables.Create("Shard", "Owner", "Epoch", "Lease", "Expires");
        foreach (var shard in shards.OrderBy(s => s.ShardId))
        {
            table.AddTextRow(
                shard.ShardId.ToString(i),
                Owner(shard) ?? Formats.None,
                shard.Epoch.ToString(i),
                Lease(shard),
                Formats.Time(shard.ExpiresAt));
        }
        screen.Write(table);
        screen.WriteLine(Counts(shards));
    }

    private static string? Owner(ShardInfo shard) =>
        shard.OwnerNode is null ? null : Formats.Member(shard.OwnerNode, shard.OwnerIncarnation);

    private static string Lease(ShardInfo shard) => shard switch
    {
        { OwnerNode: null } => "unowned",
        { LeaseValid: true } => "valid",
        _ => "expired",
    };

    /// <summary><c>256 shards: node-a #3 85, node-b #5 84 (2 expired), unowned 1</c>, owners by node id then incarnation.</summary>
    private static string Counts(IReadOnlyList<ShardInfo> shards)
    {
        var i = CultureInfo.InvariantCulture;
        var owners = shards
            .Where(s => s.OwnerNode is not null)
            .GroupBy(s => (Node: s.OwnerNode!, s.OwnerIncarnation))
            .OrderBy(g => g.Key.Node, StringComparer.Ordinal)
            .ThenBy(g => g.Key.OwnerIncarnation)
            .Select(g =>
            {
                var expired = g.Count(s => !s.LeaseValid);
                var count = string.Create(i, $"{Formats.Member(g.Key.Node, g.Key.OwnerIncarnation)} {g.Count()}");
                return expired == 0 ? count : string.Create(i, $"{count} ({expired} expired)");
            })
            .ToList();
        var unowned = shards.Count(s => s.OwnerNode is null);
        if (unowned > 0)
        {
            owners.Add(string.Create(i, $"unowned {unowned}"));
        }
        return string.Create(i, $"{shards.Count} shards: {string.Join(", ", owners)}");
    }
}
