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
    [InlineData("live", false)]
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
