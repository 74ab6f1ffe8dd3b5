using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.Serialization;

namespace ActorExec.Actors.Tests.Persistence;

public sealed class SerializationSpec
{
    private sealed record Placed(string OrderId, decimal Price);
    private sealed record Renamed(string OrderId, decimal Price);
    private sealed record Unknown(string X);

    [Fact]
    public void Serialize_RegisteredType_WritesManifestAndReadableJson()
    {
        var serializer = new JsonEventSerializer(new EventTypeRegistry().Register<Placed>("order-placed.v1"));
        var stored = serializer.Serialize(new Placed("o-1", 0.42m));
        stored.Manifest.Should().Be("order-placed.v1");
        stored.Payload.Should().Be("""{"OrderId":"o-1","Price":0.42}""");
        serializer.Deserialize(stored.Manifest, stored.Payload).Should().Be(new Placed("o-1", 0.42m));
    }

    [Fact]
    public void Deserialize_ManifestNowMappedToARenamedClass_StillReadsOldHistory()
    {
        var written = new JsonEventSerializer(new EventTypeRegistry().Register<Placed>("order-placed.v1")).Serialize(new Placed("o-1", 1m));
        var reader = new JsonEventSerializer(new EventTypeRegistry().Register<Renamed>("order-placed.v1"));
        reader.Deserialize(written.Manifest, written.Payload).Should().Be(new Renamed("o-1", 1m));
    }

    [Fact]
    public void Serialize_UnregisteredType_ThrowsNamingTheType()
    {
        var act = () => new JsonEventSerializer(new EventTypeRegistry()).Serialize(new Unknown("x"));
        act.Should().Throw<EventSerializationException>().WithMessage($"*{nameof(Unknown)}*register*");
    }

    [Fact]
    public void Deserialize_UnknownManifest_ThrowsNamingTheManifest()
    {
        var act = () => new JsonEventSerializer(new EventTypeRegistry()).Deserialize("gone.v1", "{}");
        act.Should().Throw<UnknownManifestException>().Which.Manifest.Should().Be("gone.v1");
    }

    [Fact]
    public void Register_SameManifestForTwoTypes_Throws()
    {
        var registry = new EventTypeRegistry().Register<Placed>("m.v1");
        var act = () => registry.Register<Renamed>("m.v1");
        act.Should().Throw<ArgumentException>().WithMessage("*'m.v1'*already registered*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    public void Register_BlankOrSpacedManifest_Throws(string manifest)
    {
        var act = () => new EventTypeRegistry().Register<Placed>(manifest);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AtomicWrite_NonContiguousOrMixedEvents_AreRefused()
    {
        var at = DateTimeOffset.UnixEpoch;
        var gap = () => new AtomicWrite([new("a", 1, "x", at, []), new("a", 3, "y", at, [])]);
        var mixed = () => new AtomicWrite([new("a", 1, "x", at, []), new("b", 2, "y", at, [])]);
        gap.Should().Throw<ArgumentException>().WithMessage("*1 then 3*");
        mixed.Should().Throw<ArgumentException>().WithMessage("*'a'*'b'*");
    }

    [Theory]
    [InlineData(10, 10, true)]
    [InlineData(11, 10, false)]
    public void SnapshotSelectionCriteria_BoundsAreInclusive(long sequenceNr, long max, bool matches)
        => new SnapshotSelectionCriteria(MaxSequenceNr: max).Matches(new SnapshotMetadata("p", sequenceNr, DateTimeOffset.UnixEpoch)).Should().Be(matches);
}
