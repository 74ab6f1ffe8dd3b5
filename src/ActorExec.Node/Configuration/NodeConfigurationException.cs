namespace ActorExec.Node.Configuration;

/// <summary>The configuration cannot start a node: every problem found, each with its file, line and key.</summary>
internal sealed class NodeConfigurationException(IReadOnlyList<string> problems)
    : Exception("invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
