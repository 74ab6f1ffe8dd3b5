using System.Globalization;
using ActorExec.Venues.Http;

namespace ActorExec.Venues.Kalshi;

/// <summary>Reading helpers of <see cref="KalshiVenue"/>: paging, order reports with their fills, markets.</summary>
public sealed partial class KalshiVenue
{
    private sealed record LoadedMarket(KalshiListedMarket Listed, string? Status);

    private static async Task<VenueResult<LoadedMarket>> LoadMarketAsync(VenueHttp http, MarketId market, string ticker, CancellationToken cancellationToken)
    {
        var path = "markets/" + Uri.EscapeDataString(ticker);
        var answer = await http.SendAsync<KalshiMarketEnvelope>(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (!answer.TryGetValue(out var envelope, out var error))
            return error;
        if (envelope.Market is not { } value)
            return new VenueUnavailable($"kalshi: malformed answer to GET {new Uri(http.BaseAddress, path)}: no 'market' object", 200);
        var listed = new KalshiListedMarket(market, ticker, value.Title ?? ticker, KalshiMarketMapping.RulesOf(value), KalshiMarketMapping.IsOpen(value.Status));
        return new LoadedMarket(listed, value.Status);
    }

    /// <summary>An order answer as a report, with the order's fills read when it has any (the engine applies fills from reports).</summary>
    private async Task<VenueResult<VenueOrderReport>> ReportAsync(VenueResult<KalshiOrderEnvelope> answer, string call, CancellationToken cancellationToken)
    {
        if (!answer.TryGetValue(out var envelope, out var error))
            return error;
        if (envelope.Order is not { } order)
            return new VenueUnavailable($"kalshi: malformed answer to {call}: no 'order' object", 200);
        IReadOnlyList<VenueFill> fills = [];
        if (KalshiJson.TryParse(order.FillCountFp, out var filled) && filled > 0 && !string.IsNullOrWhiteSpace(order.OrderId))
        {
            ClientOrderId? client = string.IsNullOrEmpty(order.ClientOrderId) ? null : new ClientOrderId(order.ClientOrderId);
            var path = $"portfolio/fills?order_id={Uri.EscapeDataString(order.OrderId)}&limit={PageSize}";
            // The fill list may trail the order's fill count for a moment: read it twice at most, and never
            // report a count the fills do not add up to (the engine would confirm an order missing fills).
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var read = await FillsAsync(path, client, cancellationToken).ConfigureAwait(false);
                if (!read.TryGetValue(out var orderFills, out error))
                    return error;
                fills = orderFills;
                if (orderFills.Sum(f => f.Quantity.Value) >= filled)
                    break;
            }
            var seen = fills.Sum(f => f.Quantity.Value);
            if (seen < filled)
                return new VenueUnavailable(
                    $"kalshi: {call}: order {order.OrderId} reports fill_count_fp {order.FillCountFp} but {Call(HttpMethod.Get, path)} lists fills for only " +
                    $"{seen.ToString(CultureInfo.InvariantCulture)}; ask again once Kalshi lists them", 200);
        }
        return KalshiOrderMapping.ToReport(order, call, MarketOf, fills, _options.TimeProvider.GetUtcNow());
    }

    /// <summary>Every fill the query returns, mapped and sorted oldest first (Kalshi lists newest first; ties keep Kalshi's order reversed).</summary>
    private async Task<VenueResult<List<VenueFill>>> FillsAsync(string path, ClientOrderId? client, CancellationToken cancellationToken)
    {
        var raw = await PageAllAsync<KalshiFillsPage, KalshiFill>(path, p => p.Fills, p => p.Cursor, null, cancellationToken).ConfigureAwait(false);
        if (!raw.TryGetValue(out var all, out var error))
            return error;
        var fills = new List<(VenueFill Fill, int Index)>(all.Count);
        for (var i = 0; i < all.Count; i++)
        {
            var fill = KalshiOrderMapping.ToFill(all[i], Call(HttpMethod.Get, path), MarketOf, client);
            if (!fill.TryGetValue(out var value, out error))
                return error;
            fills.Add((value, i));
        }
        // A fill seen on two pages (Kalshi's pages shifting under new fills) is kept once.
        return fills.DistinctBy(f => f.Fill.FillId).OrderBy(f => f.Fill.At).ThenByDescending(f => f.Index).Select(f => f.Fill).ToList();
    }

    /// <summary>Follows Kalshi's cursor to the last page, keeping the items <paramref name="keep"/> accepts (all when null).</summary>
    private async Task<VenueResult<List<TItem>>> PageAllAsync<TPage, TItem>(
        string path, Func<TPage, IReadOnlyList<TItem>?> items, Func<TPage, string?> next, Func<TItem, bool>? keep, CancellationToken cancellationToken)
    {
        var result = new List<TItem>();
        string? cursor = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; page < MaxPages; page++)
        {
            var relative = cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(cursor)}";
            var answer = await _http.SendAsync<TPage>(HttpMethod.Get, relative, null, cancellationToken).ConfigureAwait(false);
            if (!answer.TryGetValue(out var value, out var error))
                return error;
            foreach (var item in items(value) ?? [])
            {
                if (keep is null || keep(item))
                    result.Add(item);
            }
            cursor = next(value);
            if (string.IsNullOrEmpty(cursor))
                return result;
            if (!seen.Add(cursor))
                return new VenueUnavailable($"kalshi: {Call(HttpMethod.Get, path)} handed out cursor '{cursor}' twice; paging stopped", 200);
        }
        return new VenueUnavailable($"kalshi: {Call(HttpMethod.Get, path)} had more than {MaxPages.ToString(CultureInfo.InvariantCulture)} pages; paging stopped", 200);
    }

    private MarketId MarketOf(string ticker) => _byTicker.TryGetValue(ticker, out var market) ? market : new MarketId(ticker);

    private static string OrderPath(VenueOrderId order) => "portfolio/orders/" + Uri.EscapeDataString(order.Value);

    private string Call(HttpMethod method, string relative) => $"{method} {new Uri(_http.BaseAddress, relative).GetLeftPart(UriPartial.Path)}";
}
