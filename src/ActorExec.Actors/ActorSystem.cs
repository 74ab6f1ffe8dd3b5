using System.Text.RegularExpressions;
using ActorExec.Actors.Internal;
using Microsoft.Extensions.Logging;

namespace ActorExec.Actors;

/// <summary>
/// A tree of actors sharing a thread pool, a clock and an event stream. User actors live under
/// <c>/user</c>, infrastructure under <c>/system</c>.
/// </summary>
public sealed partial class ActorSystem : IAsyncDisposable, IDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly DeadLetterLimiter _deadLetterLog;

    private ActorSystem(string name, ActorSystemOptions options)
    {
        Name = name;
        Options = options;
        LoggerFactory = options.LoggerFactory;
        Log = new KernelLog(options.LoggerFactory.CreateLogger("ActorExec.Actors.ActorSystem"));
        EventStream = new EventStream();
        DeadLetters = new DeadLetterActorRef(this);
        _deadLetterLog = new DeadLetterLimiter(this);

        _root = new ActorCell(this, null, Props.Create(static () => new RootGuardian()), "");
        _userGuardian = GuardianCell("user", Props.Create(() => new Guardian(options.GuardianSupervisorStrategy)));
        _systemGuardian = GuardianCell("system", Props.Create(static () => new Guardian(SupervisorStrategy.Default)));
    }

    /// <summary>The system's name.</summary>
    public string Name { get; }

    /// <summary>The validated options it runs with.</summary>
    public ActorSystemOptions Options { get; }

    /// <summary>The clock every timer and timeout uses.</summary>
    public TimeProvider TimeProvider => Options.TimeProvider;

    /// <summary>Where actors get their loggers.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Publish/subscribe by message type; carries dead letters, unhandled messages and alerts.</summary>
    public EventStream EventStream { get; }

    /// <summary>Messages sent here are published as <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>Completes when every actor has stopped after <see cref="Terminate"/>.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal KernelLog Log { get; }

    /// <summary>Creates and starts an actor system.</summary>
    /// <exception cref="ArgumentException">The name is not made of letters, digits, '-' and '_', or an option is invalid.</exception>
    public static ActorSystem Create(string name, ActorSystemOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ValidName().IsMatch(name))
            throw new ArgumentException($"Actor system name '{name}' must be non-empty and contain only letters, digits, '-' and '_'", nameof(name));
        options ??= new ActorSystemOptions();
        options.Validate();
        var system = new ActorSystem(name, options);
        system._root.Start();
        return system;
    }

    /// <summary>Creates a top-level actor under <c>/user</c>; callable from any thread.</summary>
    /// <exception cref="InvalidActorNameException">The name is malformed or taken.</exception>
    /// <exception cref="InvalidOperationException">The system is terminating.</exception>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.ActorOf(props, name);

    /// <summary>Creates an infrastructure actor under <c>/system</c>.</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.ActorOf(props, name);

    /// <summary>Selects actors by absolute path, e.g. <c>/user/markets/m-42</c> (wildcards <c>*</c> and <c>?</c> allowed).</summary>
    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Parse(this, _root, path);

    /// <summary>Stops an actor asynchronously (children first).</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not LocalActorRef local)
            throw new NotSupportedException($"Stop is not supported for {actor.GetType().Name} ({actor.Path})");
        local.Cell.SendSystemMessage(new Terminate());
    }

    /// <summary>Stops all actors top-down (children before parents, each PostStop called) and completes <see cref="WhenTerminated"/>.</summary>
    public Task Terminate()
    {
        _userGuardian.SendSystemMessage(new Terminate());
        return WhenTerminated;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(Terminate());

    /// <inheritdoc />
    public void Dispose() => Terminate().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Name})";

    internal ActorCell RootCell => _root;

    internal void DeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        if (message is TimerMessage or ReceiveTimeoutTick)
            return; // a timer that raced with its actor's stop is not a lost message
        // Nobody will handle it, so it took no effect: its deliverer delivers it again now, not after its settle timeout.
        (message as Persistence.ReceiptedMessage)?.Settle(Persistence.ReceiptOutcome.Failed);
        var letter = message as DeadLetter ?? new DeadLetter(message, sender, recipient);
        _deadLetterLog.Log(letter);
        EventStream.Publish(letter);
    }

    internal void OnRootTerminated() => _terminated.TrySetResult();

    private ActorCell GuardianCell(string name, Props props)
    {
        _root.ActorOf(props, name);
        var guardian = _root.ChildCell(name)!;
        guardian.AcceptChildrenFromAnyThread();
        return guardian;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex ValidName();

    /// <summary>Stops /system once /user has stopped, then itself: the top-down shutdown order.</summary>
    private sealed class RootGuardian : ReceiveActor
    {
        public RootGuardian() => Receive<Terminated>(OnGuardianTerminated);

        protected override void PreStart()
        {
            // The guardians are created before the root's first turn; watching a guardian that has
            // already stopped still yields Terminated, so no shutdown can be missed.
            foreach (var child in Context.Children)
                Context.Watch(child);
        }

        private void OnGuardianTerminated(Terminated terminated)
        {
            if (terminated.ActorRef.Path.Name == "user" && Context.Child("system") is { } system)
                Context.Stop(system);
            else if (Context.Children.Count == 0)
                Context.Stop(Self);
        }
    }

    /// <summary>The parent of top-level actors; supervises them with the configured strategy.</summary>
    private sealed class Guardian(SupervisorStrategy strategy) : ReceiveActor
    {
        protected override SupervisorStrategy SupervisorStrategy() => strategy;
    }
}
