namespace ActorExec.Venues.Paper.Internal;

/// <summary>A price the liquidity provider posts: side and price in YES terms, size in contracts.</summary>
internal readonly record struct Quote(bool IsBid, decimal Price, decimal Size);

/// <summary>
/// The simulated market maker of one market. Its fair value follows a mean-reverting Gaussian random
/// walk, one step per <see cref="PaperLiquidityOptions.RequoteInterval"/> counted from the venue's
/// start, so the path depends only on the clock (and the seeds); level sizes come from a second
/// stream so that how often a market is touched never changes its path.
/// </summary>
internal sealed class LiquidityProvider
{
    private readonly PaperLiquidityOptions _options;
    private readonly InstrumentRules _rules;
    private readonly bool _binary;
    private readonly double _anchor;
    private readonly double _floor;
    private readonly double _ceiling;
    private readonly long _minUnits;
    private readonly long _maxUnits;
    private readonly Random _walk;
    private readonly Random _sizes;
    private double? _spareGaussian;
    private DateTimeOffset _lastStep;
    private bool _quoted;

    public LiquidityProvider(PaperMarket market, InstrumentRules rules, PaperLiquidityOptions options, int venueSeed, DateTimeOffset start)
    {
        _options = options;
        _rules = rules;
        _binary = market.Kind == InstrumentKind.Binary;
        _anchor = (double)market.Anchor;
        _floor = _binary ? (double)PaperVenueDefaults.BinaryFairValueFloor : (double)rules.MinPrice;
        _ceiling = _binary ? (double)PaperVenueDefaults.BinaryFairValueCeiling : (double)rules.MaxPrice;
        FairValue = Math.Clamp(_anchor, _floor, _ceiling);
        _walk = new Random(Seeds.Derive(venueSeed, Seeds.Walk, market.Market.Value));
        _sizes = new Random(Seeds.Derive(venueSeed, Seeds.Sizes, market.Market.Value));
        _lastStep = start;

        var increment = rules.SizeIncrement;
        _minUnits = (long)Math.Ceiling(Math.Max(options.MinLevelSize, rules.MinQuantity) / increment);
        var max = rules.MaxQuantity is { } cap ? Math.Min(options.MaxLevelSize, cap) : options.MaxLevelSize;
        _maxUnits = Math.Max(_minUnits, (long)Math.Floor(max / increment));
    }

    public double FairValue { get; private set; }

    /// <summary>Applies the walk steps due by <paramref name="now"/> (at most <see cref="PaperVenueDefaults.MaxWalkStepsPerTouch"/>); true when a requote is due.</summary>
    public bool Advance(DateTimeOffset now)
    {
        var interval = _options.RequoteInterval.Ticks;
        var elapsed = (now - _lastStep).Ticks;
        var steps = elapsed > 0 ? elapsed / interval : 0;
        var applied = Math.Min(steps, PaperVenueDefaults.MaxWalkStepsPerTouch);
        for (var i = 0; i < applied; i++)
            Step();
        _lastStep = _lastStep.AddTicks(steps * interval);
        if (steps == 0 && _quoted)
            return false;
        _quoted = true;
        return true;
    }

    /// <summary>The ladder around the fair value: best bid rounded down from fair − spread/2, best ask a spread above, one tick per further level.</summary>
    public void Quote(List<Quote> quotes)
    {
        var tick = _rules.TickSize;
        var spread = _options.SpreadTicks * tick;
        var bestBid = _rules.RoundDownToTick((decimal)FairValue - (spread / 2));
        var bestAsk = bestBid + spread;
        for (var level = 0; level < _options.Levels; level++)
        {
            var price = bestBid - (level * tick);
            if (price < _rules.MinPrice)
                break;
            if (price <= _rules.MaxPrice)
                quotes.Add(new Quote(true, price, NextSize()));
        }
        for (var level = 0; level < _options.Levels; level++)
        {
            var price = bestAsk + (level * tick);
            if (price > _rules.MaxPrice)
                break;
            if (price >= _rules.MinPrice)
                quotes.Add(new Quote(false, price, NextSize()));
        }
    }

    private void Step()
    {
        var x = FairValue;
        var sigma = _binary ? _options.Volatility : _options.Volatility * x;
        x += (_options.MeanReversion * (_anchor - x)) + (sigma * NextGaussian());
        FairValue = Math.Clamp(x, _floor, _ceiling);
    }

    private decimal NextSize() => _sizes.NextInt64(_minUnits, _maxUnits + 1) * _rules.SizeIncrement;

    /// <summary>A standard normal draw by Box–Muller, using both values of each pair.</summary>
    private double NextGaussian()
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return spare;
        }
        var u1 = 1.0 - _walk.NextDouble();
        var u2 = _walk.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        _spareGaussian = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }
}
