namespace ActorExec.Configuration;

/// <summary>Placeholder until the HOCON reader lands.</summary>
internal static class Hocon;
