using ActorExec.Engine.Venues;

namespace ActorExec.Engine;

/// <summary>A venue to trade on: its adapter, its market data and how its supervisor protects it.</summary>
/// <param name="Adapter">Trading calls.</param>
/// <param name="MarketData">Markets and books (often the same object as the adapter).</param>
/// <param name="Options">Rate limits, retries, breaker; defaults when null.</param>
public sealed record VenueConnection(IVenueAdapter Adapter, IMarketData MarketData, VenueSupervisorOptions? Options = null);
