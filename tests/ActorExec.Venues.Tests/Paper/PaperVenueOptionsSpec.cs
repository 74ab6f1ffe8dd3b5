using ActorExec.Trading.Execution;
using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

public sealed class PaperVenueOptionsSpec
{
    private static readonly VenueId Id = new("paper-a");
    private static readonly PaperVenueOptions Valid = new() { Venue = Id, Markets = [PaperMarket.Binary("m-1", 0.5m)] };

    public static TheoryData<string, Func<PaperVenueOptions, PaperVenueOptions>, string, string> OutOfRange => new()
    {
        { "levels", o => o with { Liquidity = new PaperLiquidityOptions { Levels = 0 } }, "Levels", "got 0" },
        { "spread", o => o with { Liquidity = new PaperLiquidityOptions { SpreadTicks = -1 } }, "SpreadTicks", "got -1" },
        { "min size", o => o with { Liquidity = new PaperLiquidityOptions { MinLevelSize = 0 } }, "MinLevelSize", "got 0" },
        { "max size", o => o with { Liquidity = new PaperLiquidityOptions { MaxLevelSize = 5 } }, "MaxLevelSize", "got 5" },
        { "interval", o => o with { Liquidity = new PaperLiquidityOptions { RequoteInterval = TimeSpan.Zero } }, "RequoteInterval", "got 00:00:00" },
        { "volatility", o => o with { Liquidity = new PaperLiquidityOptions { Volatility = -0.1 } }, "Volatility", "got -0.1" },
        { "reversion", o => o with { Liquidity = new PaperLiquidityOptions { MeanReversion = 1.5 } }, "MeanReversion", "got 1.5" },
        { "mine", o => o with { Settlement = new PaperSettlementOptions { MineDelay = TimeSpan.FromSeconds(-1) } }, "MineDelay", "got -00:00:01" },
        { "failure", o => o with { Settlement = new PaperSettlementOptions { FailureRate = 2 } }, "FailureRate", "got 2" },
        { "latency", o => o with { Latency = new PaperLatencyOptions { Jitter = TimeSpan.FromSeconds(-1) } }, "Jitter", "got -00:00:01" },
        { "timeout rate", o => o with { Faults = new PaperFaultOptions { TimeoutRate = -0.5 } }, "TimeoutRate", "got -0.5" },
        { "lost ack rate", o => o with { Faults = new PaperFaultOptions { LostAckRate = 1.1 } }, "LostAckRate", "got 1.1" },
        { "timeout after", o => o with { Faults = new PaperFaultOptions { TimeoutAfter = TimeSpan.FromSeconds(-5) } }, "TimeoutAfter", "got -00:00:05" },
        { "binary anchor", o => o with { Markets = [PaperMarket.Binary("m-1", 1.2m)] }, "Anchor", "1.2" },
        { "linear anchor", o => o with { Markets = [PaperMarket.Linear("eth", 0.001m, new InstrumentRules(0.01m, 1m, 0.01m, 10_000m, 1m))] }, "Anchor", "0.001" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Validate_OptionOutOfRange_ThrowsNamingTheOptionAndValue(string scenario, Func<PaperVenueOptions, PaperVenueOptions> change, string option, string value)
    {
        var options = change(Valid);

        var act = () => new PaperVenue(options);

        act.Should().Throw<ArgumentOutOfRangeException>(scenario).WithParameterName(option).WithMessage($"*{option}*{value}*");
    }

    [Fact]
    public void Validate_DuplicateMarket_ThrowsNamingIt()
    {
        var options = Valid with { Markets = [PaperMarket.Binary("m-1", 0.5m), PaperMarket.Binary("m-1", 0.6m)] };

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithParameterName("Markets").WithMessage("*'m-1' twice*");
    }

    [Fact]
    public void Validate_MissingVenueOrNullPart_ThrowsNamingIt()
    {
        (Valid with { Venue = default }).Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithParameterName("Venue");
        (Valid with { TimeProvider = null! }).Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithParameterName("TimeProvider");
        (Valid with { Markets = null! }).Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithParameterName("Markets");
        (Valid with { OrderTypes = new HashSet<OrderType>() }).Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithParameterName("OrderTypes");
    }

    [Fact]
    public void Validate_BinaryMarketWithRulesReachingOne_Throws()
    {
        var rules = new InstrumentRules(0.01m, 1m, 0.01m, 1.00m, 1m);

        var act = () => (Valid with { Markets = [new PaperMarket(new MarketId("m-1"), InstrumentKind.Binary, 0.5m, Rules: rules)] }).Validate();

        act.Should().Throw<ArgumentException>().WithParameterName("Rules").WithMessage("*MaxPrice*1*");
    }

    [Fact]
    public void Constructor_Defaults_MatchTheDocumentedValues()
    {
        var options = Valid;

        options.DefaultRules.Should().Be(InstrumentRules.BinaryCents);
        options.TimeProvider.Should().BeSameAs(TimeProvider.System);
        options.SupportsModify.Should().BeTrue();
        options.Liquidity.Should().Be(new PaperLiquidityOptions
        {
            Enabled = true, Levels = 5, SpreadTicks = 2, MinLevelSize = 10, MaxLevelSize = 100,
            RequoteInterval = TimeSpan.FromMilliseconds(250), Volatility = 0.004, MeanReversion = 0.05,
        });
        options.Settlement.Should().Be(new PaperSettlementOptions { MineDelay = TimeSpan.FromSeconds(2), ConfirmDelay = TimeSpan.FromSeconds(3), FailureRate = 0 });
        options.Latency.IsZero.Should().BeTrue();
        options.Faults.TimeoutAfter.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void KalshiLike_SettlesOnMatchWithKalshiFeesAndNoFak()
    {
        var venue = new PaperVenue(PaperVenueOptions.KalshiLike(Id, [PaperMarket.Binary("m-1", 0.5m)], seed: 1));

        var capabilities = venue.Capabilities;

        capabilities.SettlesOnChain.Should().BeFalse();
        capabilities.TakerFees.Should().Be(FeeSchedule.KalshiTaker);
        capabilities.MakerFees.Should().Be(FeeSchedule.KalshiMaker);
        capabilities.OrderTypes.Should().BeEquivalentTo([OrderType.Limit, OrderType.Market, OrderType.PostOnly]);
        capabilities.TimesInForce.Should().BeEquivalentTo([TimeInForce.Gtc, TimeInForce.Gtd, TimeInForce.Ioc, TimeInForce.Fok]);
        capabilities.SupportsModify.Should().BeTrue();
        venue.Venue.Should().Be(Id);
    }

    [Fact]
    public void PolymarketLike_SettlesOnChainFreeOfFeesWithEveryTimeInForce()
    {
        var capabilities = new PaperVenue(PaperVenueOptions.PolymarketLike(Id, [PaperMarket.Binary("m-1", 0.5m)], seed: 1)).Capabilities;

        capabilities.SettlesOnChain.Should().BeTrue();
        capabilities.TakerFees.FeeFor(10, 0.5m).Should().Be(0);
        capabilities.MakerFees.FeeFor(10, 0.5m).Should().Be(0);
        capabilities.Supports(OrderType.PostOnly, TimeInForce.Gtd).Should().BeTrue();
        capabilities.TimesInForce.Should().BeEquivalentTo([TimeInForce.Gtc, TimeInForce.Gtd, TimeInForce.Ioc, TimeInForce.Fok, TimeInForce.Fak]);
    }

    [Fact]
    public void PaperMarket_Factories_BuildBinaryAndLinearMarkets()
    {
        var rules = new InstrumentRules(0.5m, 0.01m, 0.5m, 1_000_000m, 0.01m);

        var binary = PaperMarket.Binary("btc-100k", 0.3m);
        var linear = PaperMarket.Linear("btc-perp", 95_000m, rules);

        binary.Should().Be(new PaperMarket(new MarketId("btc-100k"), InstrumentKind.Binary, 0.3m, "btc-100k"));
        linear.Kind.Should().Be(InstrumentKind.Linear);
        linear.Rules.Should().BeSameAs(rules);
    }
}
