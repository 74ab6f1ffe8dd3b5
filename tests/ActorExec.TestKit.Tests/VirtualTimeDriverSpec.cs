namespace ActorExec.TestKit.Tests;

/// <summary>The driver moves virtual time like a discrete-event simulation: to the next timer, bounded by the step.</summary>
/// <remarks>Alone in its collection: the driver judges quiescence from the thread pool, which parallel tests keep busy.</remarks>
[Collection(nameof(VirtualTimeDriverSpec))]
public sealed class VirtualTimeDriverSpec
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void NextTimerDueIn_NoTimers_IsNull_ThenTheEarliestDueTime()
    {
        _clock.NextTimerDueIn.Should().BeNull();
        using var late = _clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(9), Timeout.InfiniteTimeSpan);
        using var early = _clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(4), Timeout.InfiniteTimeSpan);

        _clock.NextTimerDueIn.Should().Be(TimeSpan.FromSeconds(4));
        _clock.Advance(TimeSpan.FromSeconds(3));
        _clock.NextTimerDueIn.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task UntilAsync_JumpsStraightToTheTimerThatMakesTheConditionHold()
    {
        var fired = false;
        using var timer = _clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(7), Timeout.InfiniteTimeSpan);
        var driver = new VirtualTimeDriver(_clock);

        await driver.UntilAsync(() => fired, "the timer", maxStep: TimeSpan.FromMinutes(1));

        _clock.Elapsed.Should().Be(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task UntilAsync_NoTimers_AdvancesByTheMaximumStep()
    {
        var driver = new VirtualTimeDriver(_clock);

        await driver.UntilAsync(() => _clock.Elapsed >= TimeSpan.FromSeconds(2.5), "2.5 s", maxStep: TimeSpan.FromSeconds(1));

        _clock.Elapsed.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task CompletionOfAsync_TaskWaitingOnVirtualTime_CompletesWithItsResult()
    {
        var driver = new VirtualTimeDriver(_clock);
        async Task<int> DelayedAnswer()
        {
            await Task.Delay(TimeSpan.FromSeconds(30), _clock);
            return 42;
        }

        (await driver.CompletionOfAsync(DelayedAnswer(), maxStep: TimeSpan.FromMinutes(1))).Should().Be(42);
        _clock.Elapsed.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task UntilAsync_ConditionNeverHolds_ThrowsNamingWhatItWaitedFor()
    {
        var driver = new VirtualTimeDriver(_clock);

        var act = () => driver.UntilAsync(() => false, "the impossible", maxStep: TimeSpan.FromSeconds(10), maxVirtual: TimeSpan.FromSeconds(30));

        (await act.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("the impossible").And.Contain("virtual time");
    }

    [Fact]
    public async Task UntilAsync_ProbeNeverSatisfied_ReportsTheLastAnswer()
    {
        var driver = new VirtualTimeDriver(_clock);

        var act = () => driver.UntilAsync(() => Task.FromResult("still pending"), s => s == "done", "the status", maxStep: TimeSpan.FromSeconds(10), maxVirtual: TimeSpan.FromSeconds(20));

        (await act.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("last answer: still pending");
    }
}

/// <summary>Runs <see cref="VirtualTimeDriverSpec"/> after the parallel tests, alone.</summary>
[CollectionDefinition(nameof(VirtualTimeDriverSpec), DisableParallelization = true)]
public sealed class VirtualTimeDriverCollection;
