using System.Diagnostics;
using System.Text;
using ActorExec.Actors;
using Xunit.Sdk;

namespace ActorExec.TestKit;

/// <summary>
/// Expectations on the messages that reach one test actor (the kit's <c>TestActor</c> or a probe).
/// Every wait has a real-time deadline; failures say what was expected, what arrived and when.
/// Each method has an async twin; the synchronous ones block the calling thread.
/// </summary>
public abstract partial class MessageExpectations
{
    private const int HistorySize = 5;
    private readonly Queue<ReceivedMessage> _history = new();
    private readonly Stack<long> _withinDeadlines = new();

    private protected MessageExpectations(TestKitOptions options, Stopwatch clock)
    {
        Options = options;
        Clock = clock;
    }

    internal ReceiveQueue Queue { get; } = new();

    private protected TestKitOptions Options { get; }

    private protected Stopwatch Clock { get; }

    /// <summary>The actor whose inbox these expectations read.</summary>
    public abstract IActorRef Ref { get; }

    /// <summary>The last message taken from the inbox.</summary>
    public ReceivedMessage? LastReceived { get; private set; }

    /// <summary>The sender of the last message taken.</summary>
    /// <exception cref="InvalidOperationException">No message has been taken yet.</exception>
    public IActorRef LastSender => LastReceived?.Sender ?? throw new InvalidOperationException("No message has been received yet");

    /// <summary>Messages waiting in the inbox right now.</summary>
    public int PendingCount => Queue.Count;

    /// <summary>
    /// Watches <paramref name="actor"/> from this test actor; its Terminated arrives in this inbox.
    /// The watch is a message to the test actor, so an actor stopped right after may report
    /// <c>ExistenceConfirmed = false</c>; the Terminated itself always arrives.
    /// </summary>
    public IActorRef Watch(IActorRef actor)
    {
        Ref.Tell(new TestActor.WatchRequest(actor), null);
        return actor;
    }

    /// <summary>Stops watching <paramref name="actor"/>; a Terminated not yet delivered is dropped.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        Ref.Tell(new TestActor.UnwatchRequest(actor), null);
        return actor;
    }

    /// <summary>Replies to the sender of the last message, from this actor.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Forwards the last message to <paramref name="target"/>, keeping its original sender.</summary>
    public void Forward(IActorRef target)
    {
        var last = LastReceived ?? throw new InvalidOperationException("No message has been received yet");
        target.Tell(last.Message, last.Sender);
    }

    /// <summary>The timeout an expectation uses when none is given: the time left in the enclosing real-time Within, else the default.</summary>
    public TimeSpan RemainingOrDefault
    {
        get
        {
            if (_withinDeadlines.Count == 0)
                return Options.DefaultTimeout;
            var remaining = TimeSpan.FromTicks(_withinDeadlines.Peek() - Clock.Elapsed.Ticks);
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    /// <summary>Takes the next message within <paramref name="timeout"/>, or null.</summary>
    public async Task<ReceivedMessage?> TryReceiveAsync(TimeSpan? timeout = null)
    {
        var received = await Queue.TryTakeAsync(timeout ?? RemainingOrDefault).ConfigureAwait(false);
        if (received is not null)
            Remember(received);
        return received;
    }

    /// <summary>Takes the next message, failing when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<ReceivedMessage> ReceiveOneAsync(TimeSpan? timeout = null, string? expectation = null)
    {
        var max = timeout ?? RemainingOrDefault;
        return await TryReceiveAsync(max).ConfigureAwait(false)
            ?? throw Failure($"{expectation ?? "Expected a message"} within {Ms(max)}, but none arrived");
    }

    /// <summary>Synchronous <see cref="ReceiveOneAsync"/>.</summary>
    public ReceivedMessage ReceiveOne(TimeSpan? timeout = null) => Wait(ReceiveOneAsync(timeout));

    /// <summary>Takes exactly <paramref name="count"/> messages within <paramref name="timeout"/> in total.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null)
    {
        var max = timeout ?? RemainingOrDefault;
        var deadline = Clock.Elapsed + max;
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var received = await TryReceiveAsync(deadline - Clock.Elapsed).ConfigureAwait(false)
                ?? throw Failure($"Expected {count} messages within {Ms(max)}, but only {messages.Count} arrived");
            messages.Add(received.Message);
        }
        return messages;
    }

    /// <summary>Synchronous <see cref="ReceiveNAsync"/>.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => Wait(ReceiveNAsync(count, timeout));

    /// <summary>Puts a message back in front of the inbox (used after peeking).</summary>
    private protected void PutBack(ReceivedMessage message) => Queue.PushFront(message);

    private void Remember(ReceivedMessage received)
    {
        LastReceived = received;
        _history.Enqueue(received);
        if (_history.Count > HistorySize)
            _history.Dequeue();
    }

    /// <summary>An assertion failure naming this actor, the clock and the recent messages.</summary>
    private protected XunitException Failure(string what)
    {
        var text = new StringBuilder()
            .Append(what)
            .Append(" [").Append(Ref.Path).Append(", at +").Append(Clock.Elapsed.TotalMilliseconds.ToString("0")).Append(" ms]");
        if (_history.Count > 0)
        {
            text.AppendLine().Append("Recently received:");
            foreach (var message in _history)
                text.AppendLine().Append("  ").Append(message);
        }
        return new XunitException(text.ToString());
    }

    private protected static string Ms(TimeSpan span) => $"{span.TotalMilliseconds:0} ms";

    private protected static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private protected static void Wait(Task task) => task.GetAwaiter().GetResult();

    private protected void PushWithinDeadline(TimeSpan max) => _withinDeadlines.Push((Clock.Elapsed + max).Ticks);

    private protected void PopWithinDeadline() => _withinDeadlines.Pop();
}
