using System.Globalization;
using System.Text.Json;
using ActorExec.Trading.Orders;
using Microsoft.AspNetCore.Http;

namespace ActorExec.Venues.TestServers.Kalshi;

/// <summary>The order-entry, fill and position endpoints of <see cref="KalshiTestServer"/>.</summary>
public sealed partial class KalshiTestServer
{
    private async Task CreateOrder(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        var body = document.RootElement;
        var ticker = Text(body, "ticker") ?? "";
        if (!IsListed(ticker))
        {
            await Json(context, 404, KalshiServerJson.Error("market_not_found", "market not found", ticker)).ConfigureAwait(false);
            return;
        }
        if (!TryIntent(body, ticker, out var intent, out var problem))
        {
            await Json(context, 400, KalshiServerJson.Error("invalid_parameters", problem)).ConfigureAwait(false);
            return;
        }
        var report = await Paper.PlaceAsync(intent).ConfigureAwait(false);
        if (!report.IsSuccess)
        {
            await Failure(context, report.Error).ConfigureAwait(false);
            return;
        }
        await Json(context, 201, new { order = OrderJson(report.Value) }).ConfigureAwait(false);
    }

    private async Task AmendOrder(HttpContext context)
    {
        var id = new VenueOrderId(Route(context, "id"));
        using var document = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        var body = document.RootElement;
        var before = await Paper.GetOrderAsync(id).ConfigureAwait(false);
        if (!before.IsSuccess)
        {
            await Failure(context, before.Error).ConfigureAwait(false);
            return;
        }
        var side = Text(body, "side");
        var priceText = side == "no" ? Text(body, "no_price_dollars") : Text(body, "yes_price_dollars");
        Price? price = decimal.TryParse(priceText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) ? new Price(p) : null;
        Quantity? size = decimal.TryParse(Text(body, "count_fp"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var c) ? new Quantity(c) : null;
        if (price == before.Value.LimitPrice)
            price = null;
        if (size == before.Value.Size)
            size = null;
        var report = await Paper.ModifyAsync(id, price, size).ConfigureAwait(false);
        if (!report.IsSuccess)
        {
            await Failure(context, report.Error).ConfigureAwait(false);
            return;
        }
        await Json(context, 200, new { old_order = OrderJson(before.Value), order = OrderJson(report.Value) }).ConfigureAwait(false);
    }

    private async Task GetFills(HttpContext context)
    {
        var query = context.Request.Query;
        var orderId = query["order_id"].ToString();
        var ticker = query["ticker"].ToString();
        long? minTs = long.TryParse(query["min_ts"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ts) ? ts : null;
        var limit = Limit(query["limit"].ToString(), 100);
        var all = FillsLag ? [] : await AllFillsAsync().ConfigureAwait(false);
        var start = Cursor(query["cursor"].ToString(), all.Count);
        var fills = new List<object>();
        var next = "";
        // Newest first, as Kalshi lists them; the cursor is a keyset (index of the last fill returned).
        for (var i = start - 1; i >= 0; i--)
        {
            var fill = all[i];
            if ((orderId.Length > 0 && fill.VenueOrderId.Value != orderId) || (ticker.Length > 0 && fill.Market.Value != ticker))
                continue;
            if (minTs is { } min && fill.At.ToUnixTimeSeconds() <= min)
                continue;
            if (fills.Count == limit)
            {
                next = (i + 1).ToString(CultureInfo.InvariantCulture);
                break;
            }
            fills.Add(KalshiServerJson.Fill(fill, fill.Market.Value));
        }
        await Json(context, 200, new { fills, cursor = next }).ConfigureAwait(false);
    }

    private async Task GetPositions(HttpContext context)
    {
        var positions = (await Paper.GetPositionsAsync().ConfigureAwait(false)).Value;
        // Kalshi nets a market to one signed count: YES held positive, NO held negative.
        var netted = positions
            .GroupBy(p => p.Market.Value)
            .Select(g => (Ticker: g.Key, Net: g.Sum(p => p.Outcome == Outcome.No ? -p.Contracts : p.Contracts)))
            .Where(p => p.Net != 0)
            .Select(p => new
            {
                ticker = p.Ticker,
                position = (int)p.Net,
                position_fp = KalshiServerJson.Count(p.Net),
                market_exposure_dollars = KalshiServerJson.Dollars(0),
                realized_pnl_dollars = KalshiServerJson.Dollars(0),
                fees_paid_dollars = KalshiServerJson.Dollars(0),
            })
            .ToList();
        await Json(context, 200, new { market_positions = netted, event_positions = Array.Empty<object>(), cursor = "" }).ConfigureAwait(false);
    }

    private async Task<List<VenueFill>> AllFillsAsync()
    {
        var all = new List<VenueFill>();
        string? cursor = null;
        while (true)
        {
            var page = (await Paper.GetFillsAsync(cursor, 1000).ConfigureAwait(false)).Value;
            if (page.Fills.Count == 0)
                return all;
            all.AddRange(page.Fills);
            cursor = page.NextCursor;
        }
    }

    private bool TryIntent(JsonElement body, string ticker, out OrderIntent intent, out string problem)
    {
        intent = null!;
        problem = "";
        var clientId = Text(body, "client_order_id") ?? Guid.NewGuid().ToString("N");
        var outcome = Text(body, "side") switch { "yes" => Outcome.Yes, "no" => (Outcome?)Outcome.No, _ => null };
        var side = Text(body, "action") switch { "buy" => Side.Buy, "sell" => (Side?)Side.Sell, _ => null };
        if (outcome is null || side is null)
        {
            problem = "side must be yes or no and action buy or sell";
            return false;
        }
        if (!decimal.TryParse(Text(body, "count_fp"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            problem = "count_fp must be a positive fixed-point count";
            return false;
        }
        var yes = Text(body, "yes_price_dollars");
        var no = Text(body, "no_price_dollars");
        decimal price;
        if (outcome == Outcome.Yes && decimal.TryParse(yes, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var y))
            price = y;
        else if (outcome == Outcome.No && decimal.TryParse(no, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            price = n;
        else
        {
            problem = "a price is required: yes_price_dollars for side yes, no_price_dollars for side no";
            return false;
        }
        DateTimeOffset? expires = body.TryGetProperty("expiration_ts", out var exp) && exp.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64()) : null;
        TimeInForce? tif = (Text(body, "time_in_force"), expires) switch
        {
            ("good_till_canceled" or null, null) => TimeInForce.Gtc,
            ("good_till_canceled" or null, _) => TimeInForce.Gtd,
            ("immediate_or_cancel", null) => TimeInForce.Ioc,
            ("fill_or_kill", null) => TimeInForce.Fok,
            _ => null,
        };
        if (tif is null)
        {
            problem = "time_in_force must be good_till_canceled, immediate_or_cancel or fill_or_kill; expiration_ts only with good_till_canceled";
            return false;
        }
        try
        {
            intent = new OrderIntent(
                new OrderId("kalshi-" + clientId), new ClientOrderId(clientId), Paper.Venue, new MarketId(ticker), side.Value, outcome,
                TryBool(body, "post_only") ? OrderType.PostOnly : OrderType.Limit, tif.Value, new Quantity(count), new Price(price), expires);
            return true;
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
            return false;
        }
    }
}
