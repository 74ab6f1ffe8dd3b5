using ActorExec.Inspection;

namespace ActorExec.Cli.Rendering;

/// <summary><c>halt</c>, <c>resume</c>, <c>reduce-only</c>: the state the node is now in.</summary>
internal static class TradingStateView
{
    public static void Render(TradingStateInfo state, Screen screen) => screen.WriteLine($"trading state: {state.State}");
}
