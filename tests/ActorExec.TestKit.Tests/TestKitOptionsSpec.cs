namespace ActorExec.TestKit.Tests;

/// <summary>What each option changes in a kit built with it.</summary>
public sealed class TestKitOptionsSpec
{
    private sealed class Kit(TestKitOptions? options = null) : TestKit(options);

    [Fact]
    public void Defaults_Always_AreRealTimeWithThreeSecondTimeout()
    {
        var options = new TestKitOptions();

        options.UseVirtualTime.Should().BeFalse();
        options.DefaultTimeout.Should().Be(TimeSpan.FromSeconds(3));
        options.DefaultNoMessageWait.Should().Be(TimeSpan.FromMilliseconds(100));
        options.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(10));
        options.SystemOptions.Should().Be(new ActorSystemOptions());
    }

    [Fact]
    public void With_ChangedOption_IsValueEqualOnlyWhenSame()
    {
        var options = new TestKitOptions { DefaultTimeout = TimeSpan.FromSeconds(1) };

        options.Should().Be(new TestKitOptions { DefaultTimeout = TimeSpan.FromSeconds(1) });
        options.Should().NotBe(options with { UseVirtualTime = true });
    }

    [Fact]
    public void Constructor_NullOptions_UsesDefaults()
    {
        using var kit = new Kit();

        kit.VirtualClock.Should().BeNull();
        kit.Sys.TimeProvider.Should().BeSameAs(TimeProvider.System);
        kit.RemainingOrDefault.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void DefaultTimeout_Custom_UsedByExpectMsgWithoutTimeout()
    {
        using var kit = new Kit(new TestKitOptions { DefaultTimeout = TimeSpan.FromMilliseconds(250) });

        kit.RemainingOrDefault.Should().Be(TimeSpan.FromMilliseconds(250));
        var act = () => kit.ExpectMsg<string>();

        act.Should().Throw<XunitException>().Which.Message
            .Should().Contain("Expected a message of type String within 250 ms, but none arrived");
    }

    [Fact]
    public void DefaultTimeout_Custom_InheritedByProbes()
    {
        using var kit = new Kit(new TestKitOptions { DefaultTimeout = TimeSpan.FromMilliseconds(150) });
        var probe = kit.CreateTestProbe("p");

        var act = () => probe.ReceiveOne();

        act.Should().Throw<XunitException>().Which.Message
            .Should().Contain("within 150 ms, but none arrived").And.Contain("/system/p");
    }

    [Fact]
    public void DefaultNoMessageWait_Custom_UsedByExpectNoMsgWithoutDuration()
    {
        using var kit = new Kit(new TestKitOptions { DefaultNoMessageWait = TimeSpan.FromMilliseconds(40) });
        kit.TestActor.Tell("unexpected", null);

        var act = () => kit.ExpectNoMsg();

        act.Should().Throw<XunitException>().Which.Message
            .Should().Contain("Expected no message for 40 ms, but received \"unexpected\"");
    }

    [Fact]
    public void UseVirtualTime_True_SystemRunsOnTheKitsManualClock()
    {
        using var kit = new Kit(new TestKitOptions { UseVirtualTime = true });

        kit.VirtualClock.Should().NotBeNull();
        kit.Sys.TimeProvider.Should().BeSameAs(kit.VirtualClock);
        kit.VirtualClock!.GetUtcNow().Should().Be(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void UseVirtualTime_True_ReplacesOnlyTheClockOfSystemOptions()
    {
        var systemOptions = new ActorSystemOptions { Throughput = 7, DeadLetterLogLimit = 0 };

        using var kit = new Kit(new TestKitOptions { UseVirtualTime = true, SystemOptions = systemOptions });

        kit.Sys.Options.Throughput.Should().Be(7);
        kit.Sys.Options.DeadLetterLogLimit.Should().Be(0);
        kit.Sys.Options.TimeProvider.Should().BeSameAs(kit.VirtualClock);
    }

    [Fact]
    public void SystemOptions_CustomClockInRealTimeMode_IsKept()
    {
        var clock = new ManualTimeProvider();

        using var kit = new Kit(new TestKitOptions { SystemOptions = new ActorSystemOptions { TimeProvider = clock } });

        kit.Sys.TimeProvider.Should().BeSameAs(clock);
        kit.VirtualClock.Should().BeNull("the kit's own virtual clock exists only with UseVirtualTime");
    }

    [Fact]
    public void SystemOptions_Invalid_RejectedWhenKitIsBuilt()
    {
        var act = () => new Kit(new TestKitOptions { SystemOptions = new ActorSystemOptions { Throughput = 0 } });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
