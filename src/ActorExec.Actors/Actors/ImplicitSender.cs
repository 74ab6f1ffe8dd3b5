namespace ActorExec.Actors;

/// <summary>
/// The sender used by <see cref="ActorRefExtensions.Tell(IActorRef, object)"/> outside any actor.
/// It flows with the async context, so a test's replies reach its test actor across awaits.
/// </summary>
public static class ImplicitSender
{
    private static readonly AsyncLocal<IActorRef?> Ambient = new();

    /// <summary>The ambient sender for the current async flow, or null.</summary>
    public static IActorRef? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }
}
