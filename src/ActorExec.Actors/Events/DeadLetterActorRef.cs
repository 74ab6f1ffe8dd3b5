using ActorExec.Actors.Internal;

namespace ActorExec.Actors.Internal;

/// <summary>The <c>/deadLetters</c> reference: what it receives is published as <see cref="DeadLetter"/>.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system) : IInternalActorRef
{
    public ActorPath Path { get; } = ActorPath.Root.Child("deadLetters");

    public bool IsTerminated => false;

    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        system.DeadLetter(message, sender, this);
    }

    public void SendSystemMessage(SystemMessage message)
    {
        // Watching dead letters means watching nothing: report it terminated at once.
        if (message is Watch watch)
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
    }

    public override string ToString() => "[/deadLetters]";
}

/// <summary>Logs at most N dead letters per window, then a count of the ones it did not log.</summary>
internal sealed class DeadLetterLimiter(ActorSystem system)
{
    private readonly object _gate = new();
    private long _windowStart = long.MinValue;
    private int _logged;
    private int _suppressed;

    public void Log(DeadLetter letter)
    {
        var limit = system.Options.DeadLetterLogLimit;
        if (limit == 0)
            return;
        var time = system.TimeProvider;
        int suppressedInLastWindow;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            suppressedInLastWindow = 0;
            if (_windowStart == long.MinValue || time.GetElapsedTime(_windowStart, now) >= system.Options.DeadLetterLogWindow)
            {
                suppressedInLastWindow = _suppressed;
                _windowStart = now;
                _logged = 0;
                _suppressed = 0;
            }
            if (_logged >= limit)
            {
                _suppressed++;
                return;
            }
            _logged++;
        }
        if (suppressedInLastWindow > 0)
            system.Log.DeadLettersSuppressed(suppressedInLastWindow, system.Options.DeadLetterLogWindow);
        system.Log.DeadLetter(letter);
    }
}
