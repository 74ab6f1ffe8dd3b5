namespace ActorExec.Trading.Slippage;

/// <summary>What taking a size from one side of a book would do: how much fills, at what total cost, over how many levels.</summary>
/// <param name="Filled">Contracts the side can fill (less than asked when the book is too thin).</param>
/// <param name="Cost">Σ price × size over the levels taken.</param>
/// <param name="LevelsUsed">How many levels the walk touched.</param>
public sealed record BookWalk(Quantity Filled, decimal Cost, int LevelsUsed)
{
    /// <summary>The volume-weighted average price of what filled; null when nothing did.</summary>
    public Price? AveragePrice => Filled.IsZero ? null : new Price(Cost / Filled.Value, "averagePrice");
}
