using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.InMemory;
using ActorExec.Actors.Persistence.Serialization;

namespace ActorExec.Actors.Tests.Persistence;

public sealed class PersistentActorSpec() : TestKit.TestKit(new TestKitOptions
{
    SystemOptions = new ActorSystemOptions { Persistence = new PersistenceOptions(new InMemoryJournal(new JsonEventSerializer(new EventTypeRegistry().Register<Noted>("noted.v1")))) },
})
{
    private sealed record Noted(string Text);

    private sealed class Notes : PersistentActor
    {
        public Notes(bool persistWhileRecovering)
        {
            Recover<Noted>(_ =>
            {
                if (persistWhileRecovering)
                    Persist(new Noted("during recovery"), _ => { });
            });
            Recover<RecoveryCompleted>(_ => { });
            Command<string>(s => s == "late-handler", _ => Command<int>(_ => { }));
            Command<string>(s => s.StartsWith("nested:", StringComparison.Ordinal), s => Persist(new Noted(s), outer =>
                Persist(new Noted(outer.Text + "/inner"), inner => Sender.Tell($"noted {inner.Text} #{LastSequenceNr}", Self))));
            Command<string>(s => Persist(new Noted(s), n => Sender.Tell($"noted {n.Text} #{LastSequenceNr}", Self)));
        }

        public override string PersistenceId => "notes";
    }

    [Fact]
    public void Persist_ThenRestart_StateComesBackFromTheJournal()
    {
        var notes = ActorOf(Props.Create(() => new Notes(false)));
        notes.Tell("first");
        ExpectMsg("noted first #1");
        Watch(notes);
        Sys.Stop(notes);
        ExpectTerminated(notes);

        ActorOf(Props.Create(() => new Notes(false))).Tell("second");

        ExpectMsg("noted second #2");
    }

    [Fact]
    public void Persist_InsideAPersistHandler_IsStoredWithoutWaitingForAnotherCommand()
    {
        var notes = ActorOf(Props.Create(() => new Notes(false)));

        notes.Tell("nested:a");

        ExpectMsg("noted nested:a/inner #2");
        notes.Tell("after");
        ExpectMsg("noted after #3");
    }

    [Fact]
    public void Persist_DuringRecovery_FailsRecoveryAndStopsTheActor()
    {
        var notes = ActorOf(Props.Create(() => new Notes(false)));
        notes.Tell("seed");
        ExpectMsg("noted seed #1");
        Watch(notes);
        Sys.Stop(notes);
        ExpectTerminated(notes);

        var broken = ActorOf(Props.Create(() => new Notes(true)));
        Watch(broken);
        ExpectTerminated(broken);
    }

    [Fact]
    public void RegisteringAHandler_AfterConstruction_IsAFailure()
    {
        var notes = ActorOf(Props.Create(() => new Notes(false)));
        notes.Tell("late-handler");
        notes.Tell("after");
        ExpectMsg<string>(m => m.StartsWith("noted after", StringComparison.Ordinal), hint: "restarted after the failure and still works");
    }

    [Fact]
    public void Start_WithoutAJournal_StopsTheActor()
    {
        using var bare = ActorSystem.Create("no-journal");
        var probe = CreateTestProbe();
        var notes = bare.ActorOf(Props.Create(() => new Notes(false)));
        probe.Watch(notes);
        notes.Tell("anything", probe.Ref);

        // The initialisation failure stops it (default strategy) before any command is handled.
        probe.ExpectTerminated(notes);
    }
}
