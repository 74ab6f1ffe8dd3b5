using ActorExec.Venues.Credentials;
using ActorExec.Venues.Kalshi;

namespace ActorExec.Venues.Tests.Kalshi;

/// <summary>Options are checked before anything is sent, and never print the key.</summary>
public sealed class KalshiOptionsSpec
{
    private static readonly KalshiOptions Valid = new()
    {
        Venue = new VenueId("kalshi"),
        KeyId = "key-1",
        PrivateKeyPem = new Secret("-----BEGIN RSA PRIVATE KEY-----\nSECRETSECRET\n-----END RSA PRIVATE KEY-----", "env KALSHI_KEY"),
        Markets = new Dictionary<MarketId, string> { [new MarketId("fed-dec")] = "KXFED-25DEC-T4.00" },
    };

    [Fact]
    public void Defaults_ProductionApiAndSystemClock()
    {
        Valid.ApiBase.Should().Be(new Uri("https://api.elections.kalshi.com/trade-api/v2/"));
        Valid.TimeProvider.Should().BeSameAs(TimeProvider.System);
        Valid.Invoking(o => o.Validate()).Should().NotThrow();
    }

    [Fact]
    public void ToString_ShowsTheKeySourceNotTheKey()
    {
        Valid.ToString().Should().Contain("env KALSHI_KEY").And.NotContain("SECRETSECRET");
    }

    [Fact]
    public void Validate_EachProblem_NamesTheOption()
    {
        (Valid with { KeyId = " " }).Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*KeyId*");
        (Valid with { Markets = new Dictionary<MarketId, string>() }).Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*Markets*");
        (Valid with { Markets = new Dictionary<MarketId, string> { [new MarketId("a")] = "T", [new MarketId("b")] = "T" } })
            .Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*ticker 'T' is mapped twice*");
        (Valid with { Markets = new Dictionary<MarketId, string> { [new MarketId("a")] = "BAD/TICKER" } })
            .Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*market 'a'*'BAD/TICKER'*");
        (Valid with { ApiBase = new Uri("ftp://kalshi/") }).Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*ApiBase*");
    }
}
