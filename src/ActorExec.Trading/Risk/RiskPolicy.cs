namespace ActorExec.Trading.Risk;

/// <summary>
/// Pre-trade risk for binary contracts: approves an order, caps it to the largest size every limit
/// allows, or denies it with a stable reason. Pure: the caller passes the account's snapshot.
/// </summary>
/// <remarks>
/// <para>Order of checks. Always denied: <see cref="TradingState.Halted"/>; consecutive errors at the
/// maximum; today's loss at or beyond the daily limit (reaching the limit exactly counts as breached,
/// since any further buy would exceed it). Then each sizing limit yields the largest quantity it
/// allows and the smallest one binds: reduce-only (in <see cref="TradingState.Reducing"/>), position per
/// market, total position, notional per order, daily loss. On a tie the earlier limit in that list is
/// reported. A bound below the request caps the order, rounded down to the venue's size increment;
/// when that leaves less than the venue's minimum, nothing fits and the binding limit denies it.</para>
/// <para>An order that shrinks a position is never blocked by a position limit for the part that
/// shrinks it (limits lowered below an existing position must not trap it), and that part adds no
/// worst-case loss. The part that opens or extends a position adds, per contract, the price for a buy
/// and 1 − price for a sell (a short binary loses at most the rest of the $1 payout). Reaching a limit
/// exactly is allowed; only exceeding it is capped.</para>
/// </remarks>
public sealed class RiskPolicy
{
    /// <summary>Creates a policy; the limits are validated here.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public RiskPolicy(RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits.Validate();
    }

    /// <summary>The limits enforced.</summary>
    public RiskLimits Limits { get; }

    /// <summary>Approves (possibly capped) or denies <paramref name="request"/> against <paramref name="snapshot"/>.</summary>
    /// <exception cref="ArgumentException">The market or venue id is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The requested quantity is zero, or the price is not below 1.</exception>
    public RiskDecision Check(RiskRequest request, RiskSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        Validate(request);

        var position = snapshot.PositionOf(request.Market);
        // The facts only a denial or a binding limit reports: built when one needs them, since an
        // approval in full (the usual answer, on every leg of every execution) reports none.
        var context = new LazyContext(request, position);
        var order = new OrderExposure(request, position);

        if (Gate(snapshot, order, context) is { } denial)
            return denial;

        var binding = Tightest(request, snapshot, order, context);
        if (binding is null)
            return new RiskApproval(request.Quantity, request.Quantity, null, ReasonContext.Empty);

        var (reason, maxQuantity, limitContext) = binding.Value;
        var capped = request.Rules.RoundDownToIncrement(Math.Max(0m, maxQuantity));
        var detail = limitContext
            .With("max_allowed", Math.Round(maxQuantity, 6, MidpointRounding.ToZero))
            .With("approved", capped);
        if (capped <= 0 || capped < request.Rules.MinQuantity)
            return new RiskDenial(reason, detail.With("min_quantity", request.Rules.MinQuantity));
        return new RiskApproval(new Quantity(capped, "approved"), request.Quantity, reason, detail);
    }

    // The checks no smaller order can satisfy.
    private RiskDenial? Gate(RiskSnapshot snapshot, OrderExposure order, LazyContext context)
    {
        if (snapshot.State == TradingState.Halted)
            return new RiskDenial(RiskReason.TradingHalted, context.Value.With("state", ReasonContext.Text(snapshot.State)));
        if (snapshot.ConsecutiveErrors >= Limits.MaxConsecutiveErrors)
            return new RiskDenial(RiskReason.MaxConsecutiveErrors, context.Value
                .With("consecutive_errors", snapshot.ConsecutiveErrors)
                .With("max_consecutive_errors", Limits.MaxConsecutiveErrors));
        if (snapshot.DailyLoss >= Limits.DailyLossLimit)
            return new RiskDenial(RiskReason.DailyLossLimitBreached, context.Value
                .With("daily_loss", snapshot.DailyLoss)
                .With("daily_loss_limit", Limits.DailyLossLimit));
        if (snapshot.State == TradingState.Reducing && order.Reducible == 0)
            return new RiskDenial(RiskReason.ReduceOnly, context.Value.With("state", ReasonContext.Text(snapshot.State)));
        return null;
    }

    // The sizing limit that allows the least, or null when the full request fits them all. Fit is
    // decided by exact comparisons; a bound (which may need a division) is computed only for a limit
    // the request exceeds, so it is below the request and cannot overflow.
    private Bound? Tightest(RiskRequest request, RiskSnapshot snapshot, OrderExposure order, LazyContext context)
    {
        var requested = request.Quantity.Value;
        Bound? binding = null;

        if (snapshot.State == TradingState.Reducing && requested > order.Reducible)
            binding = Tighter(binding, new Bound(RiskReason.ReduceOnly, order.Reducible, context.Value.With("state", ReasonContext.Text(snapshot.State))));

        if (order.Exceeds(Limits.MaxPositionPerMarket))
            binding = Tighter(binding, new Bound(RiskReason.MaxPositionPerMarket, order.BoundUnder(Limits.MaxPositionPerMarket),
                context.Value
                    .With("max_position_per_market", Limits.MaxPositionPerMarket)
                    .With("projected_position", order.Projected)));

        // This market's absolute position may use whatever the other markets leave of the total.
        var otherMarkets = snapshot.TotalAbsolutePosition - Math.Abs(order.Position);
        var totalRoom = Limits.MaxTotalPosition - otherMarkets;
        if (order.Exceeds(totalRoom))
            binding = Tighter(binding, new Bound(RiskReason.MaxTotalPosition, order.BoundUnder(totalRoom),
                context.Value
                    .With("max_total_position", Limits.MaxTotalPosition)
                    .With("total_position", snapshot.TotalAbsolutePosition)
                    .With("projected_total_position", otherMarkets + Math.Abs(order.Projected))));

        var notional = request.Price.Value * requested;
        if (notional > Limits.MaxNotionalPerOrder)
            binding = Tighter(binding, new Bound(RiskReason.MaxNotionalPerOrder, Limits.MaxNotionalPerOrder / request.Price.Value,
                context.Value
                    .With("max_notional_per_order", Limits.MaxNotionalPerOrder)
                    .With("notional", notional)));

        var lossPerContract = request.Side == Side.Buy ? request.Price.Value : 1m - request.Price.Value;
        var worstCaseLoss = lossPerContract * Math.Max(0m, requested - order.Reducible);
        var lossRoom = Limits.DailyLossLimit - snapshot.DailyLoss;
        if (worstCaseLoss > lossRoom)
            binding = Tighter(binding, new Bound(RiskReason.DailyLossLimit, order.Reducible + lossRoom / lossPerContract,
                context.Value
                    .With("daily_loss", snapshot.DailyLoss)
                    .With("daily_loss_limit", Limits.DailyLossLimit)
                    .With("order_worst_case_loss", worstCaseLoss)));

        return binding;
    }

    // Strictly smaller wins, so the earlier limit is reported on a tie.
    private static Bound Tighter(Bound? current, Bound candidate)
        => current is { } bound && bound.MaxQuantity <= candidate.MaxQuantity ? bound : candidate;

    private static void Validate(RiskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Rules, nameof(request.Rules));
        if (request.Market.Value is null)
            throw new ArgumentException("request.Market must be a constructed MarketId, not default(MarketId)", nameof(request));
        if (request.Venue.Value is null)
            throw new ArgumentException("request.Venue must be a constructed VenueId, not default(VenueId)", nameof(request));
        if (request.Quantity.IsZero)
            throw new ArgumentOutOfRangeException(nameof(request), request.Quantity.Value, "request.Quantity must be positive, got 0");
        if (request.Price.Value <= 0 || request.Price.Value >= 1)
            throw new ArgumentOutOfRangeException(nameof(request), request.Price.Value,
                $"request.Price must be in (0, 1) for a binary contract, got {ReasonContext.Text(request.Price.Value)}");
    }

    /// <summary>The largest quantity one limit allows, with the facts to report if it binds.</summary>
    private readonly record struct Bound(RiskReason Reason, decimal MaxQuantity, ReasonContext Context);

    /// <summary>How an order moves one market's signed position.</summary>
    private sealed class LazyContext(RiskRequest request, decimal position)
    {
        private ReasonContext? _value;

        public ReasonContext Value => _value ??= ReasonContext.Empty
            .With("market", request.Market.Value)
            .With("venue", request.Venue.Value)
            .With("side", ReasonContext.Text(request.Side))
            .With("requested", request.Quantity.Value)
            .With("price", request.Price.Value)
            .With("position", position);
    }

    private readonly record struct OrderExposure
    {
        public OrderExposure(RiskRequest request, decimal position)
        {
            Position = position;
            Requested = request.Quantity.Value;
            Directional = request.Side.Sign() * position;
            Reducible = Directional < 0 ? -Directional : 0m;
            Projected = position + request.Side.Sign() * Requested;
        }

        /// <summary>The signed position before the order.</summary>
        public decimal Position { get; }

        /// <summary>The contracts asked for.</summary>
        public decimal Requested { get; }

        /// <summary>The position seen from the order's side: positive when the order adds to it, negative when it shrinks it.</summary>
        public decimal Directional { get; }

        /// <summary>The contracts the order can take off the position before crossing zero.</summary>
        public decimal Reducible { get; }

        /// <summary>The signed position if the whole order filled.</summary>
        public decimal Projected { get; }

        // The shrinking part always fits (a lowered limit must not trap a position); beyond it the
        // position may grow until its absolute size reaches the limit.
        public bool Exceeds(decimal limit) => Requested > Reducible && Directional + Requested > limit;

        public decimal BoundUnder(decimal limit) => Math.Max(Reducible, limit - Directional);
    }
}
