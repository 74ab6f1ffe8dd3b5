using ActorExec.Actors.Internal;

namespace ActorExec.Actors.Tests.Supervision;

public sealed class ChildRestartStatsSpec
{
    private readonly ManualTimeProvider _time = new();
    private readonly ChildRestartStats _stats = new();

    [Fact]
    public void RequestRestartPermission_ZeroRetries_NeverAllows()
        => _stats.RequestRestartPermission(0, TimeSpan.FromSeconds(1), _time).Should().BeFalse();

    [Fact]
    public void RequestRestartPermission_Unlimited_AlwaysAllows()
        => Enumerable.Range(0, 1000).Should().OnlyContain(_ => _stats.RequestRestartPermission(null, null, _time));

    [Fact]
    public void RequestRestartPermission_NoWindow_CountsOverWholeLife()
    {
        _stats.RequestRestartPermission(2, null, _time).Should().BeTrue();
        _time.Advance(TimeSpan.FromDays(1));
        _stats.RequestRestartPermission(2, null, _time).Should().BeTrue();
        _stats.RequestRestartPermission(2, null, _time).Should().BeFalse();
    }

    [Fact]
    public void RequestRestartPermission_WithinWindow_DeniesTheOneOverTheLimit()
    {
        var window = TimeSpan.FromSeconds(10);
        _stats.RequestRestartPermission(2, window, _time).Should().BeTrue();
        _time.Advance(TimeSpan.FromSeconds(5));
        _stats.RequestRestartPermission(2, window, _time).Should().BeTrue();
        _time.Advance(TimeSpan.FromSeconds(5)); // exactly at the window's end: still inside
        _stats.RequestRestartPermission(2, window, _time).Should().BeFalse();
    }

    [Fact]
    public void RequestRestartPermission_AfterWindowPassed_StartsCountingAgain()
    {
        var window = TimeSpan.FromSeconds(10);
        _stats.RequestRestartPermission(1, window, _time).Should().BeTrue();
        _time.Advance(TimeSpan.FromSeconds(10.001));
        _stats.RequestRestartPermission(1, window, _time).Should().BeTrue();
        _stats.RequestRestartPermission(1, window, _time).Should().BeFalse();
    }
}
