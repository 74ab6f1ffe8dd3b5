using ActorExec.Trading.Orders;

namespace ActorExec.Venues.Paper;

/// <summary>One order accepted into a paper venue's book (whatever happened to it afterwards).</summary>
/// <param name="ClientOrderId">Our idempotency key.</param>
/// <param name="VenueOrderId">The id the venue gave the order.</param>
/// <param name="Intent">The order as sent.</param>
/// <param name="At">When the venue accepted it.</param>
public sealed record PaperPlacement(ClientOrderId ClientOrderId, VenueOrderId VenueOrderId, OrderIntent Intent, DateTimeOffset At);

/// <summary>A placement refused because its client order id had been accepted before.</summary>
/// <param name="ClientOrderId">The reused key.</param>
/// <param name="At">When the venue refused it.</param>
public sealed record PaperDuplicateAttempt(ClientOrderId ClientOrderId, DateTimeOffset At);

/// <summary>Everything a paper venue recorded, taken at one instant (see <see cref="PaperVenueRecords.Snapshot"/>).</summary>
/// <param name="Placements">Every order accepted into the book, in acceptance order.</param>
/// <param name="DuplicateAttempts">Placements refused as duplicates of an accepted client order id, in order.</param>
/// <param name="PlaceCalls">Place calls received, including refused and faulted ones.</param>
/// <param name="CancelCalls">Cancel calls received, including faulted ones.</param>
/// <param name="ModifyCalls">Modify calls received, including faulted ones.</param>
/// <param name="QueryCalls">Order queries received, including faulted ones.</param>
public sealed record PaperVenueRecordsSnapshot(
    IReadOnlyList<PaperPlacement> Placements,
    IReadOnlyList<PaperDuplicateAttempt> DuplicateAttempts,
    int PlaceCalls,
    int CancelCalls,
    int ModifyCalls,
    int QueryCalls);

/// <summary>
/// What happened at a paper venue, for tests that prove exactly-once placement. Thread-safe; every
/// member returns a snapshot taken under the venue's lock.
/// </summary>
public sealed class PaperVenueRecords
{
    private readonly Lock _gate;
    private readonly List<PaperPlacement> _placements = [];
    private readonly Dictionary<ClientOrderId, int> _placementCounts = [];
    private readonly List<PaperDuplicateAttempt> _duplicates = [];
    private int _placeCalls;
    private int _cancelCalls;
    private int _modifyCalls;
    private int _queryCalls;

    internal PaperVenueRecords(Lock gate) => _gate = gate;

    /// <summary>Every order accepted into the book, in acceptance order.</summary>
    public IReadOnlyList<PaperPlacement> Placements
    {
        get
        {
            lock (_gate)
                return [.. _placements];
        }
    }

    /// <summary>Placements refused as duplicates of an accepted client order id, in order.</summary>
    public IReadOnlyList<PaperDuplicateAttempt> DuplicateAttempts
    {
        get
        {
            lock (_gate)
                return [.. _duplicates];
        }
    }

    /// <summary>Place calls received, including those refused or failed by an injected fault.</summary>
    public int PlaceCalls
    {
        get
        {
            lock (_gate)
                return _placeCalls;
        }
    }

    /// <summary>Cancel calls received, including faulted ones.</summary>
    public int CancelCalls
    {
        get
        {
            lock (_gate)
                return _cancelCalls;
        }
    }

    /// <summary>Modify calls received, including faulted ones.</summary>
    public int ModifyCalls
    {
        get
        {
            lock (_gate)
                return _modifyCalls;
        }
    }

    /// <summary>Order queries received (by venue id, by client id, open orders), including faulted ones.</summary>
    public int QueryCalls
    {
        get
        {
            lock (_gate)
                return _queryCalls;
        }
    }

    /// <summary>How many orders with this client order id were accepted (0 or 1 unless the venue is broken).</summary>
    public int PlacementCount(ClientOrderId clientOrderId)
    {
        lock (_gate)
            return _placementCounts.GetValueOrDefault(clientOrderId);
    }

    /// <summary>All records at one instant: unlike reading the members one by one, no call can land between them.</summary>
    public PaperVenueRecordsSnapshot Snapshot()
    {
        lock (_gate)
            return new PaperVenueRecordsSnapshot([.. _placements], [.. _duplicates], _placeCalls, _cancelCalls, _modifyCalls, _queryCalls);
    }

    // The members below are called by the venue with its lock held.

    internal void CountPlace() => _placeCalls++;

    internal void CountCancel() => _cancelCalls++;

    internal void CountModify() => _modifyCalls++;

    internal void CountQuery() => _queryCalls++;

    internal void AddPlacement(PaperPlacement placement)
    {
        _placements.Add(placement);
        _placementCounts[placement.ClientOrderId] = _placementCounts.GetValueOrDefault(placement.ClientOrderId) + 1;
    }

    internal void AddDuplicate(PaperDuplicateAttempt attempt) => _duplicates.Add(attempt);
}
