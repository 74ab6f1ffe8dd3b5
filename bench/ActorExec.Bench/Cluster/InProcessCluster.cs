using System.Text.Json;
using ActorExec.Actors;
using ActorExec.Actors.Persistence.Serialization;
using ActorExec.Cluster;
using ActorExec.Cluster.Runtime;
using ActorExec.Cluster.Sharding;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ActorExec.Bench.Cluster;

/// <summary>Three cluster nodes (each its own actor system and coordinator connection) in this process, sharding <see cref="EchoEntities"/>.</summary>
internal sealed class InProcessCluster : IAsyncDisposable
{
    private readonly List<(ActorSystem System, ClusterNode Node, IActorRef Region)> _nodes = [];

    private InProcessCluster(NpgsqlDataSource dataSource, ClusterOptions options)
    {
        DataSource = dataSource;
        Options = options;
    }

    public NpgsqlDataSource DataSource { get; }

    public ClusterOptions Options { get; }

    public DeliveryLog Deliveries { get; } = new();

    public IReadOnlyList<(ActorSystem System, ClusterNode Node, IActorRef Region)> Nodes => _nodes;

    public static async Task<InProcessCluster> StartAsync(string connectionString, string schema, int nodes)
    {
        var cluster = new InProcessCluster(NpgsqlDataSource.Create(connectionString), new ClusterOptions { Schema = schema });
        for (var i = 1; i <= nodes; i++)
        {
            var registry = new EventTypeRegistry().Register<Ping>("bench-ping").Register<Pong>("bench-pong");
            var node = await ClusterNode.JoinAsync(cluster.DataSource, cluster.Options, new ClusterRuntimeOptions(), $"bench-{i}", "in-process",
                registry, JsonSerializerOptions.Default, NullLogger.Instance);
            var system = ActorSystem.Create($"bench-{i}");
            var region = system.ActorOf(node.RegionProps(new EchoEntities(cluster.Deliveries)), "shards");
            node.Start(region);
            cluster._nodes.Add((system, node, region));
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (cluster._nodes.Sum(n => n.Node.OwnedShards.Count) < cluster.Options.ShardCount
               || cluster._nodes.Max(n => n.Node.OwnedShards.Count) - cluster._nodes.Min(n => n.Node.OwnedShards.Count) > 1)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the in-process nodes did not spread the shards within 60 s");
            await Task.Delay(100);
        }
        return cluster;
    }

    /// <summary>Entity keys whose shard node <paramref name="index"/> owns.</summary>
    public List<string> KeysOwnedBy(int index, int count)
    {
        var owned = _nodes[index].Node.OwnedShards;
        return [.. Enumerable.Range(0, int.MaxValue).Select(i => $"echo-{i}").Where(k => owned.ContainsKey(ShardHash.ShardOf(k, Options.ShardCount))).Take(count)];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (system, node, _) in _nodes)
        {
            await node.DisposeAsync();
            await system.Terminate();
        }
        await DataSource.DisposeAsync();
    }
}
