using System.Security.Cryptography;
using System.Text;

namespace ActorExec.Venues.Paper.Internal;

/// <summary>
/// Settlement of fully matched orders, evaluated lazily from the clock (no timers). Off chain a
/// matched order is Confirmed at once; on chain it is Filled at the match time t, Mined at
/// t + MineDelay, Confirmed at t + MineDelay + ConfirmDelay, or Failed from t + MineDelay when the
/// seeded draw made at the match says the settlement reverts (its fills are then reversed in the
/// positions, at the first venue call at or after that time).
/// </summary>
internal sealed class Settlement(bool onChain, PaperSettlementOptions options, VenueId venue, int seed)
{
    private readonly Random _random = new(Seeds.Derive(seed, Seeds.Settlement));
    private readonly Queue<PaperOrder> _reversals = new();

    public void OnMatched(PaperOrder order, DateTimeOffset now)
    {
        order.Phase = OrderPhase.Matched;
        order.MatchedAt = now;
        order.UpdatedAt = now;
        if (!onChain)
            return;
        order.TransactionHash = TransactionHash(order);
        order.SettlementFails = options.FailureRate > 0 && _random.NextDouble() < options.FailureRate;
        if (order.SettlementFails)
            _reversals.Enqueue(order);
    }

    /// <summary>Reverses the fills of every failed settlement whose mining time has come (matches, hence reversals, are in time order).</summary>
    public void ApplyDue(DateTimeOffset now, AccountLedger ledger)
    {
        while (_reversals.TryPeek(out var order) && order.MatchedAt + options.MineDelay <= now)
        {
            _reversals.Dequeue();
            ledger.Reverse(order.Fills);
        }
    }

    public VenueOrderReport Report(PaperOrder order, DateTimeOffset now)
    {
        switch (order.Phase)
        {
            case OrderPhase.Working:
                var status = order.Filled > 0 ? VenueOrderStatus.PartiallyFilled : VenueOrderStatus.Open;
                return order.ToReport(status, order.UpdatedAt, null, null);
            case OrderPhase.Cancelled:
                return order.ToReport(VenueOrderStatus.Cancelled, order.UpdatedAt, order.Detail, null);
            case OrderPhase.Expired:
                return order.ToReport(VenueOrderStatus.Expired, order.UpdatedAt, order.Detail, null);
        }
        if (!onChain)
            return order.ToReport(VenueOrderStatus.Confirmed, order.MatchedAt, null, null);
        var mined = order.MatchedAt + options.MineDelay;
        if (now < mined)
            return order.ToReport(VenueOrderStatus.Filled, order.MatchedAt, null, null);
        if (order.SettlementFails)
            return order.ToReport(VenueOrderStatus.Failed, mined, "settlement reverted", order.TransactionHash);
        var confirmed = mined + options.ConfirmDelay;
        return now < confirmed
            ? order.ToReport(VenueOrderStatus.Mined, mined, null, order.TransactionHash)
            : order.ToReport(VenueOrderStatus.Confirmed, confirmed, null, order.TransactionHash);
    }

    /// <summary>A deterministic 32-byte hash standing in for the settlement transaction.</summary>
    private string TransactionHash(PaperOrder order)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{venue}|{order.Id}|{seed}"), hash);
        return "0x" + Convert.ToHexStringLower(hash);
    }
}
