using System.Collections.Frozen;
using System.Net;
using System.Text;
using System.Text.Json;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Remote;

namespace ActorExec.Venues.Tests.Remote;

/// <summary>
/// An HTTP handler standing in for the paper exchange: it answers the capabilities request that
/// connecting makes, and every other request with <see cref="Answer"/> (a response, or a thrown
/// transport failure).
/// </summary>
internal sealed class StubExchangeHandler : HttpMessageHandler
{
    public static readonly Uri Exchange = new("http://exchange.test:9300");
    public static readonly VenueId Venue = new("paper-a");

    public static readonly VenueCapabilities Capabilities = new(false, InstrumentRules.BinaryCents, Trading.Execution.FeeSchedule.Free, Trading.Execution.FeeSchedule.Free,
        true, FrozenSet.Create(OrderType.Limit), FrozenSet.Create(TimeInForce.Gtc));

    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer { get; set; }
        = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotImplemented));

    public List<string> Requests { get; } = [];

    /// <summary>A client connected through a fresh stub; the test then sets the stub's answer.</summary>
    public static async Task<(PaperExchangeClient Client, StubExchangeHandler Stub)> ConnectAsync(TimeSpan? timeout = null)
    {
        var stub = new StubExchangeHandler();
        var http = new HttpClient(stub) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        return (await PaperExchangeClient.ConnectAsync(Exchange, Venue, http), stub);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body) => new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Json<T>(HttpStatusCode status, T body) => Json(status, JsonSerializer.Serialize(body, PaperExchangeJson.Options));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add($"{request.Method} {request.RequestUri}");
        if (request.RequestUri!.AbsolutePath.EndsWith("/" + PaperExchangeRoutes.Capabilities, StringComparison.Ordinal))
            return Task.FromResult(Json(HttpStatusCode.OK, Capabilities));
        return Answer(request, cancellationToken);
    }
}
