namespace ActorExec.Inspection;

/// <summary>The stable codes an <see cref="ApiError"/> may carry; clients branch on these, never on the message.</summary>
public static class ApiErrorCodes
{
    /// <summary>A cluster route asked of a node that runs alone (single-node SQLite); answered with 409.</summary>
    public const string NotClustered = "NOT_CLUSTERED";

    /// <summary>A leave request named a node id that is not an up member of the cluster; answered with 404.</summary>
    public const string NodeNotFound = "NODE_NOT_FOUND";
}
