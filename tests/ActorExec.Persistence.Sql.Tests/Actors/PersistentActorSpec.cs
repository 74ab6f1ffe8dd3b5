using ActorExec.Persistence.Sql.Tests.Fixtures;

namespace ActorExec.Persistence.Sql.Tests.Actors;

/// <summary>Persistent actors on a real store: stash during Persist, handler order, recovery, failures, fencing.</summary>
public abstract class PersistentActorSpec : TestKit.TestKit, IAsyncLifetime
{
    private readonly TestStores _stores;
    private readonly GatedJournal _gate;
    private readonly FlakyJournal _flaky;
    private readonly ForgetfulSerializer _serializer;
    private readonly string _pid = "ledger-" + Guid.NewGuid().ToString("N")[..8];

    protected PersistentActorSpec(StoreKind kind) : this(kind, new ForgetfulSerializer(TestSerialization.Serializer())) { }

    private PersistentActorSpec(StoreKind kind, ForgetfulSerializer serializer) : this(kind.CreateAsync(serializer).GetAwaiter().GetResult(), serializer) { }

    private PersistentActorSpec(TestStores stores, ForgetfulSerializer serializer) : this(stores, serializer, new GatedJournal(stores.Journal)) { }

    private PersistentActorSpec(TestStores stores, ForgetfulSerializer serializer, GatedJournal gate) : this(stores, serializer, gate, new FlakyJournal(gate)) { }

    private PersistentActorSpec(TestStores stores, ForgetfulSerializer serializer, GatedJournal gate, FlakyJournal flaky)
        : base(new TestKitOptions { SystemOptions = new ActorSystemOptions { Persistence = new PersistenceOptions(flaky, stores.Snapshots) } })
    {
        _stores = stores;
        _serializer = serializer;
        _gate = gate;
        _flaky = flaky;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        _gate.Open();
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        await _stores.DisposeAsync();
    }

    private IActorRef Ledger(string? pid = null, IActorRef? reporter = null, bool presumeNew = false)
    {
        var ledger = ActorOf(Props.Create(() => new Ledger(pid ?? _pid, reporter ?? TestActor, presumeNew)));
        ExpectMsg<string>(m => m.StartsWith("recovered", StringComparison.Ordinal));
        return ledger;
    }

    private void Stop(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
    }

    private IActorRef LedgerWithHistory(params string[] events)
    {
        var ledger = Ledger();
        foreach (var e in events)
        {
            ledger.Tell("persist:" + e);
            ExpectMsg<string>();
        }
        Stop(ledger);
        return ledger;
    }

    [Fact]
    public void PresumeNew_OnAnEmptyHistory_WritesFromOneWithoutReadingTheJournal()
    {
        var ledger = Ledger(presumeNew: true);
        ledger.Tell("persist:a");
        ExpectMsg("persisted a #1");
        ledger.Tell("persist:b");
        ExpectMsg("persisted b #2");
        _gate.Reads.Should().Be(0);
    }

    [Fact]
    public void PresumeNew_WithHistory_RecoversAndHandlesTheCommandAgainOnTopOfIt()
    {
        LedgerWithHistory("a", "b");
        var ledger = Ledger(presumeNew: true);
        ledger.Tell("persist:c");
        ExpectMsg("recovered [a,b] snapshot none replayed 2 last #2");
        ExpectMsg("persisted c #3");
        ledger.Tell("state");
        ExpectMsg("state [a,b,c] #3");
    }

    [Fact]
    public async Task PresumeNew_CommandPersistingSeveralWrites_LandsNoneOfThemOnHistoryItHasNotSeen()
    {
        // Two writes (Persist then PersistAsync): were they sent apart, the second (#2) would land on
        // a one-event history the actor never read.
        LedgerWithHistory("a");
        var ledger = Ledger(presumeNew: true);
        ledger.Tell("mixed:x,y,z");
        ExpectMsg("recovered [a] snapshot none replayed 1 last #1");
        ExpectMsg("persisted x #2");
        ExpectMsg("persisted y #3");
        ExpectMsg("deferred z");
        var stored = new List<string>();
        await foreach (var e in _stores.Journal.ReplayAsync(_pid, 1, long.MaxValue, long.MaxValue))
            stored.Add(((Evt)e.Payload).Value);
        stored.Should().Equal("a", "x", "y");
    }

    [Fact]
    public void PresumeNew_CommandsArrivingBeforeThePresumptionIsSettled_WaitAndFollowInOrder()
    {
        LedgerWithHistory("a");
        var ledger = Ledger(presumeNew: true);
        _gate.Close();
        ledger.Tell("persist:b");
        ledger.Tell("state");
        ledger.Tell("persist:c");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _gate.Open();
        ExpectMsg("recovered [a] snapshot none replayed 1 last #1");
        ExpectMsg("persisted b #2");
        ExpectMsg("state [a,b] #2");
        ExpectMsg("persisted c #3");
    }

    [Fact]
    public void PresumeNew_AnswerThatNeedsTheHistory_RecoversFirst()
    {
        LedgerWithHistory("a");
        var ledger = Ledger(presumeNew: true);
        ledger.Tell("refuse-unless-known");
        ExpectMsg("recovered [a] snapshot none replayed 1 last #1");
        ExpectMsg("known [a]");
    }

    [Fact]
    public void PresumeNew_AfterARejectedWrite_TheNextWriteStillStartsAtOne()
    {
        var ledger = Ledger(presumeNew: true);
        ledger.Tell("bad");
        ExpectMsg<string>().Should().StartWith("persist rejected #1");
        ledger.Tell("persist:a");
        ExpectMsg("persisted a #1");
    }

    [Fact]
    public void Persist_HandlerRunsAfterTheWriteWithTheCommandsSender()
    {
        var ledger = Ledger();
        var probe = CreateTestProbe();
        probe.Send(ledger, "persist:a");
        probe.ExpectMsg("persisted a #1");
    }

    [Fact]
    public void Persist_CommandsArrivingDuringTheWrite_WaitInOrder()
    {
        var ledger = Ledger();
        _gate.Close();
        ledger.Tell("persist:a");
        ledger.Tell("state");
        ledger.Tell("persist:b");

        ExpectNoMsg(TimeSpan.FromMilliseconds(150)); // the write is held: nothing else may run
        _gate.Open();

        ExpectMsg("persisted a #1");
        ExpectMsg("state [a] #1");
        ExpectMsg("persisted b #2");
    }

    [Fact]
    public void PersistAsync_CommandsKeepFlowingDuringTheWrite()
    {
        var ledger = Ledger();
        _gate.Close();
        ledger.Tell("async:a");
        ledger.Tell("state");

        ExpectMsg("state [] #0");
        _gate.Open();
        ExpectMsg("persisted a #1");
    }

    [Fact]
    public void PersistAll_HandlersRunInEventOrder()
    {
        var ledger = Ledger();
        ledger.Tell("all:a,b,c");
        ExpectMsg("persisted a #1");
        ExpectMsg("persisted b #2");
        ExpectMsg("persisted c #3");
    }

    [Fact]
    public void PersistPersistAsyncAndDefer_InOneCommand_RunInCallOrder()
    {
        var ledger = Ledger();
        ledger.Tell("mixed:a,b,c");
        ExpectMsg("persisted a #1");
        ExpectMsg("persisted b #2");
        ExpectMsg("deferred c");
    }

    [Fact]
    public void Persist_FromAnAsyncCommand_HoldsLaterCommandsUntilHandled()
    {
        var ledger = Ledger();
        ledger.Tell("slow:a");
        ledger.Tell("state");
        ExpectMsg("persisted a #1");
        ExpectMsg("state [a] #1");
    }

    [Fact]
    public void Recovery_WithoutSnapshot_ReplaysEveryEvent()
    {
        var ledger = Ledger();
        ledger.Tell("all:a,b,c");
        ReceiveN(3);
        Stop(ledger);

        ActorOf(Props.Create(() => new Ledger(_pid, TestActor)));

        ExpectMsg("recovered [a,b,c] snapshot none replayed 3 last #3");
    }

    [Fact]
    public void Recovery_WithSnapshot_OffersItThenReplaysOnlyLaterEvents()
    {
        var ledger = Ledger();
        ledger.Tell("all:a,b");
        ReceiveN(2);
        ledger.Tell("snap");
        ExpectMsg("snapshot saved #2");
        ledger.Tell("persist:c");
        ExpectMsg("persisted c #3");
        Stop(ledger);

        ActorOf(Props.Create(() => new Ledger(_pid, TestActor)));

        ExpectMsg("recovered [a,b,c] snapshot 2 replayed 1 last #3");
    }

    [Fact]
    public void DeleteSnapshots_RecoveryThenReplaysEverything()
    {
        var ledger = Ledger();
        ledger.Tell("all:a,b");
        ReceiveN(2);
        ledger.Tell("snap");
        ExpectMsg("snapshot saved #2");
        ledger.Tell("forget-snapshots");
        ExpectMsg("snapshots deleted");
        Stop(ledger);

        ActorOf(Props.Create(() => new Ledger(_pid, TestActor)));

        ExpectMsg("recovered [a,b] snapshot none replayed 2 last #2");
    }

    [Fact]
    public void DeleteMessages_DeletedEventsAreNotReplayedButNumbersStayUsed()
    {
        var ledger = Ledger();
        ledger.Tell("all:a,b,c");
        ReceiveN(3);
        ledger.Tell("delete:2");
        ExpectMsg("deleted to #2");
        Stop(ledger);

        var recovered = ActorOf(Props.Create(() => new Ledger(_pid, TestActor)));
        ExpectMsg("recovered [c] snapshot none replayed 1 last #3");
        recovered.Tell("persist:d");
        ExpectMsg("persisted d #4");
    }

    [Fact]
    public void Persist_UnserializableEvent_IsRejectedAndTheActorGoesOn()
    {
        var ledger = Ledger();
        ledger.Tell("bad");
        ExpectMsg("persist rejected #1: EventSerializationException");
        ledger.Tell("persist:ok");
        ExpectMsg<string>(m => m.StartsWith("persisted ok", StringComparison.Ordinal));
        ledger.Tell("state");
        ExpectMsg<string>(m => m.StartsWith("state [ok]", StringComparison.Ordinal));
    }

    [Fact]
    public void Persist_WriteFails_ActorStopsAndABackoffSupervisorRestartsItWithItsState()
    {
        var supervisor = ActorOf(BackoffSupervisor.Props(new BackoffOptions(
            Props.Create(() => new Ledger(_pid, TestActor)), "ledger", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), 0)
        { Mode = BackoffMode.OnStop }));
        ExpectMsg("recovered [] snapshot none replayed 0 last #0");
        supervisor.Tell("persist:a");
        ExpectMsg("persisted a #1");

        _flaky.FailNextWrites(1);
        supervisor.Tell("persist:b");

        ExpectMsg("persist failed #2: IOException");
        ExpectMsg("recovered [a] snapshot none replayed 1 last #1");
        supervisor.Tell("persist:c");
        ExpectMsg("persisted c #2");
    }

    [Fact]
    public void TwoActorsWithOnePersistenceId_TheSecondWriteFailsAndStopsIt()
    {
        var first = Ledger();
        var secondReporter = CreateTestProbe();
        var second = ActorOf(Props.Create(() => new Ledger(_pid, secondReporter.Ref)));
        secondReporter.ExpectMsg<string>(m => m.StartsWith("recovered", StringComparison.Ordinal));

        first.Tell("persist:mine");
        ExpectMsg("persisted mine #1");
        Watch(second);
        second.Tell("persist:theirs");

        secondReporter.ExpectMsg("persist failed #1: ConcurrentWriterException");
        ExpectTerminated(second);
        first.Tell("state");
        ExpectMsg("state [mine] #1");
    }

    [Fact]
    public void Recovery_UnknownManifest_StopsTheActorNamingPersistenceIdAndSequenceNumber()
    {
        var ledger = Ledger();
        ledger.Tell("all:a,b");
        ReceiveN(2);
        Stop(ledger);
        _serializer.Forget("test-evt.v1");

        var broken = ActorOf(Props.Create(() => new Ledger(_pid, TestActor)));
        Watch(broken);

        var failure = ExpectMsg<RecoveryFailedException>();
        failure.PersistenceId.Should().Be(_pid);
        failure.SequenceNr.Should().Be(1);
        failure.Message.Should().Contain(_pid).And.Contain("sequence number 1");
        ExpectTerminated(broken);
    }
}

public sealed class NoSnapshotStoreSpec() : TestKit.TestKit(new TestKitOptions
{
    SystemOptions = new ActorSystemOptions { Persistence = new PersistenceOptions(new ActorExec.Actors.Persistence.InMemory.InMemoryJournal(TestSerialization.Serializer())) },
})
{
    [Fact]
    public void SaveSnapshot_WithoutASnapshotStore_RepliesFailure()
    {
        var ledger = ActorOf(Props.Create(() => new Ledger("no-snapshots", TestActor)));
        ExpectMsg<string>(m => m.StartsWith("recovered", StringComparison.Ordinal));
        ledger.Tell("snap");
        ExpectMsg<string>(m => m.StartsWith("snapshot failed", StringComparison.Ordinal) && m.Contains("no snapshot store"));
    }
}

public sealed class InMemoryPersistentActorSpec() : PersistentActorSpec(new StoreKind.InMemory());

public sealed class SqlitePersistentActorSpec() : PersistentActorSpec(new StoreKind.Sqlite());

public sealed class PostgresPersistentActorSpec() : PersistentActorSpec(new StoreKind.Postgres());
