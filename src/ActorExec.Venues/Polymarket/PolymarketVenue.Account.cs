using System.Globalization;
using System.Text;
using ActorExec.Trading.Slippage;

namespace ActorExec.Venues.Polymarket;

/// <summary>Fills, positions and market data.</summary>
public sealed partial class PolymarketVenue
{
    private const int MaxFillPage = 1_000;

    /// <inheritdoc />
    /// <remarks>
    /// <para>Reads <c>GET /data/trades</c>, whose cursor is the base64 text of an offset into the API key's
    /// trades (<c>MA==</c> = "0" is the first page, <c>LTE=</c> = "-1" the end: py-clob-client
    /// <c>get_trades</c>). Our cursor is in the same form: the base64 offset of the first trade not yet
    /// returned. A page takes whole trades from the CLOB's page until <paramref name="limit"/> fills
    /// (at least one trade), and the next cursor is the offset after the last trade taken, whatever page
    /// size the CLOB uses; at the end the cursor stays where the fills stopped, so the next call returns
    /// only later trades. This relies on the CLOB listing a user's trades in a stable order, oldest first.</para>
    /// <para>Each trade gives one fill per order of ours in it (taker or maker), id
    /// <c>{trade id}:{order id}</c>, so a trade between two of our orders gives two fills.</para>
    /// </remarks>
    public async ValueTask<VenueResult<FillPage>> GetFillsAsync(string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxFillPage)
            return new VenueRejected($"polymarket: limit {limit} is outside [1, {MaxFillPage}]", "invalid_limit");
        var offset = 0L;
        if (cursor is not null && !TryOffset(cursor, out offset))
            return new VenueRejected($"polymarket: cursor '{cursor}' is not a trades cursor (base64 of a non-negative offset)", "invalid_cursor");
        var page = await _clob.SendAsync<ClobPage<ClobTrade>>(HttpMethod.Get, $"data/trades?next_cursor={Uri.EscapeDataString(Cursor(offset))}", null, cancellationToken).ConfigureAwait(false);
        if (!page.TryGetValue(out var ok, out var error))
            return error;
        var fills = new List<VenueFill>();
        var taken = 0;
        foreach (var trade in ok.Data)
        {
            var ours = _byCondition.TryGetValue(trade.Market, out var market)
                ? PolymarketReports.FillsOf(trade, market, OwnedBy(trade, _options.ApiKey)).ToList()
                : [];
            if (taken > 0 && fills.Count + ours.Count > limit)
                break;
            fills.AddRange(ours);
            taken++;
            if (fills.Count >= limit)
                break;
        }
        return taken == 0 ? new FillPage([], cursor) : new FillPage(fills, Cursor(offset + taken));
    }

    /// <inheritdoc />
    /// <remarks>The data API's <c>GET /positions?user=</c> for the funder (or the key's address); tokens of unconfigured markets are left out.</remarks>
    public async ValueTask<VenueResult<IReadOnlyList<VenuePosition>>> GetPositionsAsync(CancellationToken cancellationToken = default)
    {
        var answer = await _data.SendAsync<List<DataApiPosition>>(HttpMethod.Get, $"positions?user={_maker}&sizeThreshold=0", null, cancellationToken).ConfigureAwait(false);
        if (!answer.TryGetValue(out var positions, out var error))
            return error;
        var result = new List<VenuePosition>();
        foreach (var position in positions)
        {
            if (position.Size == 0 || !_byCondition.TryGetValue(position.ConditionId, out var market) || market.OutcomeOf(position.Asset) is not { } outcome)
                continue;
            result.Add(new VenuePosition(market.Market, outcome, position.Size));
        }
        return result;
    }

    /// <inheritdoc />
    /// <remarks>The configured markets as loaded at connection; their rules come from the CLOB's tick and minimum order size.</remarks>
    public ValueTask<VenueResult<IReadOnlyList<VenueMarket>>> GetMarketsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<VenueMarket> markets = [.. _markets.Values.OrderBy(m => m.Market.Value, StringComparer.Ordinal)
            .Select(m => new VenueMarket(m.Market, InstrumentKind.Binary, m.Rules, m.Title, m.IsOpen))];
        return new(VenueResult<IReadOnlyList<VenueMarket>>.Success(markets));
    }

    /// <inheritdoc />
    /// <remarks>Two public <c>GET /book?token_id=</c> calls, YES then NO; levels are sorted best first here, whatever order the CLOB sends.</remarks>
    public async ValueTask<VenueResult<MarketBook>> GetBookAsync(MarketId market, CancellationToken cancellationToken = default)
    {
        if (MarketOf(market) is not { } info)
            return new VenueNotFound($"polymarket: market {market} is not configured for {Venue}");
        var yes = await _public.SendAsync<ClobBook>(HttpMethod.Get, $"book?token_id={info.YesToken}", null, cancellationToken).ConfigureAwait(false);
        if (!yes.TryGetValue(out var yesBook, out var yesError))
            return yesError;
        var no = await _public.SendAsync<ClobBook>(HttpMethod.Get, $"book?token_id={info.NoToken}", null, cancellationToken).ConfigureAwait(false);
        if (!no.TryGetValue(out var noBook, out var noError))
            return noError;
        return new MarketBook(market, InstrumentKind.Binary, Levels(yesBook.Bids, bids: true), Levels(yesBook.Asks, bids: false),
            Levels(noBook.Bids, bids: true), Levels(noBook.Asks, bids: false), _options.TimeProvider.GetUtcNow());
    }

    /// <summary>Our orders are the ones the trade lists with our API key as owner; a trade we took lists us as the taker.</summary>
    private static Func<string, bool> OwnedBy(ClobTrade trade, string apiKey)
    {
        var taker = string.Equals(trade.TraderSide, "TAKER", StringComparison.OrdinalIgnoreCase) ? trade.TakerOrderId : null;
        var makers = trade.MakerOrders?.Where(m => m.Owner == apiKey).Select(m => m.OrderId).ToHashSet(StringComparer.Ordinal) ?? [];
        return id => id == taker || makers.Contains(id);
    }

    private static BookLevel[] Levels(IReadOnlyList<ClobLevel>? levels, bool bids)
    {
        var valid = (levels ?? []).Where(l => l.Price > 0 && l.Size > 0).Select(l => new BookLevel(new Price(l.Price), new Quantity(l.Size)));
        return bids ? [.. valid.OrderByDescending(l => l.Price.Value)] : [.. valid.OrderBy(l => l.Price.Value)];
    }

    private static string Cursor(long offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryOffset(string cursor, out long offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
