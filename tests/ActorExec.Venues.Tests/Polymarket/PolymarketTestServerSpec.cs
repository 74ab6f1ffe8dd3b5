using System.Numerics;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Http;
using ActorExec.Venues.Polymarket;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>The test server refuses orders a real CLOB would refuse: wrong exchange domain, tampered terms, another signer.</summary>
public sealed class PolymarketTestServerSpec
{
    [Fact]
    public async Task PostOrder_SignedForTheWrongExchange_RefusedAsInvalid()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        using var key = EthereumKey.FromPrivateKey(new Secret(PolymarketFixture.PrivateKeyHex, "test"));
        var order = Order(key.Address, PolymarketFixture.MarketB.YesToken);

        var result = await PostAsync(fx, order, PolymarketOrderSigning.Sign(order, key, PolymarketExchange.CtfExchange(137)));

        result.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PolymarketErrors.Invalid);
        fx.Server.Paper.Records.PlaceCalls.Should().Be(0);
    }

    [Fact]
    public async Task PostOrder_TamperedAfterSigning_Refused()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        using var key = EthereumKey.FromPrivateKey(new Secret(PolymarketFixture.PrivateKeyHex, "test"));
        var order = Order(key.Address, PolymarketFixture.MarketA.YesToken);
        var signature = PolymarketOrderSigning.Sign(order, key, PolymarketExchange.CtfExchange(137));

        var result = await PostAsync(fx, order with { TakerAmount = order.TakerAmount * 2 }, signature);

        result.Error.Should().BeOfType<VenueRejected>().Which.Message.Should().Contain("signature");
    }

    [Fact]
    public async Task PostOrder_SignedByAnotherKey_Refused()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        using var other = EthereumKey.FromPrivateKey(new Secret("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", "test"));
        var order = Order(other.Address, PolymarketFixture.MarketA.YesToken);

        var result = await PostAsync(fx, order, PolymarketOrderSigning.Sign(order, other, PolymarketExchange.CtfExchange(137)));

        result.Error.Should().BeOfType<VenueRejected>().Which.Message.Should().Contain("not the API key's address");
    }

    [Fact]
    public async Task PostOrder_Valid_AcceptedUnderItsEip712Hash()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        using var key = EthereumKey.FromPrivateKey(new Secret(PolymarketFixture.PrivateKeyHex, "test"));
        var order = Order(key.Address, PolymarketFixture.MarketB.YesToken);
        var domain = PolymarketExchange.NegRiskCtfExchange(137);

        var result = await PostAsync(fx, order, PolymarketOrderSigning.Sign(order, key, domain));

        result.Value.OrderId.Should().Be("0x" + Convert.ToHexStringLower(PolymarketOrderSigning.Digest(order, domain)));
        result.Value.Status.Should().Be("live");
    }

    private static PolymarketOrder Order(string signer, string token) => new(
        12345, signer, signer, PolymarketDefaults.AnyTaker, BigInteger.Parse(token, System.Globalization.CultureInfo.InvariantCulture),
        4_000_000, 10_000_000, 0, 0, 0, PolymarketOrderSide.Buy, PolymarketSignatureType.Eoa);

    private static async Task<VenueResult<ClobPostOrderAnswer>> PostAsync(PolymarketFixture fx, PolymarketOrder order, string signature)
    {
        var signer = new PolymarketL2Signer(fx.Venue.SignerAddress, PolymarketFixture.ApiKey, new Secret(PolymarketFixture.ApiSecretText, "t"),
            new Secret(PolymarketFixture.PassphraseText, "t"), fx.Clock);
        var http = new VenueHttp("polymarket", fx.Http, fx.Server.Address, PolymarketJson.Options, signer, PolymarketErrors.Read, fx.Clock);
        return await http.SendAsync<ClobPostOrderAnswer>(HttpMethod.Post, "order",
            new ClobPostOrder(PolymarketVenue.Wire(order, signature), PolymarketFixture.ApiKey, "GTC"), CancellationToken.None);
    }
}
