using ActorExec.Actors.Persistence.Serialization;

namespace ActorExec.Persistence.Sql.Tests.Fixtures;

public sealed record Evt(string Value);
public sealed record Counted(int Count);
public sealed record Big(string Blob);

/// <summary>Has no manifest: the journal must reject it.</summary>
public sealed record Unregistered(string Value);

public static class TestSerialization
{
    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<Evt>("test-evt.v1")
        .Register<Counted>("test-counted.v1")
        .Register<Big>("test-big.v1")
        .Register<LedgerState>("test-ledger-state.v1");

    public static IEventSerializer Serializer() => new JsonEventSerializer(Registry());
}

/// <summary>A serializer that can stop knowing a manifest, as code that removed an event type would.</summary>
public sealed class ForgetfulSerializer(IEventSerializer inner) : IEventSerializer
{
    private readonly HashSet<string> _forgotten = [];

    public void Forget(string manifest)
    {
        lock (_forgotten)
            _forgotten.Add(manifest);
    }

    public SerializedEvent Serialize(object value) => inner.Serialize(value);

    public object Deserialize(string manifest, string payload)
    {
        lock (_forgotten)
        {
            if (_forgotten.Contains(manifest))
                throw new UnknownManifestException(manifest);
        }
        return inner.Deserialize(manifest, payload);
    }
}

public sealed record LedgerState(string[] Events);
