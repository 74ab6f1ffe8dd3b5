using ActorExec.Actors;

namespace ActorExec.TestKit;

/// <summary>A message that reached a test actor or probe.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender (dead letters when it had none).</param>
/// <param name="ArrivedAfter">Real time from the start of the test to its arrival.</param>
public sealed record ReceivedMessage(object Message, IActorRef Sender, TimeSpan ArrivedAfter)
{
    /// <inheritdoc />
    public override string ToString() => $"{Describe(Message)} from {Sender.Path} at +{ArrivedAfter.TotalMilliseconds:0} ms";

    internal static string Describe(object message) => message switch
    {
        string s => $"\"{s}\"",
        _ => $"{message.GetType().Name} {message}",
    };
}
