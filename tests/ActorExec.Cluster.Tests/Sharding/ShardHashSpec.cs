using System.Text;
using ActorExec.Cluster.Sharding;

namespace ActorExec.Cluster.Tests.Sharding;

public sealed class ShardHashSpec
{
    // Computed independently of this code (a few lines of Python over the UTF-8 bytes); "", "a" and
    // "foobar" are also the published FNV-1a 32-bit test vectors.
    [Theory]
    [InlineData("", 0x811C9DC5u)]
    [InlineData("a", 0xE40C292Cu)]
    [InlineData("foobar", 0xBF9CF968u)]
    [InlineData("BTC-USD", 0x76ED0931u)]
    [InlineData("ETH-EUR", 0x267AA535u)]
    [InlineData("AAPL.XNAS", 0x4EFE54F9u)]
    [InlineData("é", 0x1E9DE8C1u)]
    [InlineData("日本", 0x9F26EE51u)]
    public void Fnv1a32_KnownVectors_MatchReference(string text, uint expected) => ShardHash.Fnv1a32(text).Should().Be(expected);

    [Theory]
    [InlineData("", 256, 197)]
    [InlineData("BTC-USD", 256, 49)]
    [InlineData("AAPL.XNAS", 256, 249)]
    [InlineData("AAPL.XNAS", 128, 121)]
    [InlineData("é", 256, 193)]
    [InlineData("BTC-USD", 1, 0)]
    public void ShardOf_KnownMarkets_AreStable(string marketId, int shardCount, int expected) => ShardHash.ShardOf(marketId, shardCount).Should().Be(expected);

    [Fact]
    public void Fnv1a32_IdLongerThanStackBuffer_HashesItsUtf8Bytes()
    {
        var id = string.Concat(Enumerable.Repeat("MARKET-Ω-", 100));

        ShardHash.Fnv1a32(id).Should().Be(ShardHash.Fnv1a32(Encoding.UTF8.GetBytes(id)));
    }

    [Fact]
    public void ShardOf_ManyMarkets_EveryShardIsUsedAndInRange()
    {
        var shards = Enumerable.Range(0, 20_000).Select(i => ShardHash.ShardOf($"MKT-{i}", 256)).ToArray();

        shards.Should().OnlyContain(s => s >= 0 && s < 256);
        var perShard = shards.CountBy(s => s).ToDictionary();
        perShard.Should().HaveCount(256);
        perShard.Values.Min().Should().BeGreaterThan(20_000 / 256 / 2, "FNV-1a spreads similar ids evenly enough");
    }

    [Fact]
    public void ShardOf_HashAboveIntMax_UsesTheUnsignedHash() => ShardHash.ShardOf("a", 1000).Should().Be((int)(0xE40C292Cu % 1000));

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void ShardOf_ShardCountNotPositive_Throws(int shardCount)
    {
        var shardOf = () => ShardHash.ShardOf("BTC-USD", shardCount);

        shardOf.Should().Throw<ArgumentOutOfRangeException>();
    }
}
