using ActorExec.Engine.Markets;
using ActorExec.Trading.AutoClose;

namespace ActorExec.Engine;

/// <summary>Asks the auto-close supervisor to sell an arbitrage's unhedged excess with a price walk.</summary>
/// <param name="Market">The market of the arbitrage.</param>
/// <param name="ExecutionId">The arbitrage.</param>
/// <param name="Round">Which auto-close of this execution (a later fill change may need another).</param>
/// <param name="YesLeg">The YES leg as filled.</param>
/// <param name="NoLeg">The NO leg as filled.</param>
public sealed record RunAutoClose(MarketId Market, ExecutionId ExecutionId, int Round, ArbitrageLeg YesLeg, ArbitrageLeg NoLeg);

/// <summary>How an auto-close walk ended; sent to the market (through the region) and published on the event stream.</summary>
/// <param name="Market">The market.</param>
/// <param name="ExecutionId">The arbitrage whose excess was closed.</param>
/// <param name="Round">Which auto-close of the execution.</param>
/// <param name="Outcome">Closed, partially closed, floor reached, or unsellable.</param>
/// <param name="Closed">Contracts sold.</param>
/// <param name="Remaining">Excess left unsold.</param>
/// <param name="Proceeds">What the sales brought in, net of fees.</param>
/// <param name="RealizedLoss">Cost of the sold contracts minus the proceeds (positive is a loss).</param>
public sealed record AutoCloseReport(MarketId Market, ExecutionId ExecutionId, int Round, AutoCloseOutcome Outcome, Quantity Closed, Quantity Remaining, decimal Proceeds, decimal RealizedLoss) : IMarketCommand;
