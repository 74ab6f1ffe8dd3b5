namespace ActorExec.Cluster.Tests;

public sealed class ClusterOptionsSpec
{
    [Fact]
    public void Validate_Defaults_AreTheDocumentedValues()
    {
        var options = new ClusterOptions().Validate();

        options.Schema.Should().Be("public");
        options.ShardCount.Should().Be(256);
        options.HeartbeatInterval.Should().Be(TimeSpan.FromSeconds(1));
        options.LeaseTimeout.Should().Be(TimeSpan.FromSeconds(3));
        options.MaxMovesPerRound.Should().Be(25);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65_537)]
    public void Validate_ShardCountOutOfRange_NamesOptionAndValue(int shardCount)
    {
        var validate = () => new ClusterOptions { ShardCount = shardCount }.Validate();

        validate.Should().Throw<ArgumentOutOfRangeException>().WithMessage($"*ClusterOptions.ShardCount is {shardCount}*between 1 and 65536*");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65_536)]
    public void Validate_ShardCountAtBounds_IsAccepted(int shardCount)
        => new ClusterOptions { ShardCount = shardCount }.Validate().ShardCount.Should().Be(shardCount);

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public void Validate_LeaseTimeoutNotAboveHeartbeatInterval_NamesBothOptions(int heartbeatSeconds)
    {
        var validate = () => new ClusterOptions { HeartbeatInterval = TimeSpan.FromSeconds(heartbeatSeconds), LeaseTimeout = TimeSpan.FromSeconds(2) }.Validate();

        validate.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ClusterOptions.LeaseTimeout is 00:00:02*longer than ClusterOptions.HeartbeatInterval*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    public void Validate_HeartbeatIntervalNotPositive_NamesOption(int milliseconds)
    {
        var validate = () => new ClusterOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(milliseconds) }.Validate();

        validate.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ClusterOptions.HeartbeatInterval*must be positive*");
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("a-b")]
    [InlineData("1cluster")]
    [InlineData("")]
    [InlineData("x; DROP TABLE y")]
    public void Validate_SchemaNotAnIdentifier_NamesIt(string schema)
    {
        var validate = () => new ClusterOptions { Schema = schema }.Validate();

        validate.Should().Throw<ArgumentException>().WithMessage($"*ClusterOptions.Schema '{schema}'*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Validate_RebalanceFractionOutOfRange_NamesOption(double fraction)
    {
        var validate = () => new ClusterOptions { RebalanceFraction = fraction }.Validate();

        validate.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*ClusterOptions.RebalanceFraction*");
    }

    [Fact]
    public void MaxMovesPerRound_TinyCluster_IsAtLeastOne() => new ClusterOptions { ShardCount = 4 }.MaxMovesPerRound.Should().Be(1);
}
