using ActorExec.Persistence.Sql.Tests.Fixtures;

namespace ActorExec.Persistence.Sql.Tests.Actors;

/// <summary>A persistent list of strings driven by text commands; reports lifecycle facts to a probe.</summary>
public sealed class Ledger : PersistentActor
{
    private readonly string _persistenceId;
    private readonly IActorRef _reporter;
    private List<string> _events = [];
    private int _replayed;
    private long? _snapshotAt;
    private readonly bool _presumeNew;

    public Ledger(string persistenceId, IActorRef reporter, bool presumeNew = false)
    {
        _persistenceId = persistenceId;
        _reporter = reporter;
        _presumeNew = presumeNew;

        Recover<SnapshotOffer>(offer =>
        {
            _events = [.. ((LedgerState)offer.Snapshot).Events];
            _snapshotAt = offer.Metadata.SequenceNr;
        });
        Recover<Evt>(e =>
        {
            _events.Add(e.Value);
            _replayed++;
        });
        Recover<RecoveryCompleted>(_ => _reporter.Tell(
            $"recovered [{string.Join(',', _events)}] snapshot {_snapshotAt?.ToString() ?? "none"} replayed {_replayed} last #{LastSequenceNr}", Self));

        Command<string>(c => c.StartsWith("persist:", StringComparison.Ordinal), c => Persist(new Evt(c[8..]), Handled));
        Command<string>(c => c.StartsWith("all:", StringComparison.Ordinal), c => PersistAll(c[4..].Split(',').Select(v => new Evt(v)), Handled));
        Command<string>(c => c.StartsWith("async:", StringComparison.Ordinal), c => PersistAsync(new Evt(c[6..]), Handled));
        Command<string>(c => c.StartsWith("mixed:", StringComparison.Ordinal), c =>
        {
            var values = c[6..].Split(',');
            Persist(new Evt(values[0]), Handled);
            PersistAsync(new Evt(values[1]), Handled);
            DeferAsync(values[2], v => Sender.Tell($"deferred {v}", Self));
        });
        Command<string>(c => c == "bad", _ => Persist(new Unregistered("no manifest"), _ => Sender.Tell("bad persisted?!", Self)));
        Command<string>(c => c == "refuse-unless-known", _ =>
        {
            if (IsPresumedNew)
                RecoverAndHandleAgain();
            else
                Sender.Tell(_events.Count == 0 ? "refused: nothing known" : $"known [{string.Join(',', _events)}]", Self);
        });
        Command<string>(c => c.StartsWith("persist-and-stop:", StringComparison.Ordinal), c =>
        {
            Persist(new Evt(c[17..]), Handled);
            Context.Stop(Self);
        });
        Command<string>(c => c == "throw", _ => throw new InvalidOperationException("the ledger was told to throw"));
        Command<string>(c => c == "state", _ => Sender.Tell($"state [{string.Join(',', _events)}] #{LastSequenceNr}", Self));
        Command<string>(c => c == "snap", _ => SaveSnapshot(new LedgerState([.. _events])));
        Command<string>(c => c.StartsWith("delete:", StringComparison.Ordinal), c => DeleteMessages(long.Parse(c[7..], System.Globalization.CultureInfo.InvariantCulture)));
        CommandAsync<string>(c => c.StartsWith("slow:", StringComparison.Ordinal), async c =>
        {
            await Task.Yield();
            Persist(new Evt(c[5..]), Handled);
        });
        Command<string>(c => c == "forget-snapshots", _ => DeleteSnapshots(SnapshotSelectionCriteria.Latest));
        Command<DeleteSnapshotsSuccess>(_ => _reporter.Tell("snapshots deleted", Self));
        Command<SaveSnapshotSuccess>(s => _reporter.Tell($"snapshot saved #{s.Metadata.SequenceNr}", Self));
        Command<SaveSnapshotFailure>(s => _reporter.Tell($"snapshot failed: {s.Cause.Message}", Self));
        Command<DeleteMessagesSuccess>(s => _reporter.Tell($"deleted to #{s.ToSequenceNr}", Self));
    }

    public override string PersistenceId => _persistenceId;

    protected override bool PresumeNew => _presumeNew;

    private void Handled(Evt e)
    {
        _events.Add(e.Value);
        Sender.Tell($"persisted {e.Value} #{LastSequenceNr}", Self);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _reporter.Tell($"persist failed #{sequenceNr}: {cause.GetType().Name}", Self);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _reporter.Tell($"persist rejected #{sequenceNr}: {cause.GetType().Name}", Self);
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    protected override void OnRecoveryFailure(Exception cause, object? @event)
    {
        _reporter.Tell(cause, Self);
        base.OnRecoveryFailure(cause, @event);
    }
}
