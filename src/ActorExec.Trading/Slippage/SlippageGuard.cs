namespace ActorExec.Trading.Slippage;

/// <summary>
/// Checks, before sending, what taking a size from the book would really cost: walks the side the
/// order takes (asks for a buy, bids for a sell), prices the whole size at its volume-weighted
/// average, and compares that with the price the strategy intended.
/// </summary>
/// <remarks>
/// Checks in order: the side must fill the whole size (<c>INSUFFICIENT_LIQUIDITY</c>), show at least
/// the liquidity multiple of it (<c>LIQUIDITY_BELOW_MULTIPLE</c>), and cost at most the maximum
/// slippage (<c>SLIPPAGE_ABOVE_MAX</c>). Both thresholds are inclusive: exactly the maximum is accepted
/// (as a warning) and exactly the warning threshold warns. The comparisons are done on totals
/// (cost against intended × size) so a VWAP that does not divide evenly cannot flip a verdict.
/// </remarks>
public sealed class SlippageGuard
{
    private const decimal BpsPerUnit = 10_000m;

    /// <summary>Creates a guard; the limits are validated here.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public SlippageGuard(SlippageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits.Validate();
    }

    /// <summary>The thresholds applied.</summary>
    public SlippageLimits Limits { get; }

    /// <summary>The verdict for taking <paramref name="size"/> on <paramref name="side"/> from <paramref name="book"/>, against <paramref name="intendedPrice"/>.</summary>
    /// <param name="side">The order's side; decides which book side it takes and which direction is worse.</param>
    /// <param name="size">The order size; must be positive.</param>
    /// <param name="intendedPrice">The price the strategy based its decision on.</param>
    /// <param name="book">The book side the order takes: asks for a buy, bids for a sell.</param>
    /// <exception cref="ArgumentException">The book side does not match the order side, or the intended price is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size is zero.</exception>
    public SlippageResult Check(Side side, Quantity size, Price intendedPrice, OrderBookSide book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (size.IsZero)
            throw new ArgumentOutOfRangeException(nameof(size), size.Value, "size must be positive, got 0");
        if (intendedPrice.Value <= 0)
            throw new ArgumentException("intendedPrice must be a positive price, not default(Price)", nameof(intendedPrice));
        var expected = OrderBookSide.TakenBy(side);
        if (book.Side != expected)
            throw new ArgumentException($"a {side} order takes the {expected} side, but the book given is the {book.Side} side", nameof(book));

        var context = ReasonContext.Empty
            .With("side", ReasonContext.Text(side))
            .With("size", size.Value)
            .With("intended_price", intendedPrice.Value)
            .With("visible_size", book.VisibleSize.Value)
            .With("levels", book.Levels.Length);

        var walk = book.Walk(size);
        if (walk.Filled < size)
            return new SlippageResult.Rejected(SlippageRejectionReason.InsufficientLiquidity,
                context.With("fillable_size", walk.Filled.Value), null, null);

        var effective = walk.AveragePrice!.Value;
        // Positive when we pay more on a buy, or receive less on a sell, than intended.
        var excessCost = side.Sign() * (walk.Cost - intendedPrice.Value * size.Value);
        var bps = excessCost * BpsPerUnit / (intendedPrice.Value * size.Value);
        context = context
            .With("effective_price", Math.Round(effective.Value, 8))
            .With("slippage_bps", Math.Round(bps, 4))
            .With("levels_used", walk.LevelsUsed);

        var requiredVisible = Limits.MinLiquidityMultiple * size.Value;
        if (book.VisibleSize.Value < requiredVisible)
            return new SlippageResult.Rejected(SlippageRejectionReason.LiquidityBelowMultiple,
                context.With("min_liquidity_multiple", Limits.MinLiquidityMultiple).With("required_visible_size", requiredVisible),
                effective, bps);

        var intendedNotional = intendedPrice.Value * size.Value;
        if (excessCost * BpsPerUnit > Limits.MaxSlippageBps * intendedNotional)
            return new SlippageResult.Rejected(SlippageRejectionReason.SlippageAboveMax,
                context.With("max_slippage_bps", Limits.MaxSlippageBps), effective, bps);

        return excessCost * BpsPerUnit >= Limits.WarnSlippageBps * intendedNotional
            ? new SlippageResult.Warn(effective, bps)
            : new SlippageResult.Ok(effective, bps);
    }
}
