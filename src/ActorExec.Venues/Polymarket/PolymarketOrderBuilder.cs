using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Polymarket;

/// <summary>An order ready to post: the V2 struct the exchange verifies, its id (the EIP-712 hash) and how the CLOB should work it.</summary>
/// <param name="Order">The CTF Exchange V2 order struct.</param>
/// <param name="Id">The V2 EIP-712 hash as 0x-hex: the CLOB's order id.</param>
/// <param name="OrderType">GTC, GTD, FOK or FAK.</param>
/// <param name="PostOnly">True for a post-only GTC/GTD order.</param>
/// <param name="Expiration">Unix seconds a GTD order expires at, 0 otherwise; V2 sends it beside the signed struct, not in it.</param>
public sealed record PolymarketOrderPlan(PolymarketOrderV2 Order, string Id, string OrderType, bool PostOnly, long Expiration);

/// <summary>
/// Builds the CLOB V2 exchange order for an intent, deterministically: the same intent gives the same order and
/// so the same id, which is how a placement is found again (Polymarket has no client order ids).
/// </summary>
/// <remarks>
/// <para>V2 signs <c>timestamp</c> (ms) where V1 signed nonce/expiration/feeRateBps, so the official clients'
/// <c>time.time_ns() // 1_000_000</c> (py-clob-client-v2 order_builder/builder.py) would make the id depend on
/// the moment of placement and a restarted process could not rebuild it. The timestamp is instead the fixed
/// <see cref="PolymarketDefaults.OrderTimestamp"/>; uniqueness comes from the salt (Keccak-256 of the client order
/// id). This rests on the CLOB not checking the timestamp's freshness: docs.polymarket.com ("Migrating to CLOB V2",
/// "Post a new order") describe it only as the order's creation time in ms and list no freshness rule or error;
/// NautilusTrader's V2 adapter documents it as "replaces nonce for per-address uniqueness (not an expiration)";
/// a server-enforced "max-staleness" for orders is an open feature request (Polymarket/ts-sdk#98, 2026-06-05),
/// i.e. not something the CLOB does today; and nothing in py-clob-client-v2 keeps timestamps distinct (orders
/// built within one millisecond, e.g. for a POST /orders batch, share one), so equal timestamps are presumably
/// accepted. ASSUMPTION (not verifiable from the docs): if the CLOB ever starts refusing old timestamps, every
/// placement is refused with a clear error (nothing is placed twice) and this must move to a real clock plus a
/// search of the account's orders to find a placement again.</para>
/// <para>Why not that search today: <c>GET /data/orders</c> lists open orders only and neither it, <c>GET
/// /data/order/{id}</c> nor <c>GET /data/trades</c> returns the salt, timestamp or metadata (docs.polymarket.com
/// "Get user orders", "Get single order by ID"), so a search could only match on (token, side, price, size): it
/// could not tell two intents with equal terms apart, nor see an order cancelled or killed before it traded.</para>
/// <para><c>metadata</c> is zero, as the official clients send it (BYTES32_ZERO; the CLOB's order and trade
/// queries do not return it, so it could not identify an order anyway); <c>builder</c> is the configured builder
/// code, zero for none. Fees are no longer signed: the operator sets them at match time (the docs' TL;DR) and
/// trades report them.</para>
/// </remarks>
public static class PolymarketOrderBuilder
{
    /// <summary>
    /// Salts stay below 2^40: the official clients draw <c>round(random() * Date.now())</c> (clob-client
    /// <c>generateOrderSalt</c>), i.e. under ~1.8e12 ≈ 2^40.7, and post it as a JSON number, so this range
    /// is one the CLOB accepts and a double represents exactly.
    /// </summary>
    private const ulong SaltMask = (1UL << 40) - 1;

    /// <summary>The order for <paramref name="intent"/> on <paramref name="market"/>, or why Polymarket cannot take it.</summary>
    /// <param name="intent">The order's terms.</param>
    /// <param name="market">The market as loaded at connection (tokens, tick, fee rate, neg-risk).</param>
    /// <param name="maker">The funder (proxy/safe) or the signer's own address.</param>
    /// <param name="signer">The signing key's address; for a deposit wallet (POLY_1271) the wallet, i.e. the maker, signs (py-clob-client-v2 <c>_v2_order_signer</c>).</param>
    /// <param name="signatureType">How signer and maker relate.</param>
    /// <param name="chainId">The chain of the exchange domain.</param>
    /// <param name="builderCode">The builder code (bytes32 0x-hex) or null for none.</param>
    public static VenueResult<PolymarketOrderPlan> Build(OrderIntent intent, PolymarketMarket market, string maker, string signer, PolymarketSignatureType signatureType, long chainId, string? builderCode = null)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(market);
        if (intent.Outcome is not { } outcome)
            return new VenueRejected($"polymarket: order {intent.ClientOrderId} on {intent.Market} has no outcome; Polymarket markets are binary (YES/NO)", "invalid_outcome");
        if (intent.LimitPrice is not { } price)
            return new VenueRejected($"polymarket: order {intent.ClientOrderId} has no limit price; Polymarket only takes limit orders (send a marketable limit FOK/FAK instead of a market order)", "unsupported_order_type");
        if (OrderTypeOf(intent) is not { } type)
            return new VenueRejected($"polymarket: order {intent.ClientOrderId}: {intent.Type} with {intent.TimeInForce} is not a Polymarket order type (GTC, GTD, FOK, FAK; post-only only with GTC/GTD)", "unsupported_time_in_force");
        if (type.Name == "GTD" && intent.ExpiresAt is null)
            return new VenueRejected($"polymarket: GTD order {intent.ClientOrderId} has no expiry", "INVALID_ORDER_EXPIRATION");

        var (makerAmount, takerAmount) = Amounts(intent.Side, intent.Size.Value, price.Value, market.TickSize);
        var order = new PolymarketOrderV2(
            Salt: SaltOf(intent.ClientOrderId),
            Maker: maker,
            Signer: signatureType == PolymarketSignatureType.Poly1271 ? maker : signer,
            TokenId: BigInteger.Parse(market.TokenOf(outcome), NumberStyles.None, CultureInfo.InvariantCulture),
            MakerAmount: makerAmount,
            TakerAmount: takerAmount,
            Side: intent.Side == Side.Buy ? PolymarketOrderSide.Buy : PolymarketOrderSide.Sell,
            SignatureType: signatureType,
            Timestamp: PolymarketDefaults.OrderTimestamp,
            Metadata: PolymarketOrderV2.ZeroBytes32,
            Builder: builderCode ?? PolymarketOrderV2.ZeroBytes32);
        var id = "0x" + Convert.ToHexStringLower(PolymarketOrderSigning.Digest(order, market.Exchange(chainId)));
        var expiration = type.Name == "GTD" ? intent.ExpiresAt!.Value.ToUnixTimeSeconds() : 0;
        return new PolymarketOrderPlan(order, id, type.Name, type.PostOnly, expiration);
    }

    /// <summary>The salt of an intent: the first bytes of Keccak-256(client order id), below 2^40.</summary>
    public static long SaltOf(ClientOrderId clientOrderId)
    {
        var hash = Keccak256.Hash(Encoding.UTF8.GetBytes(clientOrderId.Value));
        return (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) & SaltMask);
    }

    /// <summary>
    /// Maker and taker amounts in 6-decimal units, rounded as py-clob-client's <c>get_order_amounts</c>
    /// with <c>ROUNDING_CONFIG</c> (tick 0.1 → amount 3 decimals, 0.01 → 4, 0.001 → 5, 0.0001 → 6; size
    /// 2): BUY pays size × price USDC for size shares, SELL the reverse; the size is rounded down to
    /// hundredths; a USDC amount with more decimals than allowed is rounded up at amount + 4 decimals, then
    /// down at amount decimals. Unlike the client, the price is not rounded to the tick: an off-tick price
    /// reaches the CLOB, which refuses it (INVALID_ORDER_MIN_TICK_SIZE) rather than trading at a price
    /// nobody asked for.
    /// </summary>
    public static (BigInteger MakerAmount, BigInteger TakerAmount) Amounts(Side side, decimal size, decimal price, decimal tickSize)
    {
        var amountDecimals = Decimals(tickSize) + 2;
        var shares = RoundDown(size, 2);
        var usdc = shares * price;
        if (Decimals(usdc) > amountDecimals)
        {
            usdc = RoundUp(usdc, amountDecimals + 4);
            if (Decimals(usdc) > amountDecimals)
                usdc = RoundDown(usdc, amountDecimals);
        }
        return side == Side.Buy ? (Units(usdc), Units(shares)) : (Units(shares), Units(usdc));
    }

    /// <summary>The CLOB's order type for an intent, or null when it has none.</summary>
    private static (string Name, bool PostOnly)? OrderTypeOf(OrderIntent intent) => (intent.Type, intent.TimeInForce) switch
    {
        (OrderType.Limit, TimeInForce.Gtc) => ("GTC", false),
        (OrderType.Limit, TimeInForce.Gtd) => ("GTD", false),
        (OrderType.Limit, TimeInForce.Fok) => ("FOK", false),
        (OrderType.Limit, TimeInForce.Fak or TimeInForce.Ioc) => ("FAK", false),
        (OrderType.PostOnly, TimeInForce.Gtc) => ("GTC", true),
        (OrderType.PostOnly, TimeInForce.Gtd) => ("GTD", true),
        _ => null,
    };

    private static BigInteger Units(decimal value) => new(decimal.Round(value * PolymarketDefaults.TokenUnit, 0, MidpointRounding.ToEven));

    private static decimal RoundDown(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.ToZero);

    private static decimal RoundUp(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.ToPositiveInfinity);

    private static int Decimals(decimal value) => (decimal.GetBits(value / 1.000000000000000000000000000000000m)[3] >> 16) & 0xFF;
}
