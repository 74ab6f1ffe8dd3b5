using ActorExec.Cluster.Membership;
using ActorExec.Inspection;
using ActorExec.Node.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorExec.Node.Inspection;

/// <summary>The cluster's routes: members, shard leases, and asking a member to leave. A node running alone answers 409 NOT_CLUSTERED.</summary>
internal static class ClusterEndpoints
{
    public static void Map(IEndpointRouteBuilder app, NodeRuntime node)
    {
        app.MapGet(InspectionRoutes.Cluster, async (CancellationToken ct) => node.Cluster is { } cluster
            ? Ok(new ClusterInfo(cluster.Options.Schema, cluster.Options.ShardCount, cluster.Self.NodeId, cluster.Self.Incarnation,
                [.. (await cluster.Membership.ListMembersAsync(ct)).Select(m => new ClusterMemberInfo(
                    m.Member.NodeId, m.Member.Incarnation, m.Address, m.Status.ToString().ToLowerInvariant(), m.JoinedAt, m.HeartbeatAge.TotalSeconds, m.OwnedShards, m.Reason))]))
            : NotClustered(node));
        app.MapGet(InspectionRoutes.Shards, async (CancellationToken ct) => node.Cluster is { } cluster
            ? Ok((await cluster.Leases.ListAsync(ct)).Select(l => new ShardInfo(l.ShardId, l.Owner?.NodeId, l.Owner?.Incarnation, l.Epoch, l.ExpiresAt, l.IsValid)).ToList())
            : NotClustered(node));
        app.MapPost(InspectionRoutes.Cluster + "/leave/{nodeId}", async (string nodeId, CancellationToken ct) =>
        {
            if (node.Cluster is not { } cluster)
                return NotClustered(node);
            var state = await cluster.Membership.RequestLeaveAsync(nodeId, ct);
            if (state is null)
                return Results.Json(new ApiError($"no member '{nodeId}' is up or leaving; see actorexec cluster show", ApiErrorCodes.NodeNotFound),
                    InspectionJson.Options, statusCode: StatusCodes.Status404NotFound);
            var shards = (await cluster.Leases.ListAsync(ct)).Count(l => l.IsValid && l.Owner == state.Member);
            return Ok(new LeaveResult(state.Member.NodeId, state.Member.Incarnation, state.Status.ToString().ToLowerInvariant(), shards));
        });
    }

    private static IResult Ok<T>(T document) => Results.Json(document, InspectionJson.Options);

    private static IResult NotClustered(NodeRuntime node)
        => Results.Json(ApiError.NotClustered(node.Settings.Persistence.Store), InspectionJson.Options, statusCode: StatusCodes.Status409Conflict);
}
