using ActorExec.Venues.Paper.Internal;

namespace ActorExec.Venues.Tests.Paper.Internal;

public sealed class SeedsSpec
{
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Fnv1a_KnownVectors_MatchTheReferenceHash(string text, uint expected)
        => Seeds.Fnv1a(text).Should().Be(expected);

    [Fact]
    public void Derive_SameInputs_GiveTheSameSeedAndOtherInputsAnother()
    {
        var seed = Seeds.Derive(1, Seeds.Walk, "m-1");

        Seeds.Derive(1, Seeds.Walk, "m-1").Should().Be(seed);
        new[] { Seeds.Derive(2, Seeds.Walk, "m-1"), Seeds.Derive(1, Seeds.Sizes, "m-1"), Seeds.Derive(1, Seeds.Walk, "m-2"), Seeds.Derive(1, Seeds.Walk) }
            .Should().NotContain(seed).And.OnlyHaveUniqueItems();
    }
}
