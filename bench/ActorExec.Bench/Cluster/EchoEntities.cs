using ActorExec.Actors;
using ActorExec.Actors.Persistence;
using ActorExec.Cluster.Runtime;

namespace ActorExec.Bench.Cluster;

/// <summary>A ping carrying when it was sent (the nodes share this process's clock, so one-way latency is exact).</summary>
internal sealed record Ping(string Key, long SentAt);

/// <summary>The answer to a <see cref="Ping"/>.</summary>
internal sealed record Pong(string Key, long SentAt);

/// <summary>A message for one echo entity, as its shard host receives it.</summary>
internal sealed record ForEcho(string Key, object Message);

/// <summary>
/// The smallest sharded entity: it records each ping's one-way latency and answers it. It writes
/// nothing, so an inbox delivery settles at once: what is measured is the cluster's delivery path.
/// </summary>
internal sealed class EchoEntities(DeliveryLog log) : IShardedEntities
{
    public string? EntityKeyOf(object message) => message is Ping ping ? ping.Key : null;

    public object Unwrap(object message) => message;

    public object Wrap(string entityKey, object message) => new ForEcho(entityKey, message);

    public Props ShardHostProps(int shardId) => Props.Create(() => new EchoHost(log));

    public bool IsLocalQuery(object message) => false;

    public object CombineLocal(object query, IReadOnlyList<object> answers) => answers;

    public object? RefusalWhileUnavailable(object message) => null;

    private sealed class EchoHost : ReceiveActor
    {
        public EchoHost(DeliveryLog log)
            => Receive<ForEcho>(envelope =>
            {
                var message = envelope.Message;
                if (message is ReceiptedMessage receipted)
                {
                    receipted.Settle(ReceiptOutcome.NoWrite);
                    message = receipted.Message;
                }
                var ping = (Ping)message;
                log.Delivered(ping.SentAt);
                Sender?.Tell(new Pong(ping.Key, ping.SentAt), Self);
            });
    }
}

/// <summary>Deliveries seen by the echo entities: count and one-way latencies.</summary>
internal sealed class DeliveryLog
{
    private readonly Lock _gate = new();
    private List<double> _latenciesMs = [];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Delivered(long sentAt)
    {
        var ms = System.Diagnostics.Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
        lock (_gate)
            _latenciesMs.Add(ms);
        Interlocked.Increment(ref _count);
    }

    public List<double> Take()
    {
        lock (_gate)
        {
            var taken = _latenciesMs;
            _latenciesMs = [];
            Interlocked.Exchange(ref _count, 0);
            return taken;
        }
    }
}
