namespace ActorExec.Cli.Http;

/// <summary>The filters of <c>orders list</c>; a null member is not sent, so the node's default applies.</summary>
internal sealed record OrderFilter(string? Market, string? State, DateTimeOffset? Since, int? Limit);
