using ActorExec.Inspection;
using Microsoft.AspNetCore.Http;

namespace ActorExec.Cli.Tests.Fakes;

/// <summary>The cluster routes of a <see cref="FakeNode"/>, answering as a clustered node or as one that runs alone.</summary>
public static class FakeCluster
{
    private const string LeavePrefix = InspectionRoutes.Cluster + "/leave/";

    /// <summary>
    /// Serves <paramref name="cluster"/>, the <paramref name="shards"/> (filtered by <c>?owner=</c> as the node does)
    /// and leave requests: 401 without a token, 404 <c>NODE_NOT_FOUND</c> for an id that is not an up member.
    /// </summary>
    public static void ServeCluster(this FakeNode node, ClusterInfo cluster, IReadOnlyList<ShardInfo> shards)
    {
        node.Serve("GET", InspectionRoutes.Cluster, cluster);
        node.ServeComputed("GET", InspectionRoutes.Shards, request =>
            request.Query.TryGetValue("owner", out var owner)
                ? (StatusCodes.Status200OK, shards.Where(s => s.OwnerNode == owner).ToList())
                : (StatusCodes.Status200OK, shards));
        node.ServeComputed("POST", LeavePrefix, request =>
        {
            if (request.Authorization is null)
            {
                return (StatusCodes.Status401Unauthorized, new ApiError("a token is required for POST requests"));
            }
            var nodeId = request.Path[LeavePrefix.Length..];
            var up = cluster.Members.Where(m => m.Status == ClusterMemberStatus.Up).ToList();
            return up.Find(m => m.NodeId == nodeId) is { } member
                ? (StatusCodes.Status200OK, new LeaveResult(member.NodeId, member.Incarnation, ClusterMemberStatus.Leaving, member.Shards))
                : (StatusCodes.Status404NotFound, ApiError.NodeNotFound(nodeId, up.Select(m => m.NodeId).Order(StringComparer.Ordinal)));
        });
    }

    /// <summary>Answers every cluster route with 409 <c>NOT_CLUSTERED</c>, as a single-node SQLite node does.</summary>
    public static void ServeNotClustered(this FakeNode node)
    {
        var alone = ApiError.NotClustered("sqlite");
        node.Serve("GET", InspectionRoutes.Cluster, alone, StatusCodes.Status409Conflict);
        node.Serve("GET", InspectionRoutes.Shards, alone, StatusCodes.Status409Conflict);
        node.ServeComputed("POST", LeavePrefix, _ => (StatusCodes.Status409Conflict, alone));
    }
}
