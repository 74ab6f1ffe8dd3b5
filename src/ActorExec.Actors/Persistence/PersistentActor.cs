using Microsoft.Extensions.Logging;

namespace ActorExec.Actors.Persistence;

/// <summary>
/// An event-sourced actor: commands decide, events are persisted to the journal, and the state is
/// rebuilt on start (and restart) by replaying them. Register <c>Recover&lt;T&gt;</c> handlers for
/// events (and <see cref="SnapshotOffer"/>, <see cref="RecoveryCompleted"/>) and <c>Command&lt;T&gt;</c>
/// handlers for messages, in the constructor.
/// </summary>
/// <remarks>
/// Commands wait while the actor recovers and while a <c>Persist</c> is being written (they stay in
/// the mailbox, in order); system messages such as Stop are still handled. A failed write calls
/// <see cref="OnPersistFailure"/> and stops the actor; a rejected write (an event that cannot be
/// serialized) calls <see cref="OnPersistRejected"/> and the actor goes on; a failed recovery calls
/// <see cref="OnRecoveryFailure"/> and stops the actor with an error naming the persistence id and
/// sequence number.
/// </remarks>
public abstract partial class PersistentActor : ActorBase
{
    private MessageHandler? _commands;
    private MessageHandler? _recovery;
    private bool _sealed;
    private PersistenceOptions? _stores;

    /// <summary>The stable identity of this actor's history in the journal.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>The sequence number of the last event recovered or persisted (inside a persist handler: of the event being handled).</summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>True until recovery has completed.</summary>
    public bool IsRecovering { get; private set; } = true;

    /// <summary>
    /// True to skip recovery on the first start because the actor is known to be new (its creator just
    /// made up its persistence id): no journal reads, an empty state, and the first write at sequence
    /// number 1. The journal's uniqueness of (persistence id, sequence number) checks the presumption:
    /// if history exists, that write fails, nothing of it is applied, and a fresh instance recovers in
    /// full and handles the command again. Only sound when the first command the actor handles
    /// persists (or calls <see cref="RecoverAndHandleAgain"/> before answering); restarts always recover.
    /// </summary>
    protected virtual bool PresumeNew => false;

    /// <summary>True while the actor runs on the presumption that it is new and no write has confirmed it yet.</summary>
    protected bool IsPresumedNew => _presumedNew;

    /// <summary>Which snapshot recovery starts from; the latest by default.</summary>
    protected virtual SnapshotSelectionCriteria RecoverySnapshot => SnapshotSelectionCriteria.Latest;

    private IJournal Journal => (_stores ??= ResolveStores()).Journal;

    private ISnapshotStore? SnapshotStore => (_stores ??= ResolveStores()).SnapshotStore;

    /// <summary>Handles events of type <typeparamref name="T"/> (and snapshots offered as <see cref="SnapshotOffer"/>) during recovery.</summary>
    protected void Recover<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(ref _recovery, new SyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles any recovery message not taken by an earlier handler.</summary>
    protected void RecoverAny(Action<object> handler) => Recover(handler);

    /// <summary>Handles commands of type <typeparamref name="T"/>.</summary>
    protected void Command<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(ref _commands, new SyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>
    /// Handles commands of type <typeparamref name="T"/> asynchronously: no other command is handled
    /// until the task and the persists it made have completed.
    /// </summary>
    protected void CommandAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(ref _commands, new AsyncHandler<T>(async message =>
        {
            await handler(message);
            await FlushPending();
        }, shouldHandle));
    }

    /// <summary>Handles commands of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void Command<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Command(handler, shouldHandle);
    }

    /// <summary>Handles commands of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>, asynchronously.</summary>
    protected void CommandAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        CommandAsync(handler, shouldHandle);
    }

    /// <summary>Handles any command not taken by an earlier handler.</summary>
    protected void CommandAny(Action<object> handler) => Command(handler);

    /// <summary>Tags to store with an event, for queries across actors (e.g. <c>order</c>, <c>market:m-42</c>).</summary>
    protected virtual IReadOnlyList<string> TagsFor(object @event) => [];

    /// <summary>Called when an event could not be stored; the actor stops afterwards. Logs an error by default.</summary>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr)
        => Context.Logger.LogError(cause, "Failed to persist {EventType} #{SequenceNr} of {PersistenceId}; the actor stops",
            @event.GetType().Name, sequenceNr, PersistenceId);

    /// <summary>Called when the journal refused an event before storing it (e.g. not serializable); the actor goes on. Logs a warning by default.</summary>
    protected virtual void OnPersistRejected(Exception cause, object @event, long sequenceNr)
        => Context.Logger.LogWarning(cause, "Journal rejected {EventType} #{SequenceNr} of {PersistenceId}; it was not stored",
            @event.GetType().Name, sequenceNr, PersistenceId);

    /// <summary>Called when recovery failed; the actor stops afterwards. Logs an error by default.</summary>
    protected virtual void OnRecoveryFailure(Exception cause, object? @event)
        => Context.Logger.LogError(cause, "Recovery of {PersistenceId} failed; the actor stops", PersistenceId);

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        // A receipt left over means its command threw before flushing: it took no effect, deliver it again.
        _receipt?.Settle(ReceiptOutcome.Failed);
        _receipt = null;
        if (message is ReceiptedMessage receipted)
        {
            // The receipt rides on the first write this command makes; FlushPending settles it.
            _receipt = receipted;
            message = receipted.Message;
        }
        var handled = MessageHandler.Dispatch(_commands, message, Cell);
        if (!handled)
        {
            _receipt?.Settle(ReceiptOutcome.NoWrite);
            _receipt = null;
        }
        // An async command flushes its own persists when its task ends; a synchronous one, now.
        if (handled && !Cell.IsAwaitingTask)
            Cell.AwaitInActor(FlushPending());
        return handled;
    }

    internal override void OnConstructed() => _sealed = true;

    // Deliverers of receipted commands must learn what became of them now, not after their settle timeout.
    internal override void Retiring() => SettleReceiptsOnRetiring();

    internal override void AroundStart(Exception? restartCause)
    {
        base.AroundStart(restartCause);
        _stores ??= ResolveStores();
        _presumedNew = restartCause is null && PresumeNew;
        Cell.AwaitInActor(Cell.StartInActor(_presumedNew ? CompleteRecoveryAsync : RecoverAsync));
    }

    /// <summary>
    /// Gives up the presumption that this actor is new: a fresh instance recovers from the journal and
    /// handles the current command again. For a presumed-new actor about to answer a command without
    /// persisting (e.g. a refusal), which would be wrong if history existed.
    /// </summary>
    protected void RecoverAndHandleAgain()
    {
        if (!_presumedNew)
            throw new InvalidOperationException($"{PersistenceId}: RecoverAndHandleAgain is only for an actor still presumed new");
        _presumedNew = false;
        _pending.Clear();
        // The receipt travels with the command handled again, unsettled.
        _receipt = null;
        Cell.RestartSelf(new PresumedNewRefutedException(PersistenceId), Cell.CurrentEnvelope);
    }

    private void Register(ref MessageHandler? chain, MessageHandler handler)
    {
        if (_sealed)
            throw new InvalidOperationException($"{GetType().Name}: handlers can only be registered in the constructor");
        MessageHandler.Append(ref chain, handler);
    }

    private PersistenceOptions ResolveStores()
        => Context.System.Options.Persistence
            ?? throw new InvalidOperationException(
                $"{GetType().Name} ({PersistenceId}) needs a journal: set ActorSystemOptions.Persistence");

    private async Task RecoverAsync()
    {
        long sequenceNr = 0;
        object? current = null;
        try
        {
            if (SnapshotStore is { } snapshots
                && !RecoverySnapshot.ExcludesAll
                && await snapshots.LoadAsync(PersistenceId, RecoverySnapshot) is { } snapshot)
            {
                current = snapshot;
                sequenceNr = LastSequenceNr = snapshot.Metadata.SequenceNr;
                DispatchRecovery(new SnapshotOffer(snapshot.Metadata, snapshot.Snapshot));
            }

            await foreach (var replayed in Journal.ReplayAsync(PersistenceId, LastSequenceNr + 1, long.MaxValue, long.MaxValue))
            {
                current = replayed.Payload;
                sequenceNr = LastSequenceNr = replayed.SequenceNr;
                DispatchRecovery(replayed.Payload);
            }
            current = null;
            // Deleted events are not replayed but their numbers stay used.
            LastSequenceNr = Math.Max(LastSequenceNr, await Journal.ReadHighestSequenceNrAsync(PersistenceId));
            _assignedSequenceNr = LastSequenceNr;
        }
        catch (Exception e)
        {
            var at = e is EventDeserializationException unreadable ? unreadable.SequenceNr : sequenceNr;
            OnRecoveryFailure(new RecoveryFailedException(PersistenceId, at, e), current);
            Context.Stop(Self);
            return;
        }
        await CompleteRecoveryAsync();
    }

    private async Task CompleteRecoveryAsync()
    {
        IsRecovering = false;
        try
        {
            DispatchRecovery(RecoveryCompleted.Instance);
        }
        catch (Exception e)
        {
            OnRecoveryFailure(new RecoveryFailedException(PersistenceId, LastSequenceNr, e), RecoveryCompleted.Instance);
            Context.Stop(Self);
            return;
        }
        await FlushPending(); // persists made by the RecoveryCompleted handler
    }

    private void DispatchRecovery(object message)
    {
        if (!MessageHandler.Dispatch(_recovery, message, Cell) && message is not (RecoveryCompleted or SnapshotOffer))
        {
            Context.Logger.LogWarning("{PersistenceId}: no Recover handler for {EventType} #{SequenceNr}; the event was skipped",
                PersistenceId, message.GetType().Name, LastSequenceNr);
        }
    }
}
