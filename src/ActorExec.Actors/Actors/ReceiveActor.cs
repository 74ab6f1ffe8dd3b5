namespace ActorExec.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor (or inside
/// <see cref="Become(Action)"/>); the first handler whose type and predicate match takes the message.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private MessageHandler? _first;
    private HandlerChain? _configuring; // the chain of a Become(Action) being built
    private bool _sealed;

    /// <summary>Handles messages of type <typeparamref name="T"/> (that satisfy <paramref name="shouldHandle"/>, if given).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new SyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Receive(handler, shouldHandle);
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: the actor processes no other
    /// user message until the returned task completes, and code after each <c>await</c> runs inside
    /// the actor (Context and Sender stay valid). A faulted task is a failure of the actor.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(new AsyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Asynchronous handler for messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ReceiveAsync(handler, shouldHandle);
    }

    /// <summary>Handles any message not taken by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Receive(handler);

    /// <summary>Handles any message not taken by an earlier handler, asynchronously.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => ReceiveAsync(handler);

    /// <summary>Replaces the behaviour with the handlers registered by <paramref name="configure"/>.</summary>
    protected void Become(Action configure) => Become(Build(configure));

    /// <summary>Pushes the handlers registered by <paramref name="configure"/>; <c>UnbecomeStacked</c> returns.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Build(configure));

    /// <inheritdoc />
    protected sealed override bool Receive(object message) => MessageHandler.Dispatch(_first, message, Cell);

    internal override void OnConstructed() => _sealed = true;

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var outer = _configuring;
        var chain = _configuring = new HandlerChain();
        try
        {
            configure();
            var first = chain.First;
            var cell = Cell;
            return message => MessageHandler.Dispatch(first, message, cell);
        }
        finally
        {
            _configuring = outer;
        }
    }

    private void Add(MessageHandler handler)
    {
        if (_configuring is not null)
        {
            _configuring.Append(handler);
            return;
        }
        if (_sealed)
            throw new InvalidOperationException(
                $"{GetType().Name}: Receive handlers can only be registered in the constructor or inside Become(Action)");
        MessageHandler.Append(ref _first, handler);
    }

    private sealed class HandlerChain
    {
        public MessageHandler? First;
        private MessageHandler? _last;

        public void Append(MessageHandler handler)
        {
            if (_last is null)
                First = handler;
            else
                _last.Next = handler;
            _last = handler;
        }
    }
}
