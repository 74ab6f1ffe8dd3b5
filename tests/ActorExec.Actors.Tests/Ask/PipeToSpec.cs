using ActorExec.Actors;

namespace ActorExec.Actors.Tests.Ask;

public sealed class PipeToSpec : TestKit.TestKit
{
    [Fact]
    public void PipeTo_CompletedTask_DeliversValueAtOnce()
    {
        Task.FromResult(42).PipeTo(TestActor);
        ExpectMsg(42);
    }

    [Fact]
    public async Task PipeTo_PendingTask_DeliversMappedValueWithSender()
    {
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = CreateTestProbe();
        var piped = source.Task.PipeTo(TestActor, probe.Ref, success: v => $"value {v}");
        ExpectNoMsg(TimeSpan.FromMilliseconds(20));
        source.SetResult(7);
        await piped;
        ExpectMsg("value 7");
        LastSender.Should().Be(probe.Ref);
    }

    [Fact]
    public void PipeTo_FaultedTask_DeliversFailureWithTheCause()
    {
        var cause = new InvalidOperationException("boom");
        Task.FromException<int>(cause).PipeTo(TestActor);
        ExpectMsg<Status.Failure>().Cause.Should().BeSameAs(cause);
    }

    [Fact]
    public void PipeTo_FaultedTaskWithMapper_DeliversMappedFailure()
    {
        Task.FromException<int>(new TimeoutException("slow")).PipeTo(TestActor, failure: e => $"failed: {e.Message}");
        ExpectMsg("failed: slow");
    }

    [Fact]
    public void PipeTo_CancelledTask_DeliversTaskCanceledException()
    {
        Task.FromCanceled<int>(new CancellationToken(canceled: true)).PipeTo(TestActor);
        ExpectMsg<Status.Failure>().Cause.Should().BeOfType<TaskCanceledException>();
    }

    [Fact]
    public void PipeTo_CompletedValueTask_DeliversValue()
    {
        new ValueTask<string>("done").PipeTo(TestActor);
        ExpectMsg("done");
    }

    [Fact]
    public async Task PipeTo_PendingValueTask_DeliversValue()
    {
        var source = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var piped = new ValueTask<string>(source.Task).PipeTo(TestActor);
        source.SetResult("later");
        await piped;
        ExpectMsg("later");
    }
}
