using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// Where a reply to an actor on another node goes: that node incarnation's inbox and the actor's id in
/// it (<c>node:42/17</c>). Ids are handed out by <see cref="ReplyAddresses"/> on the actor's node.
/// </summary>
public readonly record struct ReplyAddress(long Incarnation, long ActorId)
{
    /// <summary>The inbox the reply is appended to.</summary>
    public InboxTarget Inbox => InboxTarget.Node(Incarnation);

    /// <summary>Reads <c>node:&lt;incarnation&gt;/&lt;id&gt;</c>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReplyAddress? address)
    {
        address = null;
        if (text is null || !text.StartsWith("node:", StringComparison.Ordinal))
            return false;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !long.TryParse(text.AsSpan(5, slash - 5), NumberStyles.None, CultureInfo.InvariantCulture, out var incarnation) || incarnation <= 0
            || !long.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            return false;
        address = new ReplyAddress(incarnation, id);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"node:{Incarnation}/{ActorId}");
}
