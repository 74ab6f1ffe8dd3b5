namespace ActorExec.Cli.Tests;

public sealed class NodeAddressSpec
{
    [Theory]
    [InlineData("127.0.0.1:9110", "127.0.0.1", 9110, "http://127.0.0.1:9110/")]
    [InlineData("node-3.internal:19110", "node-3.internal", 19110, "http://node-3.internal:19110/")]
    [InlineData("[::1]:9110", "[::1]", 9110, "http://[::1]:9110/")]
    public void Parse_HostColonPort_GivesTheBaseUri(string value, string host, int port, string baseUri)
    {
        var address = NodeAddress.Parse(value, "--node");

        address.Should().Be(new NodeAddress(host, port));
        address.BaseUri.Should().Be(new Uri(baseUri));
        address.ToString().Should().Be(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9110")]
    [InlineData("host:")]
    [InlineData("host:+80")]
    [InlineData("[::1]")]
    [InlineData("[nonsense]:80")]
    [InlineData("host/path:80")]
    public void Parse_Otherwise_IsAUsageError(string value)
    {
        var parse = () => NodeAddress.Parse(value, "--node");

        parse.Should().Throw<CliException>().Which.ExitCode.Should().Be(2);
    }
}
