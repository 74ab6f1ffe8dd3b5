using System.Net;
using ActorExec.Node.Configuration;

namespace ActorExec.Node.Tests.Configuration;

/// <summary><c>actorexec.paper-exchange</c>: its defaults, overrides, and bad values failing with the key.</summary>
public sealed class PaperExchangeSettingsSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actorexec-exchange-config-").FullName;

    [Fact]
    public void Load_Defaults_ListenOnLoopback9300AndTradeInProcess()
    {
        var settings = Load([]);

        settings.PaperExchange.Listen.Should().Be(new IPEndPoint(IPAddress.Loopback, 9300));
        settings.PaperExchange.Url.Should().BeNull();
    }

    [Fact]
    public void Load_Overrides_ReadListenAndUrl()
    {
        var settings = Load(new()
        {
            ["ACTOREXEC__paper-exchange__listen"] = "[::1]:0",
            ["ACTOREXEC__paper-exchange__url"] = "http://127.0.0.1:9301",
        });

        settings.PaperExchange.Listen.Should().Be(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        settings.PaperExchange.Url.Should().Be(new Uri("http://127.0.0.1:9301"));
    }

    [Fact]
    public void Load_BadValues_FailNamingTheKeyAndTheValue()
    {
        var act = () => Load(new()
        {
            ["ACTOREXEC__paper-exchange__listen"] = "localhost:9300",
            ["ACTOREXEC__paper-exchange__url"] = "127.0.0.1:9300",
        });

        var problems = act.Should().Throw<NodeConfigurationException>().Which.Problems;
        problems.Should().Contain(p => p.Contains("actorexec.paper-exchange.listen") && p.Contains("'localhost:9300'"));
        problems.Should().Contain(p => p.Contains("actorexec.paper-exchange.url") && p.Contains("'127.0.0.1:9300'") && p.Contains("http://"));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("::1")]
    public void Load_ListenWithoutAValidPort_Fails(string listen)
    {
        var act = () => Load(new() { ["ACTOREXEC__paper-exchange__listen"] = listen });

        act.Should().Throw<NodeConfigurationException>().Which.Problems.Should().ContainSingle().Which.Should().Contain("actorexec.paper-exchange.listen");
    }

    private NodeSettings Load(Dictionary<string, string?> environment)
        => NodeConfiguration.Load(new NodeArguments(null, "paper", null, null, _dir), environment).Settings;

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
