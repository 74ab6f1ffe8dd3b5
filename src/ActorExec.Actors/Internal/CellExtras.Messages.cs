namespace ActorExec.Actors.Internal;

/// <summary>Per-message bookkeeping that only actors using watches or receive timeouts pay for.</summary>
internal sealed partial class CellExtras
{
    /// <summary>Returns false for a message that must not reach the behaviour (a cancelled Terminated).</summary>
    public bool AcceptUserMessage(object message, TimeProvider time)
    {
        if (message is Terminated terminated && TerminatedQueued?.Remove(terminated.ActorRef) != true)
            return false;
        TouchReceiveTimeout(message, time);
        return true;
    }

    public void TouchReceiveTimeout(object message, TimeProvider time)
    {
        if (ReceiveTimeout is { } timeout && message is not INotInfluenceReceiveTimeout)
            timeout.Touch(time);
    }
}
