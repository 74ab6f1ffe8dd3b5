using System.Diagnostics;

namespace ActorExec.TestKit;

/// <summary>The inbox of a test actor: thread-safe, awaitable with a deadline, and able to put a message back in front.</summary>
internal sealed class ReceiveQueue
{
    private readonly object _gate = new();
    private readonly LinkedList<ReceivedMessage> _items = new();
    private TaskCompletionSource? _signal;

    public void Enqueue(ReceivedMessage message)
    {
        TaskCompletionSource? signal;
        lock (_gate)
        {
            _items.AddLast(message);
            signal = _signal;
            _signal = null;
        }
        signal?.TrySetResult();
    }

    public void PushFront(ReceivedMessage message)
    {
        lock (_gate)
            _items.AddFirst(message);
    }

    public int Count
    {
        get
        {
            lock (_gate)
                return _items.Count;
        }
    }

    /// <summary>Takes the oldest message, waiting up to <paramref name="timeout"/> (real time) for one.</summary>
    public async Task<ReceivedMessage?> TryTakeAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Task arrival;
            lock (_gate)
            {
                if (_items.First is { } first)
                {
                    _items.RemoveFirst();
                    return first.Value;
                }
                _signal ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                arrival = _signal.Task;
            }

            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
                return null;
            try
            {
                await arrival.WaitAsync(remaining).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Loop once more: a message may have arrived right at the deadline.
            }
        }
    }
}
