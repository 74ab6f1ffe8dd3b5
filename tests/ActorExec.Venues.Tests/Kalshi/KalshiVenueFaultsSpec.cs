using ActorExec.Trading.Orders;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Kalshi;
using ActorExec.Venues.TestServers;
using ActorExec.Venues.TestServers.Kalshi;

namespace ActorExec.Venues.Tests.Kalshi;

/// <summary>Throttling, outages, lost and garbled answers, unknown statuses and credential problems, each a typed error.</summary>
public sealed class KalshiVenueFaultsSpec(KalshiKeysFixture fixture) : IClassFixture<KalshiKeysFixture>
{
    [Fact]
    public async Task Call_429WithRetryAfter_RateLimitedWithThatDelay()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Server.Inject(new ServerFault(ServerFaultKind.RateLimited, "GET", "/portfolio/positions", TimeSpan.FromSeconds(3)));

        var result = await s.Venue.GetPositionsAsync();

        result.Error.Should().BeOfType<VenueRateLimited>().Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
        result.Error!.IsRetryable.Should().BeTrue();
    }

    [Fact]
    public async Task Call_503_Unavailable()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Server.Inject(new ServerFault(ServerFaultKind.ServerError, "GET", "/orderbook"));

        var result = await s.Venue.GetBookAsync(KalshiSession.Fed);

        result.Error.Should().BeOfType<VenueUnavailable>().Which.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task PlaceAsync_AnswerLost_TimeoutThenFoundAndPlacedOnce()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys, timeout: TimeSpan.FromSeconds(1));
        s.Server.Inject(new ServerFault(ServerFaultKind.Hang, "POST", "/portfolio/orders"));
        var intent = KalshiSession.Intent("c-hang", Side.Buy, Outcome.Yes, 2, 0.30m);

        var result = await s.Venue.PlaceAsync(intent);
        var found = await s.Venue.FindOrderAsync(intent);

        result.Error.Should().BeOfType<VenueTimeout>().Which.MayHaveTakenEffect.Should().BeTrue();
        found.Value.Status.Should().Be(VenueOrderStatus.Open);
        s.Server.Paper.Records.PlacementCount(intent.ClientOrderId).Should().Be(1);
        found.Value.VenueOrderId.Should().Be(s.Server.Paper.Records.Placements.Single().VenueOrderId);
    }

    [Fact]
    public async Task PlaceAsync_MalformedAnswer_UnavailableNamingTheCallThenFound()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Server.Inject(new ServerFault(ServerFaultKind.MalformedJson, "POST", "/portfolio/orders"));
        var intent = KalshiSession.Intent("c-garbled", Side.Buy, Outcome.Yes, 2, 0.30m);

        var result = await s.Venue.PlaceAsync(intent);
        var found = await s.Venue.FindOrderAsync(intent);

        result.Error.Should().BeOfType<VenueUnavailable>().Which.Message.Should().Contain("POST").And.Contain("/trade-api/v2/portfolio/orders");
        result.Error!.MayHaveTakenEffect.Should().BeTrue();
        found.Value.ClientOrderId.Should().Be(intent.ClientOrderId);
        s.Server.Paper.Records.PlacementCount(intent.ClientOrderId).Should().Be(1);
    }

    [Fact]
    public async Task GetOrderAsync_UnknownStatus_UnavailableNamingStatusOrderAndEndpoint()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        var placed = (await s.Venue.PlaceAsync(KalshiSession.Intent("c-odd", Side.Buy, Outcome.Yes, 1, 0.30m))).Value;
        s.Server.AnswerStatus(placed.VenueOrderId, "partially_settled_v3");

        var result = await s.Venue.GetOrderAsync(placed.VenueOrderId);
        var open = await s.Venue.GetOpenOrdersAsync();

        result.Error.Should().BeOfType<VenueUnavailable>().Which.Message.Should()
            .Contain("'partially_settled_v3'").And.Contain(placed.VenueOrderId.Value).And.Contain("c-odd")
            .And.Contain($"GET {s.Server.ApiBase}portfolio/orders/{placed.VenueOrderId}");
        result.Error!.IsRetryable.Should().BeTrue("the engine keeps the order and asks again");
        open.Error.Should().BeOfType<VenueUnavailable>("an unknown status is never silently dropped from a list either");
    }

    [Fact]
    public async Task PlaceAsync_FillsNotListedYet_UnavailableThenFoundWithEveryFill()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.45m, 10);
        var intent = KalshiSession.Intent("c-lag", Side.Buy, Outcome.Yes, 4, 0.50m);
        s.Server.FillsLag = true;

        var result = await s.Venue.PlaceAsync(intent);
        s.Server.FillsLag = false;
        var found = (await s.Venue.FindOrderAsync(intent)).Value;

        result.Error.Should().BeOfType<VenueUnavailable>().Which.Message.Should().Contain("fill_count_fp 4.00").And.Contain("portfolio/fills");
        result.Error!.MayHaveTakenEffect.Should().BeTrue();
        found.Status.Should().Be(VenueOrderStatus.Confirmed);
        found.Fills.Sum(f => f.Quantity.Value).Should().Be(4);
    }

    [Fact]
    public async Task ConnectAsync_KeyTheServerDoesNotKnow_AuthFailed()
    {
        await using var server = KalshiTestServer.Create(fixture.Keys, 1, KalshiSession.FedTicker, KalshiSession.CpiTicker);
        await server.StartAsync();
        using var http = new HttpClient();
        var other = KalshiTestKeys.Generate();

        var act = () => KalshiVenue.ConnectAsync(KalshiSession.OptionsFor(server, other.PrivatePkcs1Pem), http);

        var thrown = (await act.Should().ThrowAsync<VenueConnectionException>()).Which;
        thrown.Error.Should().BeOfType<VenueAuthFailed>();
        thrown.Message.Should().Contain("kalshi").And.Contain(KalshiTestServer.DefaultKeyId).And.Contain("portfolio/balance").And.Contain("401");
        server.AuthFailures.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("wrong-key-id", 0)]
    [InlineData(KalshiTestServer.DefaultKeyId, -60)]
    public async Task ConnectAsync_WrongKeyIdOrStaleTimestamp_AuthFailed(string keyId, int clockShiftSeconds)
    {
        await using var server = KalshiTestServer.Create(fixture.Keys, 1, KalshiSession.FedTicker, KalshiSession.CpiTicker);
        await server.StartAsync();
        using var http = new HttpClient();
        var options = KalshiSession.OptionsFor(server, fixture.Keys.PrivatePkcs1Pem, keyId, new ShiftedClock(TimeSpan.FromSeconds(clockShiftSeconds)));

        var act = () => KalshiVenue.ConnectAsync(options, http);

        (await act.Should().ThrowAsync<VenueConnectionException>()).Which.Error.Should().BeOfType<VenueAuthFailed>();
    }

    [Fact]
    public async Task ConnectAsync_UnknownTicker_NamesMarketTickerAndUrl()
    {
        await using var server = KalshiTestServer.Create(fixture.Keys, 1, KalshiSession.FedTicker);
        await server.StartAsync();
        using var http = new HttpClient();

        var act = () => KalshiVenue.ConnectAsync(KalshiSession.OptionsFor(server, fixture.Keys.PrivatePkcs1Pem), http);

        var thrown = (await act.Should().ThrowAsync<VenueConnectionException>()).Which;
        thrown.Error.Should().BeOfType<VenueNotFound>();
        thrown.Message.Should().Contain("cpi-nov").And.Contain(KalshiSession.CpiTicker).And.Contain($"{server.ApiBase}markets/{KalshiSession.CpiTicker}").And.Contain("404");
    }

    [Fact]
    public async Task ConnectAsync_BadPem_NamesTheSourceNeverTheContent()
    {
        await using var server = KalshiTestServer.Create(fixture.Keys, 1, KalshiSession.FedTicker, KalshiSession.CpiTicker);
        await server.StartAsync();
        using var http = new HttpClient();
        const string pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecretSECRETsecret0123456789\n-----END RSA PRIVATE KEY-----";

        var act = () => KalshiVenue.ConnectAsync(KalshiSession.OptionsFor(server, pem), http);

        var thrown = (await act.Should().ThrowAsync<VenueConnectionException>()).Which;
        thrown.Message.Should().Contain("file /run/secrets/kalshi.pem").And.NotContain("secretSECRET");
        server.Requests.Should().BeEmpty("nothing is sent without a usable key");
    }

    [Fact]
    public async Task FullSession_PrivateKeyNeverLeaks()
    {
        await using var s = await KalshiSession.StartAsync(fixture.Keys);
        s.Liquidity(KalshiSession.FedTicker, Side.Sell, 0.45m, 10);
        var texts = new List<string?>();
        var placed = await s.Venue.PlaceAsync(KalshiSession.Intent("c-s1", Side.Buy, Outcome.Yes, 2, 0.50m));
        var resting = await s.Venue.PlaceAsync(KalshiSession.Intent("c-s2", Side.Buy, Outcome.Yes, 2, 0.30m));
        texts.Add(placed.ToString());
        texts.Add(resting.ToString());
        texts.Add((await s.Venue.CancelAsync(resting.Value.VenueOrderId)).ToString());
        texts.Add((await s.Venue.GetFillsAsync(null, 10)).ToString());
        texts.Add((await s.Venue.GetPositionsAsync()).ToString());
        texts.Add((await s.Venue.GetBookAsync(KalshiSession.Fed)).ToString());
        texts.Add((await s.Venue.PlaceAsync(KalshiSession.Intent("c-s1", Side.Buy, Outcome.Yes, 2, 0.50m))).Error?.Message);
        s.Server.Inject(new ServerFault(ServerFaultKind.MalformedJson, "GET"));
        texts.Add((await s.Venue.GetHealthAsync()).Error?.Message);
        texts.Add(s.Options.ToString());
        texts.Add(s.Venue.ToString());
        var badPem = await Record.ExceptionAsync(() => KalshiVenue.ConnectAsync(s.Options with { PrivateKeyPem = new Secret(fixture.Keys.PrivatePkcs1Pem[..200], "env K") }, s.Http));
        texts.Add(badPem?.ToString());
        var wrongKey = await Record.ExceptionAsync(() => KalshiVenue.ConnectAsync(s.Options with { KeyId = "other" }, s.Http));
        texts.Add(wrongKey?.ToString());
        foreach (var request in s.Server.Requests)
            texts.AddRange([request.PathAndQuery, request.Body, .. request.Headers.Values]);

        var secrets = KeyFragments(fixture.Keys.PrivatePkcs1Pem).Concat(KeyFragments(fixture.Keys.PrivatePkcs8Pem)).ToList();
        secrets.Should().NotBeEmpty();
        texts.Should().HaveCountGreaterThan(20);
        foreach (var text in texts.Where(t => t is not null))
            secrets.Should().NotContain(fragment => text!.Contains(fragment, StringComparison.Ordinal), "no request, message or ToString may carry the private key");
    }

    /// <summary>Every base64 line of the PEM body: any one of them appearing anywhere would be a leak.</summary>
    private static IEnumerable<string> KeyFragments(string pem)
        => pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal) && l.Length >= 16);
}
