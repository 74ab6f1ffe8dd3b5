namespace ActorExec.Engine.AutoClose;

/// <summary>
/// Runs each auto-close plan as a child <see cref="AutoCloseWalk"/>, restarts a walk that crashes
/// (walks are idempotent: their orders have fixed client ids), and reports each outcome to its market
/// and on the event stream.
/// </summary>
internal sealed class AutoCloseSupervisor : ReceiveActor
{
    private readonly EngineServices _services;
    private readonly Dictionary<IActorRef, RunAutoClose> _running = [];

    public AutoCloseSupervisor(EngineServices services)
    {
        _services = services;
        Receive<RunAutoClose>(Run);
        Receive<AutoCloseReport>(report =>
        {
            Context.System.EventStream.Publish(report);
            _services.Region.Tell(report, Self);
        });
        Receive<Terminated>(terminated => _running.Remove(terminated.ActorRef));
    }

    protected override SupervisorStrategy SupervisorStrategy()
        => new OneForOneStrategy(maxNrOfRetries: 20, withinTimeRange: TimeSpan.FromMinutes(1), decider: _ => Directive.Restart);

    private void Run(RunAutoClose run)
    {
        var name = $"{run.ExecutionId.Value}-{run.Round}";
        if (Context.Child(name) is not null)
            return; // already walking (a market resent it after a restart)
        var walk = Context.ActorOf(Props.Create(() => new AutoCloseWalk(run, _services)), name);
        Context.Watch(walk);
        _running[walk] = run;
    }
}
