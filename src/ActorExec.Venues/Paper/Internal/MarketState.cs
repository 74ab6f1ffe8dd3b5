namespace ActorExec.Venues.Paper.Internal;

/// <summary>Everything the venue keeps for one market: its book, our resting orders, GTD expiries and the liquidity provider.</summary>
internal sealed class MarketState(PaperMarket definition, InstrumentRules rules, LiquidityProvider? provider)
{
    private int _pruneLiquidityAt = 64;

    public PaperMarket Definition { get; } = definition;

    public MarketId Id => Definition.Market;

    public InstrumentRules Rules { get; } = rules;

    public bool IsBinary => Definition.Kind == InstrumentKind.Binary;

    public bool IsOpen { get; set; } = definition.IsOpen;

    public OrderBook Book { get; } = new();

    /// <summary>The simulated liquidity provider; null when liquidity is disabled.</summary>
    public LiquidityProvider? Provider { get; } = provider;

    /// <summary>Liquidity provider orders posted since its last requote (some may have filled since).</summary>
    public List<BookOrder> LiquidityOrders { get; } = [];

    /// <summary>Our orders resting in this book.</summary>
    public HashSet<PaperOrder> OpenOrders { get; } = [];

    /// <summary>Our GTD orders by expiry (entries of orders that left the book are skipped when due).</summary>
    public PriorityQueue<PaperOrder, DateTimeOffset> Expiries { get; } = new();

    public VenueMarket ToVenueMarket() => new(Id, Definition.Kind, Rules, Definition.Title, IsOpen);

    /// <summary>Forgets liquidity orders that already filled, when there are many (liquidity added by tests without requotes).</summary>
    public void PruneLiquidityOrders()
    {
        if (LiquidityOrders.Count < _pruneLiquidityAt)
            return;
        LiquidityOrders.RemoveAll(static order => !order.IsResting);
        _pruneLiquidityAt = Math.Max(64, LiquidityOrders.Count * 2);
    }
}
