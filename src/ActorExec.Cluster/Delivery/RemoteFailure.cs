namespace ActorExec.Cluster.Delivery;

/// <summary>A <c>Status.Failure</c> reply on its way to another node: exceptions do not cross nodes, their type and message do.</summary>
public sealed record RemoteFailure(string ExceptionType, string Message);

/// <summary>The cause of an Ask that failed on another node.</summary>
public sealed class RemoteFailureException(string exceptionType, string message)
    : Exception($"{exceptionType} on a remote node: {message}")
{
    /// <summary>The remote exception's type name.</summary>
    public string ExceptionType { get; } = exceptionType;
}
