using Microsoft.Extensions.Logging;

namespace ActorExec.Actors.Internal;

/// <summary>The kernel's log events (source-generated, no allocation when the level is off).</summary>
internal sealed partial class KernelLog(ILogger logger)
{
    public void ChildFailed(ActorPath child, Directive directive, Exception cause)
    {
        if (directive == Directive.Resume)
            ChildFailedResumed(logger, child, cause);
        else if (directive != Directive.Escalate)
            ChildFailedWithDirective(logger, child, directive, cause);
    }

    public void DeadLetter(DeadLetter letter) => DeadLetterDelivered(logger, letter.Message.GetType().Name, letter.Sender?.Path, letter.Recipient.Path);

    public void DeadLettersSuppressed(int count, TimeSpan window) => DeadLettersSuppressedLog(logger, count, window);

    public void ErrorWhileStopping(ActorPath actor, Exception e) => ErrorWhileStoppingLog(logger, actor, e);

    public void FailureWhileSuspended(ActorPath actor, Exception e) => FailureWhileSuspendedLog(logger, actor, e);

    public void PreRestartThrew(ActorPath actor, Exception e) => PreRestartThrewLog(logger, actor, e);

    public void PostStopThrew(ActorPath actor, Exception e) => PostStopThrewLog(logger, actor, e);

    public void RootFailed(Exception e) => RootFailedLog(logger, e);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Actor {ActorPath} failed and was resumed")]
    private static partial void ChildFailedResumed(ILogger logger, ActorPath actorPath, Exception cause);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Actor {ActorPath} failed; supervisor decided {Directive}")]
    private static partial void ChildFailedWithDirective(ILogger logger, ActorPath actorPath, Directive directive, Exception cause);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Dead letter: {MessageType} from {Sender} to {Recipient}")]
    private static partial void DeadLetterDelivered(ILogger logger, string messageType, ActorPath? sender, ActorPath recipient);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{Count} more dead letters were not logged in the last {Window}")]
    private static partial void DeadLettersSuppressedLog(ILogger logger, int count, TimeSpan window);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Actor {ActorPath} threw while stopping")]
    private static partial void ErrorWhileStoppingLog(ILogger logger, ActorPath actorPath, Exception e);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Actor {ActorPath} threw again while waiting for its supervisor's decision")]
    private static partial void FailureWhileSuspendedLog(ILogger logger, ActorPath actorPath, Exception e);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "PreRestart of {ActorPath} threw; restarting anyway")]
    private static partial void PreRestartThrewLog(ILogger logger, ActorPath actorPath, Exception e);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "PostStop of {ActorPath} threw")]
    private static partial void PostStopThrewLog(ILogger logger, ActorPath actorPath, Exception e);

    [LoggerMessage(EventId = 9, Level = LogLevel.Critical, Message = "The root guardian failed; the actor system stops")]
    private static partial void RootFailedLog(ILogger logger, Exception e);
}
