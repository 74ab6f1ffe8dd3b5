using ActorExec.Node.Configuration;

namespace ActorExec.Node.Tests.Configuration;

/// <summary>The shipped profiles load, layers override in order, and bad values fail with where they came from.</summary>
public sealed class NodeConfigurationSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actorexec-config-").FullName;
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Theory]
    [InlineData("paper", true)]
    [InlineData("cluster", true)]
    public void Load_ShippedProfile_ReadsEverySetting(string profile, bool demo)
    {
        var (_, settings, warnings) = NodeConfiguration.Load(new NodeArguments(null, profile, null, null, _dir), new Dictionary<string, string?> { ["ACTOREXEC_POSTGRES"] = null });

        warnings.Should().BeEmpty();
        settings.Profile.Should().Be(profile);
        settings.DataDir.Should().Be(Path.GetFullPath(_dir));
        settings.Inspection.Port.Should().Be(9110);
        settings.Inspection.IsLoopback.Should().BeTrue();
        settings.Demo.Enabled.Should().Be(demo);
        settings.Venues.Select(v => v.Name).Should().Equal("kalshi", "polymarket");
        settings.Venues[1].Supervisor.BreakerOpenDuration.Should().Be(TimeSpan.FromSeconds(30), "venues inherit venue-defaults");
    }

    [Fact]
    public void Load_LiveProfileWithoutMarkets_FailsNamingTheMarketMaps()
    {
        var act = () => NodeConfiguration.Load(new NodeArguments(null, "live", null, null, _dir), NoEnvironment);

        var problems = act.Should().Throw<NodeConfigurationException>().Which.Problems;
        problems.Should().HaveCount(2);
        problems.Should().Contain(p => p.Contains("actorexec.venues.kalshi.live.markets") && p.Contains("no market is mapped"));
        problems.Should().Contain(p => p.Contains("actorexec.venues.polymarket.live.markets"));
    }

    [Fact]
    public void Load_LiveProfile_ReadsTheLiveVenuesWithTierLimitsAndSecretSourcesOnly()
    {
        var file = Write("markets.conf", """
            include "live.conf"
            actorexec.venues.kalshi.live {
              tier = advanced
              private-key { file = "/run/secrets/kalshi.pem" }
              markets { fed-dec = "KXFED-25DEC-T4.00" }
            }
            actorexec.venues.polymarket.live {
              funder-address = "0x1111111111111111111111111111111111111111"
              signature-type = poly-proxy
              markets { fed-dec = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1" }
            }
            """);

        var (_, settings, warnings) = NodeConfiguration.Load(new NodeArguments(file, "live", null, null, _dir), NoEnvironment);

        warnings.Should().BeEmpty("market maps and live settings are known keys");
        settings.Demo.Enabled.Should().BeFalse();
        var kalshi = settings.Venues.Single(v => v.Name == "kalshi");
        kalshi.Kind.Should().Be("live-kalshi");
        var live = kalshi.Live.Should().BeOfType<KalshiLiveSettings>().Subject;
        live.ApiUrl.Should().Be(new Uri("https://api.elections.kalshi.com/trade-api/v2"));
        live.PrivateKey.Should().Be(new ActorExec.Venues.Credentials.SecretSource("KALSHI_PRIVATE_KEY", "/run/secrets/kalshi.pem"));
        live.KeyId.Environment.Should().Be("KALSHI_API_KEY_ID");
        live.Markets.Should().Equal(new Dictionary<ActorExec.Trading.MarketId, string> { [new ActorExec.Trading.MarketId("fed-dec")] = "KXFED-25DEC-T4.00" });
        kalshi.Supervisor.ReadsPerSecond.Should().Be(30, "the advanced tier's published limits");
        kalshi.Supervisor.WritesPerSecond.Should().Be(30);
        var poly = settings.Venues.Single(v => v.Name == "polymarket").Live.Should().BeOfType<PolymarketLiveSettings>().Subject;
        poly.ChainId.Should().Be(137);
        poly.SignatureType.Should().Be("poly-proxy");
        poly.FunderAddress.Should().Be("0x1111111111111111111111111111111111111111");
        poly.ApiSecret.Should().Be(new ActorExec.Venues.Credentials.SecretSource("POLYMARKET_API_SECRET", null));
        poly.HeartbeatInterval.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Load_LiveVenueWithBadValues_FailsNamingEach()
    {
        var file = Write("bad-live.conf", """
            include "live.conf"
            actorexec.venues.kalshi.live {
              tier = gold
              api-url = "ftp://example.com"
              key-id { env = "", file = "" }
              markets { fed-dec = "KX" }
            }
            actorexec.venues.polymarket.live {
              funder-address = "0x12"
              builder-code = "0x1"
              heartbeat-interval = 30s
              markets { "bad id" = "0xabc" }
            }
            """);

        var act = () => NodeConfiguration.Load(new NodeArguments(file, "live", null, null, _dir), NoEnvironment);

        var problems = act.Should().Throw<NodeConfigurationException>().Which.Problems;
        problems.Should().Contain(p => p.Contains("actorexec.venues.kalshi.live.tier") && p.Contains("'gold'"));
        problems.Should().Contain(p => p.Contains("actorexec.venues.kalshi.live.api-url") && p.Contains("ftp://example.com"));
        problems.Should().Contain(p => p.Contains("actorexec.venues.kalshi.live.key-id") && p.Contains("env = VARIABLE"));
        problems.Should().Contain(p => p.Contains("actorexec.venues.polymarket.live.funder-address") && p.Contains("'0x12'"));
        problems.Should().Contain(p => p.Contains("actorexec.venues.polymarket.live.markets") && p.Contains("whitespace"));
        problems.Should().Contain(p => p.Contains("actorexec.venues.polymarket.live.builder-code") && p.Contains("'0x1'"));
        problems.Should().Contain(p => p.Contains("actorexec.venues.polymarket.live.heartbeat-interval") && p.Contains("out of range"));
    }

    [Fact]
    public void Load_Layers_CommandLineBeatsEnvironmentBeatsFiles()
    {
        var file = Write("mine.conf", """
            include "paper.conf"
            actorexec.node.id = "from-file"
            actorexec.engine.cooldown = 7s
            actorexec.inspection.port = 9200
            """);
        var environment = new Dictionary<string, string?> { ["ACTOREXEC__engine__cooldown"] = "5s", ["ACTOREXEC__inspection__port"] = "9300" };

        var (_, settings, _) = NodeConfiguration.Load(new NodeArguments(file, "paper", null, 9400, _dir), environment);

        settings.NodeId.Should().Be("from-file");
        settings.Engine.InFlight.Cooldown.Should().Be(TimeSpan.FromSeconds(5));
        settings.Inspection.Port.Should().Be(9400);
    }

    [Fact]
    public void Load_InvalidValue_FailsNamingFileLineKeyAndReason()
    {
        var file = Write("bad.conf", """
            actorexec {
              engine {
                cooldown = soon
              }
              inspection.port = 70000
            }
            """);

        var act = () => NodeConfiguration.Load(new NodeArguments(file, "paper", null, null, _dir), NoEnvironment);

        var problems = act.Should().Throw<NodeConfigurationException>().Which.Problems;
        problems.Should().Contain(p => p.Contains("bad.conf:3") && p.Contains("actorexec.engine.cooldown") && p.Contains("duration") && p.Contains("'soon'"));
        problems.Should().Contain(p => p.Contains("bad.conf:5") && p.Contains("actorexec.inspection.port") && p.Contains("out of range"));
    }

    [Fact]
    public void Load_InvalidEnvironmentValue_NamesTheVariable()
    {
        var act = () => NodeConfiguration.Load(new NodeArguments(null, "paper", null, null, _dir), new Dictionary<string, string?> { ["ACTOREXEC__demo__markets"] = "many" });

        act.Should().Throw<NodeConfigurationException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Contain("ACTOREXEC__demo__markets").And.Contain("'many'");
    }

    [Fact]
    public void Load_UnknownKey_WarnsWithTheClosestKnownKey()
    {
        var file = Write("typo.conf", """
            include "paper.conf"
            actorexec.engine.cooldwn = 5s
            actorexec.venues.kalshi.rate-limit.writes-per-secnd = 3
            """);

        var (_, _, warnings) = NodeConfiguration.Load(new NodeArguments(file, "paper", null, null, _dir), NoEnvironment);

        warnings.Should().Contain(w => w.Contains("actorexec.engine.cooldwn") && w.Contains("actorexec.engine.cooldown") && w.Contains("typo.conf:2"));
        warnings.Should().Contain(w => w.Contains("writes-per-secnd") && w.Contains("writes-per-second"));
    }

    [Fact]
    public void Load_MalformedFile_FailsWithTheLocation()
    {
        var file = Write("broken.conf", "actorexec {\n  node.id = \"x\"\n");

        var act = () => NodeConfiguration.Load(new NodeArguments(file, "paper", null, null, _dir), NoEnvironment);

        act.Should().Throw<NodeConfigurationException>().Which.Message.Should().Contain("broken.conf");
    }

    [Fact]
    public void Load_MissingConfigFileOrUnknownProfile_FailsClearly()
    {
        FluentActions.Invoking(() => NodeConfiguration.Load(new NodeArguments(Path.Combine(_dir, "nope.conf"), "paper", null, null, _dir), NoEnvironment))
            .Should().Throw<NodeConfigurationException>().WithMessage("*nope.conf*does not exist*");
        FluentActions.Invoking(() => NodeConfiguration.Load(new NodeArguments(null, "staging", null, null, _dir), NoEnvironment))
            .Should().Throw<NodeConfigurationException>().WithMessage("*unknown profile 'staging'*");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        // The profiles are included from the shipped directory, as the node resolves them.
        foreach (var shipped in Directory.GetFiles(NodeConfiguration.ShippedDirectory, "*.conf"))
            File.Copy(shipped, Path.Combine(_dir, Path.GetFileName(shipped)), overwrite: true);
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
