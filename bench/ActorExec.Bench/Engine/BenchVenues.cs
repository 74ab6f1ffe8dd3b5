using ActorExec.Engine;
using ActorExec.Trading;
using ActorExec.Trading.Slippage;
using ActorExec.Venues.Paper;

namespace ActorExec.Bench.Engine;

/// <summary>
/// Two paper venues over the same binary markets, with books deep enough never to run dry. They
/// answer at once; the Polymarket-like one settles on chain either at once too (the zero-latency
/// venue of the throughput goal) or after its default mining and confirmation delays.
/// </summary>
internal sealed class BenchVenues
{
    public static readonly VenueId KalshiId = new("kalshi");
    public static readonly VenueId PolyId = new("poly");
    public const decimal YesAsk = 0.40m;
    public const decimal NoAsk = 0.50m;

    public BenchVenues(int markets, bool settlementDelays)
    {
        Markets = [.. Enumerable.Range(1, markets).Select(i => new MarketId($"m-{i}"))];
        var listed = Markets.Select(m => PaperMarket.Binary(m.Value, 0.5m)).ToList();
        var noLiquidity = new PaperLiquidityOptions { Enabled = false };
        Kalshi = new PaperVenue(PaperVenueOptions.KalshiLike(KalshiId, listed, seed: 1) with { Liquidity = noLiquidity });
        var settlement = settlementDelays ? new PaperSettlementOptions() : new PaperSettlementOptions { MineDelay = TimeSpan.Zero, ConfirmDelay = TimeSpan.Zero };
        Poly = new PaperVenue(PaperVenueOptions.PolymarketLike(PolyId, listed, seed: 2) with { Liquidity = noLiquidity, Settlement = settlement });
        foreach (var market in Markets)
        {
            Kalshi.AddLiquidity(market, Side.Sell, new Price(YesAsk), new Quantity(10_000_000m));
            Poly.AddLiquidity(market, Side.Buy, new Price(1m - NoAsk), new Quantity(10_000_000m));
        }
    }

    public IReadOnlyList<MarketId> Markets { get; }

    public PaperVenue Kalshi { get; }

    public PaperVenue Poly { get; }

    public static VenueQuote KalshiQuote => new(KalshiId, new BookLevel(new Price(YesAsk), new Quantity(10_000m)), null);

    public static VenueQuote PolyQuote => new(PolyId, null, new BookLevel(new Price(NoAsk), new Quantity(10_000m)));
}
