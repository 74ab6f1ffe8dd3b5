using System.Globalization;
using ActorExec.Actors.Persistence.InMemory;
using ActorExec.Engine.Orders;
using ActorExec.Engine.Persistence;
using ActorExec.Engine.Venues;
using ActorExec.Trading.Execution;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper;

namespace ActorExec.Engine.Tests.Options;

/// <summary>Every option out of range is refused at start-up with its name and the value given.</summary>
public sealed class OptionsValidationSpec
{
    private static readonly TimeSpan Zero = TimeSpan.Zero;
    private static readonly TimeSpan MinusOne = TimeSpan.FromSeconds(-1);

    public static TheoryData<string, EngineOptions, string, object> InvalidEngineOptions => new()
    {
        { "ReconciliationInterval zero", new EngineOptions { ReconciliationInterval = Zero }, nameof(EngineOptions.ReconciliationInterval), Zero },
        { "LegTimeout negative", new EngineOptions { LegTimeout = MinusOne }, nameof(EngineOptions.LegTimeout), MinusOne },
        { "MarketIdleTimeout zero", new EngineOptions { MarketIdleTimeout = Zero }, nameof(EngineOptions.MarketIdleTimeout), Zero },
        { "PositionsPollInterval zero", new EngineOptions { PositionsPollInterval = Zero }, nameof(EngineOptions.PositionsPollInterval), Zero },
        { "HedgeBreakerOpenDuration zero", new EngineOptions { HedgeBreakerOpenDuration = Zero }, nameof(EngineOptions.HedgeBreakerOpenDuration), Zero },
        { "CompletionInterval negative", new EngineOptions { CompletionInterval = MinusOne }, nameof(EngineOptions.CompletionInterval), MinusOne },
        { "MarketSnapshotEvery zero", new EngineOptions { MarketSnapshotEvery = 0 }, nameof(EngineOptions.MarketSnapshotEvery), 0 },
        { "MaxCompletionAttempts negative", new EngineOptions { MaxCompletionAttempts = -1 }, nameof(EngineOptions.MaxCompletionAttempts), -1 },
        { "HedgeBreakerFailureThreshold zero", new EngineOptions { HedgeBreakerFailureThreshold = 0 }, nameof(EngineOptions.HedgeBreakerFailureThreshold), 0 },
        { "ArbitrageLegTimeInForce resting", new EngineOptions { ArbitrageLegTimeInForce = TimeInForce.Gtc }, nameof(EngineOptions.ArbitrageLegTimeInForce), TimeInForce.Gtc },
        // Nested option records are validated too, and name their own option.
        { "InFlight.Cooldown negative", new EngineOptions { InFlight = new InFlightOptions { Cooldown = MinusOne } }, nameof(InFlightOptions.Cooldown), MinusOne },
        { "Orders.MaxSendAttempts zero", new EngineOptions { Orders = new OrderActorOptions { MaxSendAttempts = 0 } }, nameof(OrderActorOptions.MaxSendAttempts), 0 },
        { "Orders.Rules.LostAfterConsecutiveNotFound zero", new EngineOptions { Orders = new OrderActorOptions { Rules = new OrderRules { LostAfterConsecutiveNotFound = 0 } } }, nameof(OrderRules.LostAfterConsecutiveNotFound), 0 },
        { "Slippage.MaxSlippageBps negative", new EngineOptions { Slippage = new() { MaxSlippageBps = -1m } }, "MaxSlippageBps", -1m },
        { "Reconciliation.PositionTolerance negative", new EngineOptions { Reconciliation = new() { PositionTolerance = -0.5m } }, "PositionTolerance", -0.5m },
    };

    public static TheoryData<string, VenueSupervisorOptions, string, object> InvalidSupervisorOptions => new()
    {
        { "WritesPerSecond zero", new VenueSupervisorOptions { WritesPerSecond = 0 }, nameof(VenueSupervisorOptions.WritesPerSecond), 0d },
        { "ReadsPerSecond negative", new VenueSupervisorOptions { ReadsPerSecond = -5 }, nameof(VenueSupervisorOptions.ReadsPerSecond), -5d },
        { "WritesPerSecond NaN", new VenueSupervisorOptions { WritesPerSecond = double.NaN }, nameof(VenueSupervisorOptions.WritesPerSecond), double.NaN },
        { "WriteBurst zero", new VenueSupervisorOptions { WriteBurst = 0 }, nameof(VenueSupervisorOptions.WriteBurst), 0d },
        { "ReadBurst negative", new VenueSupervisorOptions { ReadBurst = -1 }, nameof(VenueSupervisorOptions.ReadBurst), -1d },
        { "MaxRetries negative", new VenueSupervisorOptions { MaxRetries = -1 }, nameof(VenueSupervisorOptions.MaxRetries), -1 },
        { "RetryBaseDelay zero", new VenueSupervisorOptions { RetryBaseDelay = Zero }, nameof(VenueSupervisorOptions.RetryBaseDelay), Zero },
        { "RetryMaxDelay below base", new VenueSupervisorOptions { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(1) }, nameof(VenueSupervisorOptions.RetryMaxDelay), TimeSpan.FromSeconds(1) },
        { "RetryJitter above 1", new VenueSupervisorOptions { RetryJitter = 1.5 }, nameof(VenueSupervisorOptions.RetryJitter), 1.5 },
        { "RetryJitter negative", new VenueSupervisorOptions { RetryJitter = -0.1 }, nameof(VenueSupervisorOptions.RetryJitter), -0.1 },
        { "BreakerFailureThreshold zero", new VenueSupervisorOptions { BreakerFailureThreshold = 0 }, nameof(VenueSupervisorOptions.BreakerFailureThreshold), 0d },
        { "BreakerOpenDuration zero", new VenueSupervisorOptions { BreakerOpenDuration = Zero }, nameof(VenueSupervisorOptions.BreakerOpenDuration), Zero },
        { "CallTimeout negative", new VenueSupervisorOptions { CallTimeout = MinusOne }, nameof(VenueSupervisorOptions.CallTimeout), MinusOne },
        { "AdapterRestartMinBackoff zero", new VenueSupervisorOptions { AdapterRestartMinBackoff = Zero }, nameof(VenueSupervisorOptions.AdapterRestartMinBackoff), Zero },
        { "AdapterRestartMaxBackoff below min", new VenueSupervisorOptions { AdapterRestartMinBackoff = TimeSpan.FromSeconds(5), AdapterRestartMaxBackoff = TimeSpan.FromSeconds(1) }, nameof(VenueSupervisorOptions.AdapterRestartMaxBackoff), TimeSpan.FromSeconds(1) },
        { "ReplenishmentPeriod zero", new VenueSupervisorOptions { ReplenishmentPeriod = Zero }, nameof(VenueSupervisorOptions.ReplenishmentPeriod), Zero },
        // 15 writes/s refilled every 100 ms is 1.5 tokens per refill: not a whole number.
        { "WritesPerSecond fractional refill", new VenueSupervisorOptions { WritesPerSecond = 15 }, nameof(VenueSupervisorOptions.WritesPerSecond), 15d },
        // 5 reads/s refilled every 100 ms is half a token per refill: the bucket would never refill.
        { "ReadsPerSecond below one per refill", new VenueSupervisorOptions { ReadsPerSecond = 5 }, nameof(VenueSupervisorOptions.ReadsPerSecond), 5d },
    };

    public static TheoryData<string, OrderActorOptions, string, object> InvalidOrderOptions => new()
    {
        { "PollInitialInterval zero", new OrderActorOptions { PollInitialInterval = Zero }, nameof(OrderActorOptions.PollInitialInterval), Zero },
        { "PollMaxInterval below initial", new OrderActorOptions { PollInitialInterval = TimeSpan.FromSeconds(2), PollMaxInterval = TimeSpan.FromSeconds(1) }, nameof(OrderActorOptions.PollMaxInterval), TimeSpan.FromSeconds(1) },
        { "ConfirmTimeout below initial poll", new OrderActorOptions { ConfirmTimeout = TimeSpan.FromMilliseconds(100) }, nameof(OrderActorOptions.ConfirmTimeout), TimeSpan.FromMilliseconds(100) },
        { "MaxSendAttempts zero", new OrderActorOptions { MaxSendAttempts = 0 }, nameof(OrderActorOptions.MaxSendAttempts), 0 },
        { "RestartBackoff negative", new OrderActorOptions { RestartBackoff = MinusOne }, nameof(OrderActorOptions.RestartBackoff), MinusOne },
        { "Rules.LostAfterConsecutiveNotFound zero", new OrderActorOptions { Rules = new OrderRules { LostAfterConsecutiveNotFound = 0 } }, nameof(OrderRules.LostAfterConsecutiveNotFound), 0 },
    };

    [Fact]
    public void Validate_Defaults_AreValidAndReturnTheSameOptions()
    {
        var engine = new EngineOptions();
        var supervisor = new VenueSupervisorOptions();
        var orders = new OrderActorOptions();

        engine.Validate().Should().BeSameAs(engine);
        supervisor.Validate().Should().BeSameAs(supervisor);
        orders.Validate().Should().BeSameAs(orders);
        VenueSupervisorOptions.KalshiLike.Validate().Should().BeSameAs(VenueSupervisorOptions.KalshiLike);
        VenueSupervisorOptions.PolymarketLike.Validate().Should().BeSameAs(VenueSupervisorOptions.PolymarketLike);
    }

    [Theory]
    [MemberData(nameof(InvalidEngineOptions))]
    public void EngineOptionsValidate_InvalidValue_ThrowsNamingTheOptionAndValue(string because, EngineOptions options, string option, object value)
        => ShouldNameOptionAndValue(options.Validate, because, option, value);

    [Theory]
    [MemberData(nameof(InvalidSupervisorOptions))]
    public void VenueSupervisorOptionsValidate_InvalidValue_ThrowsNamingTheOptionAndValue(string because, VenueSupervisorOptions options, string option, object value)
    {
        var thrown = ShouldNameOptionAndValue(options.Validate, because, option, value);
        thrown.Message.Should().Contain($"VenueSupervisorOptions.{option}", because);
    }

    [Theory]
    [MemberData(nameof(InvalidOrderOptions))]
    public void OrderActorOptionsValidate_InvalidValue_ThrowsNamingTheOptionAndValue(string because, OrderActorOptions options, string option, object value)
        => ShouldNameOptionAndValue(options.Validate, because, option, value);

    [Fact]
    public void EngineOptionsValidate_OwnOption_MessageSaysWhichRecordItBelongsTo()
    {
        var act = () => new EngineOptions { LegTimeout = TimeSpan.Zero }.Validate();

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("EngineOptions.LegTimeout must be positive, got 00:00:00*");
    }

    [Fact]
    public async Task StartAsync_InvalidEngineOptions_ThrowsBeforeStartingAnything()
    {
        var serializer = EngineSerialization.Serializer();
        var journal = new InMemoryJournal(serializer);
        var system = ActorSystem.Create("options-spec", new ActorSystemOptions { Persistence = new(journal, new InMemorySnapshotStore(serializer)) });
        try
        {
            var venue = new PaperVenue(PaperVenueOptions.KalshiLike(new VenueId("kalshi"), [PaperMarket.Binary("m-1", 0.5m)], seed: 1));
            var queries = journal;

            var bad = () => ExecutionEngine.StartAsync(system, queries, [new VenueConnection(venue, venue, new VenueSupervisorOptions { CallTimeout = TimeSpan.Zero })]);

            (await bad.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be(nameof(VenueSupervisorOptions.CallTimeout));
            var act = () => ExecutionEngine.StartAsync(system, queries, [new VenueConnection(venue, venue)], new EngineOptions { MarketIdleTimeout = TimeSpan.Zero });
            (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be(nameof(EngineOptions.MarketIdleTimeout));
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static ArgumentOutOfRangeException ShouldNameOptionAndValue(Func<object> validate, string because, string option, object value)
    {
        var thrown = validate.Should().Throw<ArgumentOutOfRangeException>(because).Which;
        thrown.ParamName.Should().Be(option, because);
        thrown.ActualValue.Should().Be(value, because);
        thrown.Message.Should().Contain(option, because).And.Contain(Text(value), because);
        return thrown;
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.CurrentCulture)!;
}
