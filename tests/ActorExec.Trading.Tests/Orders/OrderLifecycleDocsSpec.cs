using ActorExec.Trading.Orders;

namespace ActorExec.Trading.Tests.Orders;

/// <summary>The README's lifecycle section is generated from the transition table; this keeps them equal.</summary>
public sealed class OrderLifecycleDocsSpec
{
    private const string Begin = "<!-- order-lifecycle:begin (generated from OrderTransitions.Table; OrderLifecycleDocsSpec checks it) -->";
    private const string End = "<!-- order-lifecycle:end -->";

    /// <summary>The exact text between the markers.</summary>
    public static string Generated()
        => $"\n```mermaid\n{OrderTransitions.ToMermaid()}```\n\n{OrderTransitions.ToMarkdownTable()}";

    [Fact]
    public void Readme_LifecycleSection_MatchesTheTransitionTable()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "README.md needs the marker {0}", Begin);
        end.Should().BeGreaterThan(start, "README.md needs the marker {0}", End);

        var documented = readme[(start + Begin.Length)..end];
        documented.Should().Be(Generated(), "README.md must show the transition table as it is; paste this between the markers:\n{0}", Generated());
    }
}
