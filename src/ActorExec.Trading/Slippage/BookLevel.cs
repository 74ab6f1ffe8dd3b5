namespace ActorExec.Trading.Slippage;

/// <summary>One price level of one side of an order book: the price and the size visible at it.</summary>
/// <param name="Price">The level's price.</param>
/// <param name="Size">Contracts visible at that price; books only hold positive sizes (validated by <see cref="OrderBookSide"/>).</param>
public readonly record struct BookLevel(Price Price, Quantity Size);
