using ActorExec.Venues.Polymarket.Signing;

namespace ActorExec.Venues.Tests.Polymarket.Signing;

public sealed class EthereumAddressSpec
{
    // EIP-55's own test cases (all caps, all lower, normal).
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void IsValid_Eip55Examples_AreValid(string address)
    {
        EthereumAddress.IsValid(address).Should().BeTrue();
    }

    [Theory]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("FB6916095CA1DF60BB79CE92CE3EA74C37C5D359", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    public void ToChecksum_AnyCase_GivesEip55Form(string input, string expected)
    {
        EthereumAddress.ToChecksum(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")] // one letter's case flipped
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")]
    [InlineData("0xZaAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("")]
    public void IsValid_BadChecksumLengthCharsOrPrefix_IsFalse(string address)
    {
        EthereumAddress.IsValid(address).Should().BeFalse();
    }

    [Fact]
    public void ToChecksum_Malformed_ThrowsNamingTheInput()
    {
        FluentActions.Invoking(() => EthereumAddress.ToChecksum("0x1234")).Should().Throw<ArgumentException>().WithMessage("*'0x1234' is not an Ethereum address*");
        FluentActions.Invoking(() => EthereumAddress.ToChecksum("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).Should().Throw<ArgumentException>().WithMessage("*fails its EIP-55 checksum*");
    }

    [Fact]
    public void ToBytes_ReturnsTheTwentyBytes()
    {
        EthereumAddress.ToBytes("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").Should().Equal(Convert.FromHexString("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    }
}
