namespace ActorExec.Cluster;

/// <summary>Marks the assembly until the first cluster types land.</summary>
internal static class AssemblyMarker;
