using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ActorExec.Trading;
using ActorExec.Trading.Orders;
using ActorExec.Venues;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Remote;

namespace ActorExec.Node.Tests.Exchange;

/// <summary>
/// The paper exchange on Kestrel with the real client: every call answers what the same call answers
/// on an in-process twin of the venue, errors come back typed, the records show exactly what was
/// placed, and a stopped exchange or a wrong venue are clear errors rather than exceptions.
/// </summary>
public sealed class PaperExchangeSpec : IAsyncLifetime
{
    private ExchangeFixture _f = null!;

    public async Task InitializeAsync() => _f = await ExchangeFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Calls_MatchTheInProcessVenue()
    {
        var (client, twin, venue) = (_f.Clients[0], _f.Twins[0], ExchangeFixture.KalshiLike);
        client.Capabilities.Should().BeEquivalentTo(twin.Capabilities);
        Same(await client.GetMarketsAsync(), await twin.GetMarketsAsync());
        Same(await client.GetBookAsync(ExchangeFixture.Even), await twin.GetBookAsync(ExchangeFixture.Even));
        Same(await client.GetBookAsync(ExchangeFixture.Cheap), await twin.GetBookAsync(ExchangeFixture.Cheap));
        var ask = (await twin.GetBookAsync(ExchangeFixture.Even)).Value.BestAsk()!.Value.Price.Value;
        var take = _f.Intent(venue, ExchangeFixture.Even, Side.Buy, Outcome.Yes, 5m, ask, tif: TimeInForce.Ioc);
        var rest = _f.Intent(venue, ExchangeFixture.Even, Side.Buy, Outcome.Yes, 3m, 0.05m);
        var restNo = _f.Intent(venue, ExchangeFixture.Cheap, Side.Buy, Outcome.No, 4m, 0.05m);
        var sweep = _f.Intent(venue, ExchangeFixture.Cheap, Side.Buy, Outcome.Yes, 30m, null, type: OrderType.Market, tif: TimeInForce.Ioc);

        var placed = new List<VenueOrderReport>();
        foreach (var intent in new[] { take, rest, restNo, sweep })
        {
            var remote = await client.PlaceAsync(intent);
            Same(remote, await twin.PlaceAsync(intent));
            placed.Add(remote.Value);
        }

        placed[0].Fills.Should().NotBeEmpty("the IOC order crossed the best ask");
        Same(await client.GetOrderAsync(placed[0].VenueOrderId), await twin.GetOrderAsync(placed[0].VenueOrderId));
        Same(await client.GetOrderByClientIdAsync(rest.ClientOrderId), await twin.GetOrderByClientIdAsync(rest.ClientOrderId));
        Same(await client.GetOpenOrdersAsync(), await twin.GetOpenOrdersAsync());
        Same(await client.GetOpenOrdersAsync(ExchangeFixture.Cheap), await twin.GetOpenOrdersAsync(ExchangeFixture.Cheap));
        Same(await client.ModifyAsync(placed[1].VenueOrderId, new Price(0.06m), new Quantity(4m)), await twin.ModifyAsync(placed[1].VenueOrderId, new Price(0.06m), new Quantity(4m)));
        Same(await client.ModifyAsync(placed[1].VenueOrderId, null, new Quantity(2m)), await twin.ModifyAsync(placed[1].VenueOrderId, null, new Quantity(2m)));
        Same(await client.CancelAsync(placed[2].VenueOrderId), await twin.CancelAsync(placed[2].VenueOrderId));
        Same(await client.CancelAsync(placed[2].VenueOrderId), await twin.CancelAsync(placed[2].VenueOrderId));
        Same(await client.GetPositionsAsync(), await twin.GetPositionsAsync());
        Same(await client.GetHealthAsync(), await twin.GetHealthAsync());
        Same(await client.GetBookAsync(ExchangeFixture.Even), await twin.GetBookAsync(ExchangeFixture.Even));

        string? cursor = null;
        var pages = 0;
        while (true)
        {
            var remote = await client.GetFillsAsync(cursor, 1);
            Same(remote, await twin.GetFillsAsync(cursor, 1));
            if (remote.Value.Fills.Count == 0)
                break;
            cursor = remote.Value.NextCursor;
            pages++;
        }
        pages.Should().BeGreaterThan(1, "both takers filled, so the fills span several pages of one");
    }

    [Fact]
    public async Task Settlement_OnChainVenue_MatchesTheInProcessVenueAsTheClocksMove()
    {
        var (client, twin, venue) = (_f.Clients[1], _f.Twins[1], ExchangeFixture.PolymarketLike);
        var ask = (await twin.GetBookAsync(ExchangeFixture.Even)).Value.BestAsk()!.Value.Price.Value;
        var intent = _f.Intent(venue, ExchangeFixture.Even, Side.Buy, Outcome.Yes, 2m, ask, tif: TimeInForce.Fok);
        var placed = (await client.PlaceAsync(intent)).Value;
        await twin.PlaceAsync(intent);

        _f.Advance(PaperVenueDefaults.MineDelay + PaperVenueDefaults.ConfirmDelay);

        var remote = await client.GetOrderAsync(placed.VenueOrderId);
        Same(remote, await twin.GetOrderAsync(placed.VenueOrderId));
        remote.Value.Status.Should().Be(VenueOrderStatus.Confirmed);
        remote.Value.TransactionHash.Should().NotBeNull();
    }

    [Fact]
    public async Task Place_VenueRejection_ComesBackTyped()
    {
        var intent = _f.Intent(ExchangeFixture.KalshiLike, ExchangeFixture.Even, Side.Buy, Outcome.Yes, 1m, 0.555m);

        var remote = await _f.Clients[0].PlaceAsync(intent);

        remote.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.InvalidPrice);
        remote.Error.Should().Be((await _f.Twins[0].PlaceAsync(intent)).Error);
    }

    [Fact]
    public async Task Queries_UnknownOrder_AreTypedNotFound()
    {
        var byId = await _f.Clients[0].GetOrderAsync(new VenueOrderId("paper-k-o999"));
        var byClientId = await _f.Clients[0].GetOrderByClientIdAsync(new ClientOrderId("never-sent"));

        byId.Error.Should().BeOfType<VenueNotFound>().And.Be((await _f.Twins[0].GetOrderAsync(new VenueOrderId("paper-k-o999"))).Error);
        byClientId.Error.Should().BeOfType<VenueNotFound>().And.Be((await _f.Twins[0].GetOrderByClientIdAsync(new ClientOrderId("never-sent"))).Error);
    }

    [Fact]
    public async Task Place_DuplicateClientOrderId_IsRefusedAndRecordedAsDuplicate()
    {
        var first = _f.Intent(ExchangeFixture.KalshiLike, ExchangeFixture.Even, Side.Buy, Outcome.Yes, 1m, 0.05m, clientId: "dup-1");
        var again = first with { OrderId = new OrderId("o-again"), Size = new Quantity(2m) };

        (await _f.Clients[0].PlaceAsync(first)).IsSuccess.Should().BeTrue();
        var refused = await _f.Clients[0].PlaceAsync(again);

        refused.Error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperRejectCodes.DuplicateClientOrderId);
        var records = (await _f.Clients[0].GetRecordsAsync()).Value;
        records.Placements.Should().ContainSingle().Which.ClientOrderId.Should().Be(new ClientOrderId("dup-1"));
        records.DuplicateAttempts.Should().ContainSingle().Which.ClientOrderId.Should().Be(new ClientOrderId("dup-1"));
        records.PlaceCalls.Should().Be(2);
        _f.Served[0].Records.PlacementCount(new ClientOrderId("dup-1")).Should().Be(1);
    }

    [Fact]
    public async Task Records_ShowExactlyThePlacements()
    {
        var accepted = _f.Intent(ExchangeFixture.KalshiLike, ExchangeFixture.Even, Side.Buy, Outcome.Yes, 1m, 0.05m);
        var refused = _f.Intent(ExchangeFixture.KalshiLike, ExchangeFixture.Even, Side.Buy, Outcome.Yes, 1m, 0.555m);
        var other = _f.Intent(ExchangeFixture.KalshiLike, ExchangeFixture.Cheap, Side.Sell, Outcome.No, 2m, 0.95m);
        var reports = new List<VenueResult<VenueOrderReport>>();
        foreach (var intent in new[] { accepted, refused, other })
            reports.Add(await _f.Clients[0].PlaceAsync(intent));
        await _f.Clients[0].GetOrderAsync(reports[0].Value.VenueOrderId);

        var records = (await _f.Clients[0].GetRecordsAsync()).Value;

        records.Placements.Select(p => (p.ClientOrderId, p.VenueOrderId)).Should().Equal(
            (accepted.ClientOrderId, reports[0].Value.VenueOrderId), (other.ClientOrderId, reports[2].Value.VenueOrderId));
        records.Placements.Select(p => p.Intent).Should().Equal(accepted, other);
        records.Placements.Should().OnlyContain(p => p.At == _f.ServedClock.GetUtcNow());
        records.DuplicateAttempts.Should().BeEmpty();
        (records.PlaceCalls, records.QueryCalls, records.CancelCalls, records.ModifyCalls).Should().Be((3, 1, 0, 0));
        records.Should().BeEquivalentTo(_f.Served[0].Records.Snapshot(), o => o.ComparingRecordsByMembers());
    }

    [Fact]
    public async Task Faults_RateLimitAndOutage_ComeBackTypedWithTheirDetails()
    {
        _f.Served[0].Faults.FailNext(1, new VenueRateLimited("paper: slow down", TimeSpan.FromSeconds(2)));
        var limited = await _f.Clients[0].GetPositionsAsync();
        _f.Served[0].Faults.StartOutage(TimeSpan.FromMinutes(1));
        var down = await _f.Clients[0].GetOpenOrdersAsync();
        var health = await _f.Clients[0].GetHealthAsync();

        limited.Error.Should().Be(new VenueRateLimited("paper: slow down", TimeSpan.FromSeconds(2)));
        down.Error.Should().BeOfType<VenueUnavailable>().Which.StatusCode.Should().Be(503);
        health.Value.Status.Should().Be(VenueHealthStatus.Down);
    }

    [Fact]
    public async Task Http_RateLimited_Is429WithRetryAfter()
    {
        _f.Served[0].Faults.FailNext(1, new VenueRateLimited("paper: slow down", TimeSpan.FromMilliseconds(1500)));

        using var response = await _f.Http.GetAsync(new Uri(_f.Server.Address, "venues/paper-k/positions"));

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Call_ExchangeStopped_IsRetryableNetworkErrorNotAnException()
    {
        var client = _f.Clients[0];
        (await client.GetHealthAsync()).IsSuccess.Should().BeTrue();
        await _f.Server.DisposeAsync();

        var result = await client.PlaceAsync(_f.Intent(ExchangeFixture.KalshiLike, ExchangeFixture.Even, Side.Buy, Outcome.Yes, 1m, 0.05m));

        result.Error.Should().BeOfType<VenueNetworkError>().Which.IsRetryable.Should().BeTrue();
        result.Error!.Message.Should().Contain(_f.Server.Address.Authority);
    }

    [Fact]
    public async Task ConnectAsync_UnknownVenue_ThrowsNamingTheUrlAndTheVenue()
    {
        var act = () => PaperExchangeClient.ConnectAsync(_f.Server.Address, new VenueId("nowhere"), _f.Http);

        var error = (await act.Should().ThrowAsync<PaperExchangeConnectionException>()).Which;
        error.Message.Should().Contain(new Uri(_f.Server.Address, "venues/nowhere/capabilities").ToString()).And.Contain("no venue 'nowhere'").And.Contain("paper-k, paper-p");
        error.Error.Kind.Should().Be(VenueErrorKind.Unavailable, "a missing venue must not read as 'the venue never saw this order'");
    }

    [Fact]
    public async Task Http_UnknownVenue_Is404WithAJsonErrorNamingIt()
    {
        using var response = await _f.Http.GetAsync(new Uri(_f.Server.Address, "venues/nowhere/health"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var body = JsonSerializer.Deserialize<PaperExchangeErrorBody>(await response.Content.ReadAsStringAsync(), PaperExchangeJson.Options)!;
        body.Error.Message.Should().Contain("no venue 'nowhere'");
    }

    [Theory]
    [InlineData("""{"orderId":"o-1","clientOrderId":"c-1","venue":"paper-k","market":"m-1","side":"Buy","outcome":"Yes","type":"Limit","timeInForce":"Gtc"}""", "size")]
    [InlineData("""{"orderId":"o-1","clientOrderId":"c-1","venue":"paper-k","market":"m-1","side":"Up","outcome":"Yes","type":"Limit","timeInForce":"Gtc","size":1}""", "$.side")]
    [InlineData("""{"orderId":"o-1","clientOrderId":"c-1","venue":"paper-k","market":"m-1","side":"Buy","outcome":"Yes","type":"Limit","timeInForce":"Gtc","size":1,"limitPrice":0}""", "limitPrice")]
    [InlineData("not json", "request body")]
    [InlineData("", "request body")]
    public async Task Http_BadBody_Is400NamingTheField(string body, string named)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _f.Http.PostAsync(new Uri(_f.Server.Address, "venues/paper-k/orders"), content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = JsonSerializer.Deserialize<PaperExchangeErrorBody>(await response.Content.ReadAsStringAsync(), PaperExchangeJson.Options)!.Error;
        error.Should().BeOfType<VenueRejected>().Which.VenueCode.Should().Be(PaperExchangeCodes.BadRequest);
        error.Message.Should().Contain(named);
        _f.Served[0].Records.PlaceCalls.Should().Be(0, "a request that was not understood never reaches the venue");
    }

    [Fact]
    public async Task Http_Venues_ListsTheServedVenues()
    {
        var venues = await _f.Http.GetFromJsonAsync<List<VenueId>>(new Uri(_f.Server.Address, "venues"), PaperExchangeJson.Options);

        venues.Should().Equal(ExchangeFixture.KalshiLike, ExchangeFixture.PolymarketLike);
    }

    /// <summary>Both succeeded with equivalent values, or both failed with equal errors.</summary>
    private static void Same<T>(VenueResult<T> remote, VenueResult<T> local)
    {
        remote.IsSuccess.Should().Be(local.IsSuccess, "remote answered {0}, in-process {1}", remote, local);
        if (local.IsSuccess)
            remote.Value.Should().BeEquivalentTo(local.Value, o => o.ComparingRecordsByMembers().WithStrictOrdering());
        else
            remote.Error.Should().Be(local.Error);
    }
}
