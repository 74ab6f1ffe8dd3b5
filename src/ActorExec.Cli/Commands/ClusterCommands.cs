using System.CommandLine;
using ActorExec.Cli.Rendering;

namespace ActorExec.Cli.Commands;

/// <summary><c>cluster show</c>, <c>cluster leave &lt;node-id&gt;</c> and <c>shards show [--owner N]</c>.</summary>
internal static class ClusterCommands
{
    public static void AddTo(RootCommand root, CommandRunner runner)
    {
        var show = new Command("show", "Members: incarnation, address, status, heartbeat age, shards; the node that answered is marked *");
        runner.Handle(show, (_, client, ct) => client.GetClusterAsync(ct), ClusterView.Render);

        // Exactly one: a missing id is the parser's usage error ("Required argument 'node-id' missing
        // for command: 'leave'"); the parser below only refuses an id that is blank.
        var nodeId = new Argument<string>("node-id")
        {
            Description = "The id of the up member to leave (cluster show lists them)",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
                if (text.Length > 0)
                {
                    return text;
                }
                result.AddError("cluster leave needs a node id, not a blank one: actorexec cluster leave <node-id>");
                return null;
            },
        };
        var leave = new Command("leave", "Ask a member to leave: it hands its shards off, then exits (needs the token)") { nodeId };
        runner.Handle(leave, (result, client, ct) => client.LeaveAsync(result.GetRequiredValue(nodeId), ct), ClusterView.RenderLeave);
        root.Subcommands.Add(new Command("cluster", "The cluster this node belongs to: members, leaving") { show, leave });

        var owner = new Option<string?>("--owner") { Description = "Only the shards this node id holds", HelpName = "node-id" };
        var shards = new Command("show", "Each shard's owner, epoch and lease, then how many each owner holds") { owner };
        runner.Handle(shards, (result, client, ct) => client.GetShardsAsync(result.GetValue(owner), ct), ShardView.Render);
        root.Subcommands.Add(new Command("shards", "Shard ownership across the cluster") { shards });
    }
}
