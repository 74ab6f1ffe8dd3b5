namespace ActorExec.Actors.Internal;

/// <summary>How often a child was restarted, to enforce maxNrOfRetries within a time window.</summary>
internal sealed class ChildRestartStats
{
    private int _restarts;
    private long _windowStart;
    private bool _windowStarted;

    /// <summary>Counts a restart and says whether it is still allowed (Akka's semantics).</summary>
    /// <param name="maxNrOfRetries">Null: unlimited; 0: never restart.</param>
    /// <param name="window">Null: count over the child's whole life.</param>
    /// <param name="time">The clock that measures the window.</param>
    public bool RequestRestartPermission(int? maxNrOfRetries, TimeSpan? window, TimeProvider time)
    {
        if (maxNrOfRetries == 0)
            return false;
        if (window is null)
        {
            if (maxNrOfRetries is null)
                return true;
            _restarts++;
            return _restarts <= maxNrOfRetries.Value;
        }

        var allowed = maxNrOfRetries ?? 1;
        var now = time.GetTimestamp();
        if (!_windowStarted)
        {
            _windowStarted = true;
            _windowStart = now;
        }
        if (time.GetElapsedTime(_windowStart, now) <= window.Value)
        {
            _restarts++;
            return _restarts <= allowed;
        }
        // The window has passed: this restart opens a new one.
        _restarts = 1;
        _windowStart = now;
        return true;
    }
}
