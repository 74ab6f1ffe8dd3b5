using ActorExec.Actors;

namespace ActorExec.Cluster.Runtime;

/// <summary>
/// What the cluster needs to know about the entities it shards (the engine's markets, for instance),
/// without knowing what they are: how to find a message's entity, how a shard's entities are hosted,
/// and how messages are wrapped for that host.
/// </summary>
public interface IShardedEntities
{
    /// <summary>The entity a message is for (hashed to its shard), or null when it is not for an entity.</summary>
    string? EntityKeyOf(object message);

    /// <summary>The message as it travels to another node: routing envelopes removed.</summary>
    object Unwrap(object message);

    /// <summary>The message for the shard host, for entity <paramref name="entityKey"/> (the message may be a <c>ReceiptedMessage</c>).</summary>
    object Wrap(string entityKey, object message);

    /// <summary>The actor hosting one shard's entities; the region adds the shard's write fence.</summary>
    Props ShardHostProps(int shardId);

    /// <summary>True for a query every local shard host answers (the region combines the answers).</summary>
    bool IsLocalQuery(object message);

    /// <summary>Combines the local shard hosts' answers to a <see cref="IsLocalQuery"/> query.</summary>
    object CombineLocal(object query, IReadOnlyList<object> answers);

    /// <summary>The answer to a message that arrives while the coordinator is unreachable, or null to hold it until it is back.</summary>
    object? RefusalWhileUnavailable(object message);
}
