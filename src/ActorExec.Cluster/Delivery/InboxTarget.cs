using System.Globalization;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// Whose inbox a message is appended to: a shard's (<c>shard:17</c>, consumed by whichever node owns
/// the shard) or a node incarnation's (<c>node:42</c>, for replies to actors living on that node).
/// </summary>
public readonly record struct InboxTarget
{
    private InboxTarget(string value) => Value = value;

    /// <summary>The stored form.</summary>
    public string Value { get; }

    /// <summary>The inbox of shard <paramref name="shardId"/>.</summary>
    public static InboxTarget Shard(int shardId)
        => shardId >= 0 ? new("shard:" + shardId.ToString(CultureInfo.InvariantCulture)) : throw new ArgumentOutOfRangeException(nameof(shardId), shardId, "a shard id is never negative");

    /// <summary>The inbox of node incarnation <paramref name="incarnation"/>.</summary>
    public static InboxTarget Node(long incarnation)
        => incarnation > 0 ? new("node:" + incarnation.ToString(CultureInfo.InvariantCulture)) : throw new ArgumentOutOfRangeException(nameof(incarnation), incarnation, "an incarnation is positive");

    /// <summary>Reads a stored target back.</summary>
    /// <exception cref="FormatException">Neither <c>shard:N</c> nor <c>node:N</c>; the message quotes the text.</exception>
    public static InboxTarget Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith("shard:", StringComparison.Ordinal) && int.TryParse(value.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var shard))
            return Shard(shard);
        if (value.StartsWith("node:", StringComparison.Ordinal) && long.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var node) && node > 0)
            return Node(node);
        throw new FormatException($"'{value}' is not an inbox target (expected shard:<id> or node:<incarnation>)");
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
