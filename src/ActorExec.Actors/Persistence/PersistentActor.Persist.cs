namespace ActorExec.Actors.Persistence;

/// <summary>Persisting events, deferring handlers, snapshots and deletion.</summary>
public abstract partial class PersistentActor
{
    private long _assignedSequenceNr;
    private List<PendingInvocation> _pending = [];
    private Task _handlersDone = Task.CompletedTask;
    private bool _presumedNew;
    private Envelope? _presumingCommand;
    private ReceiptedMessage? _receipt;
    private List<(ReceiptedMessage Receipt, Task<IReadOnlyList<WriteResult>> Stored)>? _receiptsInFlight;

    private static ReceiptOutcome OutcomeOf(WriteResult result) => result switch
    {
        WriteResult.Stored => ReceiptOutcome.Stored,
        WriteResult.Rejected => ReceiptOutcome.NoWrite,
        _ => ReceiptOutcome.Failed,
    };

    /// <summary>
    /// The instance retires (stops, or a restart replaces it): a stop drops the continuations that would
    /// settle the receipts of writes still in flight, so those settle from the writes themselves. The
    /// receipt of a command that threw (or was cut off) settles Failed: it took no effect.
    /// </summary>
    private void SettleReceiptsOnRetiring()
    {
        _receipt?.Settle(ReceiptOutcome.Failed);
        _receipt = null;
        foreach (var (receipt, stored) in _receiptsInFlight ?? [])
            stored.ContinueWith(t => receipt.Settle(t.IsCompletedSuccessfully ? OutcomeOf(t.Result[0]) : ReceiptOutcome.Failed), TaskScheduler.Default);
        _receiptsInFlight = null;
    }

    /// <summary>One Persist/PersistAll/PersistAsync/DeferAsync call of the current command, waiting for its write.</summary>
    private sealed record PendingInvocation(IReadOnlyList<PersistentRepresentation> Events, object? Deferred, Action<object> Handler, bool Stashing, IActorRef? Sender);

    /// <summary>
    /// Persists <paramref name="event"/>, then calls <paramref name="handler"/> with it. No other command
    /// is handled in between: commands that arrive wait until the handler has run.
    /// </summary>
    protected void Persist<TEvent>(TEvent @event, Action<TEvent> handler) where TEvent : notnull
        => Enqueue([@event], handler, stashing: true);

    /// <summary>Persists the events atomically (all or none), then calls <paramref name="handler"/> for each, in order; commands wait meanwhile.</summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) where TEvent : notnull
        => Enqueue([.. events], handler, stashing: true);

    /// <summary>Persists <paramref name="event"/> and calls <paramref name="handler"/> when it is stored, while other commands keep being handled.</summary>
    protected void PersistAsync<TEvent>(TEvent @event, Action<TEvent> handler) where TEvent : notnull
        => Enqueue([@event], handler, stashing: false);

    /// <summary>Persists the events atomically and calls <paramref name="handler"/> for each once stored, while other commands keep being handled.</summary>
    protected void PersistAllAsync<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) where TEvent : notnull
        => Enqueue([.. events], handler, stashing: false);

    /// <summary>Calls <paramref name="handler"/> with <paramref name="value"/> after the handlers of every persist made before it, without persisting anything.</summary>
    protected void DeferAsync<T>(T value, Action<T> handler) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotRecovering(nameof(DeferAsync));
        _pending.Add(new PendingInvocation([], value, o => handler((T)o), Stashing: false, Sender));
    }

    /// <summary>Saves <paramref name="snapshot"/> as the state after <see cref="LastSequenceNr"/>; replies <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/>.</summary>
    protected void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = new SnapshotMetadata(PersistenceId, LastSequenceNr, Timestamp());
        ReplyWhenDone(
            () => RequireSnapshotStore().SaveAsync(metadata, snapshot),
            () => new SaveSnapshotSuccess(metadata),
            cause => new SaveSnapshotFailure(metadata, cause));
    }

    /// <summary>Deletes the snapshot taken at <paramref name="sequenceNr"/>; replies <see cref="DeleteSnapshotSuccess"/> or <see cref="DeleteSnapshotFailure"/>.</summary>
    protected void DeleteSnapshot(long sequenceNr)
    {
        var metadata = new SnapshotMetadata(PersistenceId, sequenceNr, default);
        ReplyWhenDone(
            () => RequireSnapshotStore().DeleteAsync(metadata),
            () => new DeleteSnapshotSuccess(metadata),
            cause => new DeleteSnapshotFailure(metadata, cause));
    }

    /// <summary>Deletes the snapshots that match; replies <see cref="DeleteSnapshotsSuccess"/> or <see cref="DeleteSnapshotsFailure"/>.</summary>
    protected void DeleteSnapshots(SnapshotSelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ReplyWhenDone(
            () => RequireSnapshotStore().DeleteAsync(PersistenceId, criteria),
            () => new DeleteSnapshotsSuccess(criteria),
            cause => new DeleteSnapshotsFailure(criteria, cause));
    }

    /// <summary>Deletes this actor's events up to <paramref name="toSequenceNr"/>; replies <see cref="DeleteMessagesSuccess"/> or <see cref="DeleteMessagesFailure"/>.</summary>
    protected void DeleteMessages(long toSequenceNr)
        => ReplyWhenDone(
            () => Journal.DeleteMessagesToAsync(PersistenceId, toSequenceNr),
            () => new DeleteMessagesSuccess(toSequenceNr),
            cause => new DeleteMessagesFailure(toSequenceNr, cause));

    private void Enqueue<TEvent>(IReadOnlyList<TEvent> events, Action<TEvent> handler, bool stashing) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotRecovering(stashing ? nameof(Persist) : nameof(PersistAsync));
        if (events.Count == 0)
            return;
        if (_presumedNew && _presumingCommand is null)
            _presumingCommand = Cell.CurrentEnvelope;
        var now = Timestamp();
        var representations = new PersistentRepresentation[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var payload = events[i];
            representations[i] = new PersistentRepresentation(PersistenceId, ++_assignedSequenceNr, payload, now, TagsFor(payload));
        }
        _pending.Add(new PendingInvocation(representations, null, o => handler((TEvent)o), stashing, Sender));
    }

    /// <summary>
    /// Sends what the current command persisted to the journal and arranges for the handlers to run
    /// in order once it is stored. Returns the task to wait for when the command persisted with
    /// Persist (so commands wait), or a completed task when it only used PersistAsync/DeferAsync.
    /// </summary>
    private Task FlushPending() => FlushPending(_handlersDone);

    private Task FlushPending(Task afterHandlersOf)
    {
        var receipt = _receipt;
        _receipt = null;
        if (_pending.Count == 0)
        {
            receipt?.Settle(ReceiptOutcome.NoWrite);
            return Task.CompletedTask;
        }
        var batch = _pending;
        _pending = [];
        var fence = Cell.WriteFence;
        var writes = new List<AtomicWrite>(batch.Count);
        foreach (var pending in batch)
        {
            if (pending.Events.Count > 0)
                writes.Add(new AtomicWrite(pending.Events) { Fence = fence });
        }
        if (receipt is not null && writes.Count > 0)
            writes[0] = new AtomicWrite(writes[0].Events) { Fence = fence, Receipt = receipt.Receipt };
        else
            receipt?.Settle(ReceiptOutcome.NoWrite);
        var presuming = _presumedNew && writes.Count > 0;
        var stored = writes.Count == 0
            ? Task.FromResult<IReadOnlyList<WriteResult>>([])
            : presuming ? WritePresumingAsync(writes) : WriteSafely(writes);
        // Handlers of successive flushes run in flush order, even when a later write completes first.
        var previous = afterHandlersOf;
        var carried = writes.Count > 0 ? receipt : null;
        if (carried is not null)
            (_receiptsInFlight ??= []).Add((carried, stored));
        var done = Cell.StartInActor(() => RunHandlersAsync(previous, stored, batch, carried));
        _handlersDone = done;
        // Nothing else may be handled (or written) until the write that tests the presumption is back.
        return presuming || batch.Exists(p => p.Stashing) ? done : Task.CompletedTask;
    }

    /// <summary>
    /// The first write of an actor presumed new: everything the command persisted goes in one atomic
    /// write from sequence number 1, so either it all lands on an empty history or none of it does
    /// (a later event must never land on history the actor has not seen). One result per write.
    /// </summary>
    private async Task<IReadOnlyList<WriteResult>> WritePresumingAsync(IReadOnlyList<AtomicWrite> writes)
    {
        var whole = writes.Count == 1 ? writes : [new AtomicWrite([.. writes.SelectMany(w => w.Events)]) { Fence = writes[0].Fence, Receipt = writes[0].Receipt }];
        var result = (await WriteSafely(whole).ConfigureAwait(false))[0];
        return [.. writes.Select(_ => result)];
    }

    private async Task<IReadOnlyList<WriteResult>> WriteSafely(IReadOnlyList<AtomicWrite> writes)
    {
        try
        {
            return await Journal.WriteAsync(writes).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The journal itself failed: every write of the batch counts as failed.
            return [.. writes.Select(_ => (WriteResult)new WriteResult.Failed(e))];
        }
    }

    private async Task RunHandlersAsync(Task previous, Task<IReadOnlyList<WriteResult>> stored, List<PendingInvocation> batch, ReceiptedMessage? receipt)
    {
        try
        {
            await previous;
            var results = await stored;
            _receiptsInFlight?.RemoveAll(r => r.Receipt == receipt);
            // A refuted presumption handles the command again (with its receipt): nothing is settled yet.
            if (_presumedNew && results.Count > 0 && !ConfirmPresumption(results[0]))
                return;
            receipt?.Settle(OutcomeOf(results[0]));
            RunHandlers(results, batch);
            // A handler that persisted again (nested persist) is written now, not when the next
            // command happens to arrive; a stashing one keeps commands waiting until it is stored.
            // This flush's handlers have all run, so the nested one needs nothing to wait for.
            await FlushPending(Task.CompletedTask);
        }
        catch (Exception e)
        {
            receipt?.Settle(ReceiptOutcome.Failed);
            // Never let this task fault: after PersistAsync nobody awaits it, and a fault would vanish.
            Cell.ReportFailure(e);
        }
    }

    /// <summary>
    /// Settles the presumption of being new on the result of the first write: stored confirms it; a
    /// sequence number already taken refutes it (a fresh instance recovers and handles the command
    /// again; false). A rejection stored nothing, so the next write starts from 1 again.
    /// </summary>
    private bool ConfirmPresumption(WriteResult first)
    {
        switch (first)
        {
            case WriteResult.Stored:
                _presumedNew = false;
                _presumingCommand = null;
                return true;
            case WriteResult.Failed { Cause: ConcurrentWriterException taken }:
                _presumedNew = false;
                _pending.Clear();
                Cell.RestartSelf(new PresumedNewRefutedException(PersistenceId, taken), _presumingCommand);
                _presumingCommand = null;
                return false;
            case WriteResult.Rejected:
                _assignedSequenceNr = LastSequenceNr;
                _presumingCommand = null;
                return true;
            default:
                return true;
        }
    }

    private void RunHandlers(IReadOnlyList<WriteResult> results, List<PendingInvocation> batch)
    {
        var next = 0;
        foreach (var pending in batch)
        {
            if (pending.Events.Count == 0)
            {
                if (!Invoke(pending, pending.Deferred!))
                    return;
                continue;
            }
            switch (results[next++])
            {
                case WriteResult.Stored:
                    foreach (var e in pending.Events)
                    {
                        LastSequenceNr = e.SequenceNr;
                        if (!Invoke(pending, e.Payload))
                            return;
                    }
                    break;
                case WriteResult.Rejected rejected:
                    foreach (var e in pending.Events)
                        OnPersistRejected(rejected.Cause, e.Payload, e.SequenceNr);
                    break;
                case WriteResult.Failed failed:
                    OnPersistFailure(failed.Cause, pending.Events[0].Payload, pending.Events[0].SequenceNr);
                    Context.Stop(Self);
                    return;
            }
        }
    }

    /// <summary>Runs one persist handler with the sender of the command that persisted; false if it threw (the actor then fails).</summary>
    private bool Invoke(PendingInvocation pending, object value)
    {
        Cell.SetCurrentSender(pending.Sender);
        try
        {
            pending.Handler(value);
            return true;
        }
        catch (Exception e)
        {
            Cell.ReportFailure(e);
            return false;
        }
    }

    private void ReplyWhenDone(Func<Task> operation, Func<object> success, Func<Exception, object> failure)
    {
        var self = Self;
        Task task;
        try
        {
            task = operation();
        }
        catch (Exception e)
        {
            task = Task.FromException(e);
        }
        task.ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully ? success() : failure(t.Exception?.InnerException ?? new TaskCanceledException(t)), self),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Now, in whole microseconds UTC: what every store keeps exactly, so timestamps read back equal.</summary>
    private DateTimeOffset Timestamp()
    {
        var now = Context.System.TimeProvider.GetUtcNow().UtcTicks;
        return new DateTimeOffset(now - now % 10, TimeSpan.Zero);
    }

    private ISnapshotStore RequireSnapshotStore()
        => SnapshotStore ?? throw new InvalidOperationException($"{PersistenceId}: no snapshot store is configured (ActorSystemOptions.Persistence.SnapshotStore)");

    private void EnsureNotRecovering(string operation)
    {
        if (IsRecovering)
            throw new InvalidOperationException($"{PersistenceId}: {operation} is not allowed while recovering");
    }
}
