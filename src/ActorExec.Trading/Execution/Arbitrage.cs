using System.Globalization;
using System.Numerics;
using ActorExec.Trading.Slippage;

namespace ActorExec.Trading.Execution;

/// <summary>
/// The cross-venue arbitrage check for a binary market: buy YES on one venue and NO on the other when
/// the two asks plus fees cost less than the $1 the pair is certain to pay.
/// </summary>
/// <remarks>
/// Both directions (YES on the first venue, or YES on the second) are checked; the accepted one with
/// the larger total expected profit wins, the first direction on a tie. Each direction is checked in
/// order: liquidity at both best asks, then size, then profit. The size is
/// <c>min(yes ask size, no ask size, risk cap, each venue's maximum)</c> rounded down to a multiple of
/// both venues' size increments, because the legs must be equal to be hedged. Profit is compared in
/// totals (<c>profit ≥ threshold × size</c>) so the comparison is exact even when fees do not divide
/// evenly by the size.
/// </remarks>
public static class Arbitrage
{
    /// <summary>Checks both directions and returns the better opportunity, or the rejection of the direction that came closest.</summary>
    /// <param name="request">The market, both venues' quotes and the risk cap.</param>
    /// <param name="options">Thresholds; the defaults when null.</param>
    /// <exception cref="ArgumentException">The two quotes are from the same venue, or an ask price is invalid for its venue or not below 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ArbitrageResult Check(ArbitrageRequest request, ArbitrageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        options = (options ?? new ArbitrageOptions()).Validate();
        Validate(request);

        var forward = CheckDirection(request, request.First, request.Second, options);
        var backward = CheckDirection(request, request.Second, request.First, options);

        return (forward.Opportunity, backward.Opportunity) switch
        {
            ({ } f, { } b) => b.ExpectedProfit > f.ExpectedProfit ? b : f,
            ({ } f, null) => f,
            (null, { } b) => b,
            (null, null) => Closest(request.Market, forward, backward),
        };
    }

    /// <summary>The smallest positive size that is a multiple of both increments (their least common multiple).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An increment is not positive.</exception>
    public static decimal CommonIncrement(decimal first, decimal second)
    {
        if (first <= 0)
            throw new ArgumentOutOfRangeException(nameof(first), first, $"size increment must be positive, got {Text(first)}");
        if (second <= 0)
            throw new ArgumentOutOfRangeException(nameof(second), second, $"size increment must be positive, got {Text(second)}");
        if (first == second)
            return first;
        // Scale both to integers so the LCM is exact: 0.3 and 0.2 → 3 and 2 → 6 → 0.6.
        var scale = Math.Max(first.Scale, second.Scale);
        var factor = Pow10(scale);
        var a = new BigInteger(first * factor);
        var b = new BigInteger(second * factor);
        var lcm = a / BigInteger.GreatestCommonDivisor(a, b) * b;
        return (decimal)lcm / factor;
    }

    private static Verdict CheckDirection(ArbitrageRequest request, ArbitrageQuote yesQuote, ArbitrageQuote noQuote, ArbitrageOptions options)
    {
        // Facts for a rejection only: an opportunity carries none, so it builds none.
        ReasonContext Direction() => ReasonContext.Empty
            .With("market", request.Market.Value)
            .With("yes_venue", yesQuote.Venue.Value)
            .With("no_venue", noQuote.Venue.Value);

        if (!IsLiquid(yesQuote.YesAsk, options) || !IsLiquid(noQuote.NoAsk, options))
        {
            var context = Direction()
                .With("yes_ask_size", SizeText(yesQuote.YesAsk))
                .With("no_ask_size", SizeText(noQuote.NoAsk))
                .With("min_liquidity", options.MinLiquidityContracts);
            return Verdict.Rejected(ArbitrageRejectionReason.NoLiquidity, context);
        }

        var yesAsk = yesQuote.YesAsk!.Value;
        var noAsk = noQuote.NoAsk!.Value;
        ReasonContext Priced() => Direction().With("yes_ask", yesAsk.Price.Value).With("no_ask", noAsk.Price.Value);

        var cap = Math.Min(Math.Min(yesAsk.Size.Value, noAsk.Size.Value), request.RiskCap.Value);
        if (yesQuote.Rules.MaxQuantity is { } yesMax)
            cap = Math.Min(cap, yesMax);
        if (noQuote.Rules.MaxQuantity is { } noMax)
            cap = Math.Min(cap, noMax);
        var increment = CommonIncrement(yesQuote.Rules.SizeIncrement, noQuote.Rules.SizeIncrement);
        var size = Math.Floor(cap / increment) * increment;
        var minimum = Math.Max(yesQuote.Rules.MinQuantity, noQuote.Rules.MinQuantity);
        if (size < minimum)
        {
            var context = Priced()
                .With("size", size)
                .With("min_size", minimum)
                .With("size_increment", increment)
                .With("yes_ask_size", yesAsk.Size.Value)
                .With("no_ask_size", noAsk.Size.Value)
                .With("risk_cap", request.RiskCap.Value);
            return Verdict.Rejected(ArbitrageRejectionReason.SizeBelowMinimum, context);
        }

        var yesFee = yesQuote.Fees.FeeFor(size, yesAsk.Price.Value);
        var noFee = noQuote.Fees.FeeFor(size, noAsk.Price.Value);
        var expectedProfit = size * (1m - yesAsk.Price.Value - noAsk.Price.Value) - yesFee - noFee;
        var profitPerContract = expectedProfit / size;
        if (expectedProfit < options.MinProfitPerContract * size)
        {
            var context = Priced()
                .With("size", size)
                .With("fees", yesFee + noFee)
                .With("profit_per_contract", Math.Round(profitPerContract, 6))
                .With("min_profit_per_contract", options.MinProfitPerContract);
            return Verdict.Rejected(ArbitrageRejectionReason.ProfitBelowThreshold, context, profitPerContract);
        }

        var quantity = new Quantity(size, "size");
        return new Verdict(
            new ArbitrageOpportunity(
                request.Market,
                new OpportunityLeg(yesQuote.Venue, Outcome.Yes, yesAsk.Price, quantity, yesFee),
                new OpportunityLeg(noQuote.Venue, Outcome.No, noAsk.Price, quantity, noFee),
                profitPerContract,
                expectedProfit),
            default,
            ReasonContext.Empty,
            profitPerContract);
    }

    // The direction that got further through the checks explains the miss best; on a tie in stage,
    // the one with more profit per contract, then the first direction.
    // The enum is declared in check order, so a larger reason means a later stage.
    private static ArbitrageRejection Closest(MarketId market, Verdict forward, Verdict backward)
    {
        var pickBackward = backward.Reason > forward.Reason
            || (backward.Reason == forward.Reason && backward.ProfitPerContract > forward.ProfitPerContract);
        var (chosen, other) = pickBackward ? (backward, forward) : (forward, backward);
        var context = chosen.Context.With("other_direction", ReasonCodes.Of(other.Reason));
        return new ArbitrageRejection(market, chosen.Reason, context);
    }

    private static bool IsLiquid(BookLevel? ask, ArbitrageOptions options)
        => ask is { } level && level.Size.Value >= options.MinLiquidityContracts;

    private static string SizeText(BookLevel? ask) => ask is { } level ? ReasonContext.Text(level.Size.Value) : "none";

    private static void Validate(ArbitrageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.First, nameof(request.First));
        ArgumentNullException.ThrowIfNull(request.Second, nameof(request.Second));
        if (request.Market.Value is null)
            throw new ArgumentException("request.Market must be a constructed MarketId, not default(MarketId)", nameof(request));
        if (request.First.Venue == request.Second.Venue)
            throw new ArgumentException($"both quotes are from venue '{request.First.Venue}'; a cross-venue arbitrage needs two venues", nameof(request));
        foreach (var quote in new[] { request.First, request.Second })
        {
            ArgumentNullException.ThrowIfNull(quote.Rules, nameof(quote.Rules));
            ArgumentNullException.ThrowIfNull(quote.Fees, nameof(quote.Fees));
            ValidateAsk(quote, quote.YesAsk, "YesAsk");
            ValidateAsk(quote, quote.NoAsk, "NoAsk");
        }
    }

    private static void ValidateAsk(ArbitrageQuote quote, BookLevel? ask, string field)
    {
        if (ask is not { } level)
            return;
        var price = level.Price.Value;
        if (price >= 1m || !quote.Rules.IsValidPrice(price))
            throw new ArgumentException(
                $"{field}.Price {Text(price)} on venue '{quote.Venue}' is not a valid binary price (on the {Text(quote.Rules.TickSize)} tick grid within [{Text(quote.Rules.MinPrice)}, {Text(quote.Rules.MaxPrice)}] and below 1)",
                field);
    }

    /// <summary>One direction's outcome, with the profit per contract kept as a number for ranking misses.</summary>
    private readonly record struct Verdict(ArbitrageOpportunity? Opportunity, ArbitrageRejectionReason Reason, ReasonContext Context, decimal ProfitPerContract)
    {
        // Stages before the profit check have no profit; the lowest value keeps them behind any that do.
        public static Verdict Rejected(ArbitrageRejectionReason reason, ReasonContext context, decimal profitPerContract = decimal.MinValue)
            => new(null, reason, context, profitPerContract);
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
            result *= 10m;
        return result;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
