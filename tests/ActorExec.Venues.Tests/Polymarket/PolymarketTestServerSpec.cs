using System.Numerics;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Http;
using ActorExec.Venues.Polymarket;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>
/// The test server refuses orders the CLOB V2 would refuse: V1-signed orders, the wrong V2 exchange domain, tampered
/// terms, another signer; and accepts a valid V2 order under its V2 EIP-712 hash.
/// </summary>
public sealed class PolymarketTestServerSpec
{
    [Fact]
    public async Task PostOrder_SignedForTheWrongV2Exchange_RefusedAsInvalid()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        using var key = Key();
        var order = Order(key.Address, PolymarketFixture.MarketB.YesToken);

        var result = await PostAsync(fx, order, PolymarketOrderSigning.Sign(order, key, PolymarketExchange.CtfExchangeV2(137)));

        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PolymarketErrors.Invalid);
        fx.Server.Paper.Records.PlaceCalls.Should().Be(0);
    }

    [Fact]
    public async Task PostOrder_V2StructSignedInTheV1Domain_Refused()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        using var key = Key();
        var order = Order(key.Address, PolymarketFixture.MarketA.YesToken);
        var v1Domain = PolymarketExchange.CtfExchange(137) with { VerifyingContract = PolymarketExchange.CtfExchangeV2(137).VerifyingContract };

        var result = await PostAsync(fx, order, PolymarketOrderSigning.Sign(order, key, v1Domain));

        result.Error.Should().BeOfType<VenueRejected>().Which.Message.Should().Contain("signature");
        fx.Server.Paper.Records.PlaceCalls.Should().Be(0);
    }

    [Fact]
    public async Task PostOrder_V1Body_RefusedAsAnInvalidPayload()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        const string v1 = """{"order":{"salt":1,"maker":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","signer":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266","taker":"0x0000000000000000000000000000000000000000","tokenId":"1111111111111111111111111111111111111111111111111111111111111111111111111111","makerAmount":"4000000","takerAmount":"10000000","expiration":"0","nonce":"0","feeRateBps":"0","side":"BUY","signatureType":0,"signature":"0x00"},"owner":"11111111-2222-3333-4444-555555555555","orderType":"GTC"}""";

        var result = await Http(fx).SendRawAsync(HttpMethod.Post, "order", System.Text.Json.JsonDocument.Parse(v1).RootElement, CancellationToken.None);

        result.Error.Should().BeOfType<VenueRejected>().Which.Message.Should().Contain("V2 order");
        fx.Server.Paper.Records.PlaceCalls.Should().Be(0);
    }

    [Fact]
    public async Task PostOrder_TamperedAfterSigning_Refused()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        using var key = Key();
        var order = Order(key.Address, PolymarketFixture.MarketA.YesToken);
        var signature = PolymarketOrderSigning.Sign(order, key, PolymarketExchange.CtfExchangeV2(137));

        var result = await PostAsync(fx, order with { Timestamp = order.Timestamp + 1 }, signature);

        result.Error.Should().BeOfType<VenueRejected>().Which.Message.Should().Contain("signature");
    }

    [Fact]
    public async Task PostOrder_SignedByAnotherKey_Refused()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        using var other = EthereumKey.FromPrivateKey(new Secret("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", "test"));
        var order = Order(other.Address, PolymarketFixture.MarketA.YesToken);

        var result = await PostAsync(fx, order, PolymarketOrderSigning.Sign(order, other, PolymarketExchange.CtfExchangeV2(137)));

        result.Error.Should().BeOfType<VenueRejected>().Which.Message.Should().Contain("not the API key's address");
    }

    [Fact]
    public async Task PostOrder_ValidNegRisk_AcceptedUnderItsV2Eip712Hash()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        using var key = Key();
        var order = Order(key.Address, PolymarketFixture.MarketB.YesToken);
        var domain = PolymarketExchange.NegRiskCtfExchangeV2(137);

        var result = await PostAsync(fx, order, PolymarketOrderSigning.Sign(order, key, domain));

        result.Value.OrderId.Should().Be("0x" + Convert.ToHexStringLower(PolymarketOrderSigning.Digest(order, domain)));
        result.Value.Status.Should().Be("live");
    }

    [Fact]
    public async Task PostOrder_TimestampMonthsOld_AcceptedAsTheClobDocumentsNoFreshnessRule()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        using var key = Key();
        var order = Order(key.Address, PolymarketFixture.MarketA.YesToken) with { Timestamp = PolymarketDefaults.OrderTimestamp };

        var result = await PostAsync(fx, order, PolymarketOrderSigning.Sign(order, key, PolymarketExchange.CtfExchangeV2(137)));

        result.Value.Success.Should().BeTrue();
        fx.Server.Paper.Records.Placements.Should().ContainSingle();
    }

    private static EthereumKey Key() => EthereumKey.FromPrivateKey(new Secret(PolymarketFixture.PrivateKeyHex, "test"));

    /// <summary>A BUY of 10 shares at 0.40, stamped at the fixture clock's time like an official client's order.</summary>
    private static PolymarketOrderV2 Order(string signer, string token) => new(
        12345, signer, signer, BigInteger.Parse(token, System.Globalization.CultureInfo.InvariantCulture), 4_000_000, 10_000_000,
        PolymarketOrderSide.Buy, PolymarketSignatureType.Eoa, new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
        PolymarketOrderV2.ZeroBytes32, PolymarketOrderV2.ZeroBytes32);

    private static VenueHttp Http(PolymarketFixture fx)
    {
        var signer = new PolymarketL2Signer(fx.Venue.SignerAddress, PolymarketFixture.ApiKey, new Secret(PolymarketFixture.ApiSecretText, "t"),
            new Secret(PolymarketFixture.PassphraseText, "t"), fx.Clock);
        return new VenueHttp("polymarket", fx.Http, fx.Server.Address, PolymarketJson.Options, signer, PolymarketErrors.Read, fx.Clock);
    }

    private static async Task<VenueResult<ClobPostOrderAnswer>> PostAsync(PolymarketFixture fx, PolymarketOrderV2 order, string signature)
        => await Http(fx).SendAsync<ClobPostOrderAnswer>(HttpMethod.Post, "order",
            new ClobPostOrder(PolymarketVenue.Wire(order, 0, signature), PolymarketFixture.ApiKey, "GTC"), CancellationToken.None);
}
