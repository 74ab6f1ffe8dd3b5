using ActorExec.Cluster.Runtime;

namespace ActorExec.Node.Cluster;

/// <summary>The engine's markets as the cluster's sharded entities (the glue between the two, which know nothing of each other).</summary>
internal sealed class MarketEntities(MarketShards shards) : IShardedEntities
{
    public string? EntityKeyOf(object message) => MarketShards.MarketOf(message);

    public object Unwrap(object message) => MarketShards.Unwrap(message);

    public object Wrap(string entityKey, object message) => MarketShards.Wrap(entityKey, message);

    public Props ShardHostProps(int shardId) => shards.ShardHost(shardId);

    public bool IsLocalQuery(object message) => MarketShards.IsLocalQuery(message);

    public object CombineLocal(object query, IReadOnlyList<object> answers) => MarketShards.CombineLocal(query, answers);

    public object? RefusalWhileUnavailable(object message) => MarketShards.RefusalWhileUnavailable(message, "PostgreSQL unreachable");
}
