namespace ActorExec.Cli.Tests.Fakes;

/// <summary>A spec with its own <see cref="FakeNode"/>; <see cref="RunAsync"/> points <c>--node</c> at it.</summary>
public abstract class FakeNodeSpec : IAsyncLifetime
{
    protected FakeNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await FakeNode.StartAsync();

    public async Task DisposeAsync() => await Node.DisposeAsync();

    protected Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync([.. args, "--node", Node.Address]);
}
