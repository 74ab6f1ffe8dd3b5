using System.Collections.Frozen;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Remote;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorExec.Node.Exchange;

/// <summary>
/// The paper exchange's API (routes in <see cref="PaperExchangeRoutes"/>): each in-process
/// <see cref="PaperVenue"/> served under <c>/venues/{venue}/</c>, one route per venue call plus the
/// venue's records. Every request a venue receives is processed, even when the caller has gone: a
/// real venue does not notice that the client stopped listening either.
/// </summary>
internal static class PaperExchangeEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IReadOnlyList<PaperVenue> venues)
    {
        var served = venues.ToFrozenDictionary(v => v.Venue.Value, StringComparer.Ordinal);
        var names = venues.Select(v => v.Venue.Value).ToList();
        IResult Unknown(string venue) => ExchangeAnswers.UnknownVenue(venue, names);

        app.MapGet(PaperExchangeRoutes.Venues, () => ExchangeAnswers.Ok(venues.Select(v => v.Venue).ToList()));
        var group = app.MapGroup(PaperExchangeRoutes.Venue);

        group.MapGet(PaperExchangeRoutes.Capabilities, (string venue)
            => served.TryGetValue(venue, out var v) ? ExchangeAnswers.Ok(v.Capabilities) : Unknown(venue));
        group.MapPost(PaperExchangeRoutes.Orders, async (string venue, HttpRequest request) =>
        {
            if (!served.TryGetValue(venue, out var v))
                return Unknown(venue);
            var (intent, problem) = await ExchangeRequests.BodyAsync<OrderIntent>(request, "an order intent");
            return problem ?? ExchangeAnswers.From(await v.PlaceAsync(intent!));
        });
        group.MapGet(PaperExchangeRoutes.Order, (string venue, string order)
            => OnOrder(venue, order, (v, id) => v.GetOrderAsync(id)));
        group.MapPost(PaperExchangeRoutes.Cancel, (string venue, string order)
            => OnOrder(venue, order, (v, id) => v.CancelAsync(id)));
        group.MapPost(PaperExchangeRoutes.Modify, async (string venue, string order, HttpRequest request) =>
        {
            var (body, problem) = await ExchangeRequests.BodyAsync<ModifyOrderRequest>(request, "a modify request");
            return problem ?? await OnOrder(venue, order, (v, id) => v.ModifyAsync(id, body!.NewPrice, body.NewSize));
        });
        group.MapGet(PaperExchangeRoutes.OrderByClientId, async (string venue, string clientOrderId) =>
        {
            if (!served.TryGetValue(venue, out var v))
                return Unknown(venue);
            var (id, problem) = ExchangeRequests.Id(clientOrderId, "clientOrderId", text => new ClientOrderId(text));
            return problem ?? ExchangeAnswers.From(await v.GetOrderByClientIdAsync(id));
        });
        group.MapGet(PaperExchangeRoutes.OpenOrders, async (string venue, HttpRequest request) =>
        {
            if (!served.TryGetValue(venue, out var v))
                return Unknown(venue);
            MarketId? market = null;
            if (ExchangeRequests.Query(request, "market") is { } text)
            {
                var (id, problem) = ExchangeRequests.Id(text, "market", t => new MarketId(t));
                if (problem is not null)
                    return problem;
                market = id;
            }
            return ExchangeAnswers.From(await v.GetOpenOrdersAsync(market));
        });
        group.MapGet(PaperExchangeRoutes.Fills, async (string venue, HttpRequest request) =>
        {
            if (!served.TryGetValue(venue, out var v))
                return Unknown(venue);
            var (limit, problem) = ExchangeRequests.QueryInt(request, "limit");
            return problem ?? ExchangeAnswers.From(await v.GetFillsAsync(ExchangeRequests.Query(request, "cursor"), limit));
        });
        group.MapGet(PaperExchangeRoutes.Positions, async (string venue)
            => served.TryGetValue(venue, out var v) ? ExchangeAnswers.From(await v.GetPositionsAsync()) : Unknown(venue));
        group.MapGet(PaperExchangeRoutes.Health, async (string venue)
            => served.TryGetValue(venue, out var v) ? ExchangeAnswers.From(await v.GetHealthAsync()) : Unknown(venue));
        group.MapGet(PaperExchangeRoutes.Markets, async (string venue)
            => served.TryGetValue(venue, out var v) ? ExchangeAnswers.From(await v.GetMarketsAsync()) : Unknown(venue));
        group.MapGet(PaperExchangeRoutes.Book, async (string venue, string market) =>
        {
            if (!served.TryGetValue(venue, out var v))
                return Unknown(venue);
            var (id, problem) = ExchangeRequests.Id(market, "market", text => new MarketId(text));
            return problem ?? ExchangeAnswers.From(await v.GetBookAsync(id));
        });
        group.MapGet(PaperExchangeRoutes.Records, (string venue)
            => served.TryGetValue(venue, out var v) ? ExchangeAnswers.Ok(v.Records.Snapshot()) : Unknown(venue));
        app.MapFallback((HttpContext context) => ExchangeAnswers.BadRequest($"no route {context.Request.Method} {context.Request.Path} on the paper exchange"));

        async Task<IResult> OnOrder(string venue, string order, Func<PaperVenue, VenueOrderId, ValueTask<VenueResult<VenueOrderReport>>> call)
        {
            if (!served.TryGetValue(venue, out var v))
                return Unknown(venue);
            var (id, problem) = ExchangeRequests.Id(order, "order", text => new VenueOrderId(text));
            return problem ?? ExchangeAnswers.From(await call(v, id));
        }
    }
}
