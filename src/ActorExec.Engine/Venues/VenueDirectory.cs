using System.Collections.Frozen;

namespace ActorExec.Engine.Venues;

/// <summary>One venue as the engine sees it: its adapter, market data, capabilities, listed markets, supervisor and status.</summary>
public sealed class VenueEntry
{
    private volatile FrozenDictionary<MarketId, VenueMarket> _markets = FrozenDictionary<MarketId, VenueMarket>.Empty;

    internal VenueEntry(IVenueAdapter adapter, IMarketData marketData, VenueSupervisorOptions options)
    {
        Adapter = adapter;
        MarketData = marketData;
        Options = options;
        Status = new VenueStatus(adapter.Venue);
    }

    /// <summary>The venue's id.</summary>
    public VenueId Venue => Adapter.Venue;

    /// <summary>Trading calls (used by the adapter actor only).</summary>
    public IVenueAdapter Adapter { get; }

    /// <summary>Public market data.</summary>
    public IMarketData MarketData { get; }

    /// <summary>What the venue supports.</summary>
    public VenueCapabilities Capabilities => Adapter.Capabilities;

    /// <summary>Rate limits, retries and breaker settings of its supervisor.</summary>
    public VenueSupervisorOptions Options { get; }

    /// <summary>The supervisor every call goes through.</summary>
    public IActorRef Supervisor => _supervisor ?? throw new InvalidOperationException($"venue {Venue} has no supervisor yet: start the engine first");

    private IActorRef? _supervisor;

    internal void AttachSupervisor(IActorRef supervisor) => _supervisor = supervisor;

    /// <summary>Breaker and reconciliation status, readable without a message.</summary>
    public VenueStatus Status { get; }

    /// <summary>The markets the venue listed when last asked.</summary>
    public IReadOnlyDictionary<MarketId, VenueMarket> Markets => _markets;

    /// <summary>The market if the venue lists it and it is open.</summary>
    public VenueMarket? OpenMarket(MarketId market) => _markets.TryGetValue(market, out var listed) && listed.IsOpen ? listed : null;

    internal void ReplaceMarkets(IEnumerable<VenueMarket> markets) => _markets = markets.ToFrozenDictionary(m => m.Market);
}

/// <summary>The venues the engine trades on, by id. Built once at start-up; the entries' market lists and statuses refresh.</summary>
public sealed class VenueDirectory
{
    private readonly FrozenDictionary<VenueId, VenueEntry> _entries;

    internal VenueDirectory(IEnumerable<VenueEntry> entries)
    {
        var list = entries.ToList();
        var duplicate = list.GroupBy(e => e.Venue).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"venue '{duplicate.Key}' is configured {duplicate.Count()} times", nameof(entries));
        _entries = list.ToFrozenDictionary(e => e.Venue);
    }

    /// <summary>Every venue.</summary>
    public IEnumerable<VenueEntry> All => _entries.Values;

    /// <summary>The venue, if configured.</summary>
    public VenueEntry? Find(VenueId venue) => _entries.GetValueOrDefault(venue);
}
