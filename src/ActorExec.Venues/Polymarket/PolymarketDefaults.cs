namespace ActorExec.Venues.Polymarket;

/// <summary>Facts about the Polymarket CLOB the adapter relies on, with their sources.</summary>
public static class PolymarketDefaults
{
    /// <summary>
    /// Without a heartbeat for this long the CLOB cancels every open order of the API key: 10 s, with a
    /// heartbeat every 5 s advised (docs.polymarket.com heartbeat guide, as quoted by clients built on it;
    /// the API reference page "Send heartbeat" only says "if heartbeats are not sent regularly, all open
    /// orders ... will be automatically canceled"). The path is <c>/v1/heartbeats</c> as in
    /// py-clob-client and clob-client (<c>POST_HEARTBEAT</c>); the reference page shows <c>/heartbeats</c>.
    /// </summary>
    public static readonly TimeSpan HeartbeatWindow = TimeSpan.FromSeconds(10);

    /// <summary>USDC and outcome tokens both have 6 decimals; order amounts are integers in those units.</summary>
    public const decimal TokenUnit = 1_000_000m;

    /// <summary>The first page of a cursor-paged CLOB endpoint: base64 of "0" (py-clob-client <c>next_cursor="MA=="</c>).</summary>
    public const string FirstCursor = "MA==";

    /// <summary>The CLOB's "no more pages" cursor: base64 of "-1" (py-clob-client <c>END_CURSOR = "LTE="</c>).</summary>
    public const string EndCursor = "LTE=";

    /// <summary>
    /// The <c>timestamp</c> every V2 order signs: 2026-04-28T00:00:00Z in Unix ms, the day CLOB V2 went live
    /// (docs.polymarket.com "Migrating to CLOB V2"), so no V2 order can predate it. Fixed so an order's id can be
    /// rebuilt from its intent after a restart; see <see cref="PolymarketOrderBuilder"/> for why the CLOB is
    /// assumed not to check its freshness. Changing it changes every order id: orders placed before could no
    /// longer be found by their intent.
    /// </summary>
    public const long OrderTimestamp = 1_777_334_400_000;

    /// <summary>A request whose POLY_TIMESTAMP is further than this from the server's clock is refused (test server; the CLOB does not publish its tolerance).</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromSeconds(30);
}
