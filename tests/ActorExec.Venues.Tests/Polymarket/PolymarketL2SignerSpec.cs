using ActorExec.Venues.Credentials;
using ActorExec.Venues.Polymarket;

namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>The L2 HMAC matches the official clients' published vector and the server verifies it on every authenticated call.</summary>
public sealed class PolymarketL2SignerSpec
{
    [Fact]
    public void Signature_PublishedExample_MatchesTheOfficialClients()
    {
        // py-clob-client tests/signing/test_hmac.py and clob-rs test_build_hmac_signature: secret of 32 zero
        // bytes, timestamp 1000000, method "test-sign", path "/orders", body {"hash": "0x123"}.
        var secret = new Secret("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "test");

        var signature = PolymarketL2Signer.Signature(secret, "1000000", "test-sign", "/orders", "{\"hash\": \"0x123\"}");

        signature.Should().Be("ZwAdJKvoYRlEKDkNMwd5BuwNNtg93kNaR_oU2HrfVvc=");
    }

    [Fact]
    public void Sign_Request_AddsTheFiveHeadersAndSignsThePathWithoutTheQuery()
    {
        var clock = new ActorExec.TestKit.ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var secret = new Secret(PolymarketFixture.ApiSecretText, "test");
        var signer = new PolymarketL2Signer("0xabc", "key-1", secret, new Secret("pass", "test"), clock);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://clob.test/data/orders?next_cursor=MA==");

        signer.Sign(request, "/data/orders", []);

        string Header(string name) => request.Headers.GetValues(name).Single();
        Header("POLY_ADDRESS").Should().Be("0xabc");
        Header("POLY_API_KEY").Should().Be("key-1");
        Header("POLY_PASSPHRASE").Should().Be("pass");
        Header("POLY_TIMESTAMP").Should().Be("1700000000");
        Header("POLY_SIGNATURE").Should().Be(PolymarketL2Signer.Signature(secret, "1700000000", "GET", "/data/orders", ""));
    }

    [Fact]
    public async Task Requests_Authenticated_CarryVerifiedHeaders()
    {
        await using var fx = await PolymarketFixture.StartAsync();

        (await fx.Venue.GetOpenOrdersAsync()).IsSuccess.Should().BeTrue();

        var authenticated = fx.Server.Requests.Where(r => r.PathAndQuery.StartsWith("/data/", StringComparison.Ordinal)).ToList();
        authenticated.Should().NotBeEmpty();
        authenticated.Should().OnlyContain(r => r.Headers.ContainsKey("POLY_SIGNATURE") && r.Headers.ContainsKey("POLY_TIMESTAMP")
            && r.Headers["POLY_API_KEY"] == PolymarketFixture.ApiKey && r.Headers.ContainsKey("POLY_ADDRESS"));
    }

    [Fact]
    public async Task ConnectAsync_WrongSecret_FailsWithTheServers401AndNoSecret()
    {
        var wrong = new Secret("d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC13cm9uZy0wMQ==", "env POLY_API_SECRET");

        var connect = async () => await PolymarketFixture.StartAsync(venue: o => o with { ApiSecret = wrong });

        var thrown = (await connect.Should().ThrowAsync<VenueConnectionException>()).Which;
        thrown.Error.Should().BeOfType<VenueAuthFailed>();
        thrown.Message.Should().Contain("data/orders").And.Contain("401").And.NotContain(wrong.Reveal());
    }

    [Fact]
    public async Task Requests_StaleTimestamp_AreRefused()
    {
        await using var fx = await PolymarketFixture.StartAsync(venue: o => o with { HeartbeatInterval = TimeSpan.FromSeconds(5) });
        var skewed = new PolymarketL2Signer(fx.Venue.SignerAddress, PolymarketFixture.ApiKey, new Secret(PolymarketFixture.ApiSecretText, "t"),
            new Secret(PolymarketFixture.PassphraseText, "t"), new ActorExec.TestKit.ManualTimeProvider(fx.Clock.GetUtcNow() - TimeSpan.FromMinutes(5)));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fx.Server.Address, "data/orders"));
        skewed.Sign(request, "/data/orders", []);

        using var response = await fx.Http.SendAsync(request);

        ((int)response.StatusCode).Should().Be(401);
    }
}
