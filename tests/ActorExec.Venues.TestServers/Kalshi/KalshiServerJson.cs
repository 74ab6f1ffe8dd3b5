using System.Globalization;
using System.Text.Json;
using ActorExec.Venues.Paper;

namespace ActorExec.Venues.TestServers.Kalshi;

/// <summary>Paper venue values written the way Kalshi's API documents them (snake_case, fixed-point strings).</summary>
internal static class KalshiServerJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = null };

    public static string Dollars(decimal value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Count(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>resting / executed / canceled, as GET /portfolio/orders documents them.</summary>
    public static string Status(VenueOrderStatus status) => status switch
    {
        VenueOrderStatus.Open or VenueOrderStatus.PartiallyFilled => "resting",
        VenueOrderStatus.Filled or VenueOrderStatus.Mined or VenueOrderStatus.Confirmed => "executed",
        _ => "canceled",
    };

    public static object Order(VenueOrderReport report, string ticker, string? forcedStatus)
    {
        var price = report.LimitPrice?.Value ?? 0m;
        var yes = report.Outcome == Outcome.No ? 1 - price : price;
        return new
        {
            order_id = report.VenueOrderId.Value,
            user_id = "test-user",
            client_order_id = report.ClientOrderId?.Value ?? "",
            ticker,
            side = report.Outcome == Outcome.No ? "no" : "yes",
            action = report.Side == Side.Buy ? "buy" : "sell",
            type = "limit",
            status = forcedStatus ?? Status(report.Status),
            yes_price = (int)Math.Round(yes * 100), // legacy integer cents, still sent by Kalshi; the adapter must not read them
            yes_price_dollars = Dollars(yes),
            no_price_dollars = Dollars(1 - yes),
            fill_count_fp = Count(report.Filled.Value),
            remaining_count_fp = Count(report.IsOpen ? report.Remaining.Value : 0m),
            initial_count_fp = Count(report.Size.Value),
            taker_fees_dollars = Dollars(report.Fills.Where(f => !f.IsMaker).Sum(f => f.Fee)),
            maker_fees_dollars = Dollars(report.Fills.Where(f => f.IsMaker).Sum(f => f.Fee)),
            created_time = Time(report.Fills.Count > 0 ? report.Fills[0].At : report.UpdatedAt),
            last_update_time = Time(report.UpdatedAt),
        };
    }

    public static object Fill(VenueFill fill, string ticker)
    {
        var yes = fill.Outcome == Outcome.No ? 1 - fill.Price.Value : fill.Price.Value;
        return new
        {
            fill_id = fill.FillId.Value,
            trade_id = fill.FillId.Value,
            order_id = fill.VenueOrderId.Value,
            ticker,
            market_ticker = ticker,
            side = fill.Outcome == Outcome.No ? "no" : "yes",
            action = fill.Side == Side.Buy ? "buy" : "sell",
            count = (int)fill.Quantity.Value,
            count_fp = Count(fill.Quantity.Value),
            yes_price_dollars = Dollars(yes),
            no_price_dollars = Dollars(1 - yes),
            is_taker = !fill.IsMaker,
            fee_cost = Dollars(fill.Fee),
            created_time = Time(fill.At),
        };
    }

    public static object Market(PaperMarket market, bool isOpen) => new
    {
        ticker = market.Market.Value,
        event_ticker = market.Market.Value.Split('-')[0],
        market_type = "binary",
        title = market.Title,
        status = isOpen ? "active" : "closed",
        price_level_structure = "linear_cent",
        price_ranges = new[] { new { start = "0.0000", end = "1.0000", step = "0.0100" } },
        fractional_trading_enabled = false,
    };

    public static object Error(string code, string message, string? details = null)
        => new { error = new { code, message, details = details ?? "", service = "test" } };
}
