using System.Net;
using System.Net.Sockets;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Remote;

namespace ActorExec.Venues.Tests.Remote;

/// <summary>
/// The client against a stub exchange: requests go to the documented routes, typed errors come back
/// as they were sent, and every transport failure is a classified <see cref="VenueError"/>, never an exception.
/// </summary>
public sealed class PaperExchangeClientSpec
{
    private static readonly OrderIntent Intent = new(new OrderId("o-1"), new ClientOrderId("c-1"), StubExchangeHandler.Venue, new MarketId("m-1"),
        Side.Buy, Outcome.Yes, OrderType.Limit, TimeInForce.Gtc, new Quantity(5m), new Price(0.4m));

    [Fact]
    public async Task ConnectAsync_Reachable_KnowsCapabilitiesAndAddress()
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync();

        client.Venue.Should().Be(StubExchangeHandler.Venue);
        client.Address.Should().Be(new Uri("http://exchange.test:9300/venues/paper-a/"));
        client.Capabilities.OrderTypes.Should().BeEquivalentTo([OrderType.Limit]);
        stub.Requests.Should().Equal("GET http://exchange.test:9300/venues/paper-a/capabilities");
    }

    [Fact]
    public async Task Calls_EachGoesToItsRoute()
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync();
        stub.Answer = (_, _) => Task.FromResult(StubExchangeHandler.Json(HttpStatusCode.NotFound, new PaperExchangeErrorBody(new VenueNotFound("stub"))));
        var order = new VenueOrderId("paper-a-o1");

        await client.PlaceAsync(Intent);
        await client.CancelAsync(order);
        await client.ModifyAsync(order, new Price(0.41m), null);
        await client.GetOrderAsync(order);
        await client.GetOrderByClientIdAsync(new ClientOrderId("c-1:a"));
        await client.GetOpenOrdersAsync(new MarketId("m-1"));
        await client.GetFillsAsync("17", 50);
        await client.GetPositionsAsync();
        await client.GetHealthAsync();
        await client.GetMarketsAsync();
        await client.GetBookAsync(new MarketId("m-1"));
        await client.GetRecordsAsync();

        stub.Requests.Skip(1).Select(r => r.Replace("http://exchange.test:9300/venues/paper-a/", "", StringComparison.Ordinal)).Should().Equal(
            "POST orders", "POST orders/paper-a-o1/cancel", "POST orders/paper-a-o1/modify", "GET orders/paper-a-o1",
            "GET orders/by-client-id/c-1%3Aa", "GET open-orders?market=m-1", "GET fills?limit=50&cursor=17", "GET positions", "GET health",
            "GET markets", "GET markets/m-1/book", "GET records");
    }

    [Fact]
    public async Task ConnectAsync_ExchangeDown_ThrowsNamingTheUrl()
    {
        var port = ClosedPort();
        using var http = new HttpClient();
        var exchange = new Uri($"http://127.0.0.1:{port}");

        var act = () => PaperExchangeClient.ConnectAsync(exchange, new VenueId("paper-a"), http);

        var error = (await act.Should().ThrowAsync<PaperExchangeConnectionException>()).Which;
        error.Message.Should().Contain($"http://127.0.0.1:{port}/venues/paper-a/capabilities");
        error.Error.Should().BeOfType<VenueNetworkError>().Which.RequestSent.Should().BeFalse();
    }

    [Fact]
    public async Task ConnectAsync_UnknownVenue_ThrowsWithTheExchangesExplanation()
    {
        using var http = new HttpClient(new UnknownVenueHandler());

        var act = () => PaperExchangeClient.ConnectAsync(StubExchangeHandler.Exchange, new VenueId("nowhere"), http);

        var error = (await act.Should().ThrowAsync<PaperExchangeConnectionException>()).Which;
        error.Message.Should().Contain("http://exchange.test:9300/venues/nowhere/capabilities").And.Contain("no venue 'nowhere'");
    }

    [Fact]
    public async Task ConnectAsync_NotAnExchange_ThrowsSayingTheAnswerWasMalformed()
    {
        using var http = new HttpClient(new NotAnExchangeHandler());

        var act = () => PaperExchangeClient.ConnectAsync(StubExchangeHandler.Exchange, new VenueId("paper-a"), http);

        (await act.Should().ThrowAsync<PaperExchangeConnectionException>()).Which.Message.Should().Contain("malformed answer").And.Contain("capabilities");
    }

    [Fact]
    public async Task Call_ConnectionRefused_IsRetryableNetworkErrorThatNeverLeft()
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync();
        stub.Answer = (_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (exchange.test:9300)");

        var result = await client.PlaceAsync(Intent);

        var error = result.Error.Should().BeOfType<VenueNetworkError>().Which;
        error.IsRetryable.Should().BeTrue();
        error.MayHaveTakenEffect.Should().BeFalse("the connection was never established");
        error.Message.Should().Contain("POST http://exchange.test:9300/venues/paper-a/orders").And.Contain("Connection refused");
    }

    [Fact]
    public async Task Call_ConnectionResetMidAnswer_IsNetworkErrorThatMayHaveTakenEffect()
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync();
        stub.Answer = (_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");

        var result = await client.PlaceAsync(Intent);

        var error = result.Error.Should().BeOfType<VenueNetworkError>().Which;
        error.IsRetryable.Should().BeTrue();
        error.MayHaveTakenEffect.Should().BeTrue();
    }

    [Fact]
    public async Task Call_NoAnswerWithinTheHttpTimeout_IsTimeout()
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync(TimeSpan.FromMilliseconds(100));
        stub.Answer = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable: the delay only ends by cancellation");
        };

        var result = await client.CancelAsync(new VenueOrderId("paper-a-o1"));

        result.Error.Should().BeOfType<VenueTimeout>().Which.After.Should().Be(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Call_CancelledByTheCaller_Throws()
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync();
        stub.Answer = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable: the delay only ends by cancellation");
        };
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var act = async () => await client.GetHealthAsync(cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Call_MalformedJson_IsUnavailableNamingWhatWasMalformed()
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync();
        stub.Answer = (_, _) => Task.FromResult(StubExchangeHandler.Json(HttpStatusCode.OK, """{"status":"Up","detail":null,"at":"yesterday"}"""));

        var result = await client.GetHealthAsync();

        var error = result.Error.Should().BeOfType<VenueUnavailable>().Which;
        error.Message.Should().Contain("malformed answer to GET http://exchange.test:9300/venues/paper-a/health").And.Contain("$.at");
        error.StatusCode.Should().Be(200);
    }

    [Fact]
    public async Task Call_TruncatedJson_IsUnavailableNotAnException()
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync();
        stub.Answer = (_, _) => Task.FromResult(StubExchangeHandler.Json(HttpStatusCode.OK, """[{"market":"m-1","outcome":"Yes","contr"""));

        var result = await client.GetPositionsAsync();

        result.Error.Should().BeOfType<VenueUnavailable>().Which.Message.Should().Contain("malformed answer").And.Contain("positions");
    }

    [Fact]
    public async Task Call_JsonNull_IsUnavailableSayingSo()
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync();
        stub.Answer = (_, _) => Task.FromResult(StubExchangeHandler.Json(HttpStatusCode.OK, "null"));

        var result = await client.GetMarketsAsync();

        result.Error!.Message.Should().Contain("JSON null");
    }

    [Fact]
    public async Task Call_TypedErrorBody_ComesBackAsTheSameError()
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync();
        var rejected = new VenueRejected("paper: client order id c-1 was used before", PaperRejectCodes.DuplicateClientOrderId);
        stub.Answer = (_, _) => Task.FromResult(StubExchangeHandler.Json(HttpStatusCode.UnprocessableEntity, new PaperExchangeErrorBody(rejected)));

        var result = await client.PlaceAsync(Intent);

        result.Error.Should().Be(rejected);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, VenueErrorKind.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, VenueErrorKind.Unavailable)]
    [InlineData(HttpStatusCode.Unauthorized, VenueErrorKind.Auth)]
    [InlineData(HttpStatusCode.NotFound, VenueErrorKind.Unavailable)]
    [InlineData(HttpStatusCode.BadRequest, VenueErrorKind.Rejected)]
    public async Task Call_StatusWithoutTypedError_IsClassifiedByStatus(HttpStatusCode status, VenueErrorKind kind)
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync();
        stub.Answer = (_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("<html>proxy error</html>") });

        var result = await client.GetPositionsAsync();

        result.Error!.Kind.Should().Be(kind);
        result.Error.Message.Should().Contain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain("proxy error");
    }

    [Fact]
    public async Task Call_TooManyRequestsWithRetryAfter_IsRateLimitedWithTheDelay()
    {
        var (client, stub) = await StubExchangeHandler.ConnectAsync();
        stub.Answer = (_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
            return Task.FromResult(response);
        };

        var result = await client.GetFillsAsync(null, 10);

        result.Error.Should().BeOfType<VenueRateLimited>().Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class UnknownVenueHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(StubExchangeHandler.Json(HttpStatusCode.NotFound,
                new PaperExchangeErrorBody(new VenueUnavailable("paper exchange: no venue 'nowhere' here; it serves paper-a", 404))));
    }

    private sealed class NotAnExchangeHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("hello from another service") });
    }
}
