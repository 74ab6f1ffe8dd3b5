using System.CommandLine;
using ActorExec.Node.Configuration;

namespace ActorExec.Node.Hosting;

/// <summary>The node's command line: which configuration to load and the few settings worth a flag.</summary>
internal static class NodeCommandLine
{
    /// <summary>The longest <c>actorexec.node.shutdown-timeout</c> a configuration may set.</summary>
    public static readonly TimeSpan MaxShutdownTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How the command line runs the node. On SIGTERM/SIGINT System.CommandLine cancels the start-up and
    /// then, by default, lets the signal kill the process after 2 s (exit 143) — in the middle of a
    /// graceful stop that waits for in-flight executions. The grace here outlasts the longest stop a
    /// valid configuration allows (the shutdown timeout for in-flight work, again for the actors, then
    /// the journal flush), so only the node decides when it exits.
    /// </summary>
    public static InvocationConfiguration Invocation { get; } = new() { ProcessTerminationTimeout = MaxShutdownTimeout * 2 + TimeSpan.FromMinutes(5) };

    public static RootCommand Create(Func<NodeArguments, CancellationToken, Task<int>> run, Func<NodeArguments, CancellationToken, Task<int>>? runPaperExchange = null)
    {
        var config = new Option<FileInfo?>("--config") { Description = "A HOCON file layered over the profile (it may include \"paper.conf\" etc.)" };
        var profile = new Option<string>("--profile")
        {
            Description = "Which shipped profile to start from: paper (default; SQLite, two paper venues, the sample strategy), cluster (PostgreSQL) or live",
            DefaultValueFactory = _ => "paper",
        };
        profile.AcceptOnlyFromAmong(NodeConfiguration.Profiles);
        var nodeId = new Option<string?>("--node-id") { Description = "This node's id (actorexec.node.id)" };
        var port = new Option<int?>("--port") { Description = "Inspection endpoint port (actorexec.inspection.port; 0 picks a free one)" };
        var data = new Option<string?>("--data") { Description = "Data directory for the SQLite journal and logs (actorexec.node.data-dir)" };
        var root = new RootCommand(
            "ActorExec node: the execution engine on a journal, with paper venues, the sample strategy and the inspection endpoint (127.0.0.1:9110). " +
            "Configuration: hocon/reference.conf documents every setting; environment variables ACTOREXEC__section__key override files. " +
            "Stop with Ctrl+C or SIGTERM: intake stops, in-flight orders reach a persisted state, exit code 0. Exit code 2: invalid configuration.")
        {
            config, profile, nodeId, port, data,
        };
        root.SetAction((result, cancellationToken) => run(
            new NodeArguments(result.GetValue(config)?.FullName, result.GetValue(profile)!, result.GetValue(nodeId), result.GetValue(port), result.GetValue(data)),
            cancellationToken));
        if (runPaperExchange is not null)
            root.Subcommands.Add(PaperExchange(config, profile, runPaperExchange));
        return root;
    }

    /// <summary><c>paper-exchange</c>: serves the configured paper venues over HTTP instead of running a node (same <c>--profile</c> and <c>--config</c>).</summary>
    private static Command PaperExchange(Option<FileInfo?> config, Option<string> profile, Func<NodeArguments, CancellationToken, Task<int>> run)
    {
        var command = new Command("paper-exchange",
            "Serve the configured paper venues (same markets, seeds and simulation as a node's) over HTTP/JSON on actorexec.paper-exchange.listen " +
            "(127.0.0.1:9300), so that several nodes trade on the same venues: start them with ACTOREXEC_PAPER_EXCHANGE=http://127.0.0.1:9300. " +
            "Prints \"paper exchange listening on http://HOST:PORT\" once serving; stop with Ctrl+C or SIGTERM (exit code 0).")
        {
            config, profile,
        };
        command.SetAction((result, cancellationToken) => run(
            new NodeArguments(result.GetValue(config)?.FullName, result.GetValue(profile)!, null, null, null), cancellationToken));
        return command;
    }
}
