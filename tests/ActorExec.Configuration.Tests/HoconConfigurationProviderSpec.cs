using ActorExec.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace ActorExec.Configuration.Tests;

public sealed class HoconConfigurationProviderSpec
{
    private const string Paper = """
        engine {
          cooldown = 10s
          max-markets = 25
          enabled = true
          seeds = [ "node-a:4000", "node-b:4000" ]
          empty-list = []
          nothing = null
        }
        venues = [ { name = paper, fee = 0.01 } ]
        """;

    private static IConfigurationRoot Build(string hocon) =>
        new ConfigurationBuilder().AddHoconText(hocon, "hocon/paper.conf", Hocon.Environment()).Build();

    [Fact]
    public void Load_NestedObjectsAndArrays_FlattenToColonKeys()
    {
        var configuration = Build(Paper);

        configuration.AsEnumerable().Where(e => e.Value is not null).OrderBy(e => e.Key, StringComparer.Ordinal)
            .Should().Equal(
                new KeyValuePair<string, string?>("engine:cooldown", "10s"),
                new KeyValuePair<string, string?>("engine:enabled", "true"),
                new KeyValuePair<string, string?>("engine:max-markets", "25"),
                new KeyValuePair<string, string?>("engine:seeds:0", "node-a:4000"),
                new KeyValuePair<string, string?>("engine:seeds:1", "node-b:4000"),
                new KeyValuePair<string, string?>("venues:0:fee", "0.01"),
                new KeyValuePair<string, string?>("venues:0:name", "paper"));
    }

    [Fact]
    public void Load_EmptyArrayAndNull_AreKeysWithoutValue()
    {
        var provider = (HoconConfigurationProvider)Build(Paper).Providers.Single();

        provider.TryGet("engine:empty-list", out var list).Should().BeTrue();
        list.Should().BeNull();
        provider.TryGet("engine:nothing", out var nothing).Should().BeTrue();
        nothing.Should().BeNull();
    }

    [Fact]
    public void Load_Durations_StayAsWrittenForOptionsCodeToConvert()
    {
        var configuration = Build("engine.cooldown = 1 h\nengine.timeout = 500");

        HoconDurations.Parse(configuration["engine:cooldown"]!).Should().Be(TimeSpan.FromHours(1));
        HoconDurations.Parse(configuration["engine:timeout"]!).Should().Be(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void TryGetOrigin_EveryKey_NamesFileLineAndColumnOfItsDefinition()
    {
        var provider = (HoconConfigurationProvider)Build(Paper).Providers.Single();

        provider.TryGetOrigin("engine:cooldown", out var cooldown).Should().BeTrue();
        cooldown.ToString().Should().Be("hocon/paper.conf:2:3");
        provider.TryGetOrigin("ENGINE:MAX-MARKETS", out var markets).Should().BeTrue("configuration keys are case-insensitive");
        markets.Should().Be(new HoconOrigin("hocon/paper.conf", 3, 3));
        provider.TryGetOrigin("engine:seeds:1", out var seed).Should().BeTrue();
        seed.Should().Be(new HoconOrigin("hocon/paper.conf", 5, 28));
        provider.TryGetOrigin("engine", out var engine).Should().BeTrue();
        engine.Line.Should().Be(1);
        provider.TryGetOrigin("engine:missing", out _).Should().BeFalse();
    }

    [Fact]
    public void TryGetOrigin_KeyAssignedTwice_IsTheLastAssignment()
    {
        var provider = (HoconConfigurationProvider)Build("engine.cooldown = 1s\nengine { cooldown = 2s }").Providers.Single();

        provider.TryGetOrigin("engine:cooldown", out var origin).Should().BeTrue();
        origin.Should().Be(new HoconOrigin("hocon/paper.conf", 2, 10));
    }

    [Fact]
    public void TryGetOrigin_KeyTakenFromASubstitution_IsWhereTheKeyWasWritten()
    {
        var provider = (HoconConfigurationProvider)Build("defaults.cooldown = 1s\nengine.cooldown = ${defaults.cooldown}").Providers.Single();

        provider.TryGetOrigin("engine:cooldown", out var origin).Should().BeTrue();
        origin.Should().Be(new HoconOrigin("hocon/paper.conf", 2, 8));
    }

    [Fact]
    public void TryGetHoconOrigin_OnTheRoot_FindsTheHoconProviderUnlessALaterSourceOverrides()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconText("engine.cooldown = 1s\nengine.max-markets = 5", "hocon/paper.conf", Hocon.Environment())
            .AddInMemoryCollection([new KeyValuePair<string, string?>("engine:max-markets", "9")])
            .Build();

        configuration.TryGetHoconOrigin("engine:cooldown", out var origin).Should().BeTrue();
        origin.ToString().Should().Be("hocon/paper.conf:1:8");
        configuration.TryGetHoconOrigin("engine:max-markets", out _).Should().BeFalse("the in-memory source supplies that value");
        configuration.GetSection("engine").TryGetHoconOrigin("engine:cooldown", out _).Should().BeFalse("a section cannot reach its providers");
    }

    [Fact]
    public void Get_OptionsClass_BindsFromTheFlattenedKeys()
    {
        var configuration = Build("""
            engine {
              cooldown = 10s
              MaxMarkets = 25
              Enabled = true
              Seeds = [ a, b ]
              Limits { Orders = 100 }
            }
            """);

        var options = configuration.GetSection("engine").Get<EngineOptions>()!;

        options.Cooldown.Should().Be("10s");
        HoconDurations.Parse(options.Cooldown!).Should().Be(TimeSpan.FromSeconds(10));
        options.MaxMarkets.Should().Be(25);
        options.Enabled.Should().BeTrue();
        options.Seeds.Should().Equal("a", "b");
        options.Limits.Orders.Should().Be(100);
    }

    [Fact]
    public void Bind_ExistingInstance_OverwritesOnlyTheKeysPresent()
    {
        var options = new EngineOptions { MaxMarkets = 3, Cooldown = "1s" };

        Build("engine.MaxMarkets = 7").GetSection("engine").Bind(options);

        (options.MaxMarkets, options.Cooldown).Should().Be((7, "1s"));
    }

    [Fact]
    public void AddHoconFile_RelativePath_StartsFromTheBasePathAndKeepsTheGivenNameInOrigins()
    {
        using var directory = new TempDirectory();
        directory.Write("hocon/paper.conf", "include \"venues.conf\"\nengine.cooldown = 10s");
        directory.Write("hocon/venues.conf", "venues.paper.fee = 0.01");

        var configuration = new ConfigurationBuilder().SetBasePath(directory.Path).AddHoconFile("hocon/paper.conf").Build();

        configuration["venues:paper:fee"].Should().Be("0.01");
        configuration.TryGetHoconOrigin("engine:cooldown", out var cooldown).Should().BeTrue();
        cooldown.ToString().Should().Be("hocon/paper.conf:2:8");
        configuration.TryGetHoconOrigin("venues:paper:fee", out var fee).Should().BeTrue();
        fee.ToString().Should().Be($"{Path.Combine("hocon", "venues.conf")}:1:14");
    }

    [Fact]
    public void AddHoconFile_MissingOptionalFile_AddsNothing()
    {
        using var directory = new TempDirectory();

        var configuration = new ConfigurationBuilder().SetBasePath(directory.Path).AddHoconFile("missing.conf", optional: true).Build();

        configuration.AsEnumerable().Should().BeEmpty();
    }

    [Fact]
    public void AddHoconFile_MissingRequiredFile_FailsToBuild()
    {
        using var directory = new TempDirectory();
        var builder = new ConfigurationBuilder().SetBasePath(directory.Path).AddHoconFile("missing.conf");

        var build = () => builder.Build();

        build.Should().Throw<FileNotFoundException>().WithMessage("HOCON file 'missing.conf' not found*");
    }

    [Fact]
    public void AddHoconFile_MalformedFile_FailsToBuildWithALocatedError()
    {
        using var directory = new TempDirectory();
        directory.Write("bad.conf", "engine {\n  cooldown = ${engine.missing}\n}");
        var builder = new ConfigurationBuilder().SetBasePath(directory.Path).AddHoconFile("bad.conf");

        var build = () => builder.Build();

        build.Should().Throw<HoconException>().Which.Message.Should().StartWith("bad.conf:2:14: key 'engine.cooldown': substitution ${engine.missing} is undefined");
    }

    [Fact]
    public void Load_LaterEnvironmentSource_OverridesHoconValues()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconText("engine.cooldown = 10s", "paper.conf", Hocon.Environment())
            .AddInMemoryCollection([new KeyValuePair<string, string?>("engine:cooldown", "20s")])
            .Build();

        configuration["engine:cooldown"].Should().Be("20s");
    }

    private sealed class EngineOptions
    {
        public string? Cooldown { get; set; }

        public int MaxMarkets { get; set; }

        public bool Enabled { get; set; }

        public List<string> Seeds { get; set; } = [];

        public LimitOptions Limits { get; set; } = new();
    }

    private sealed class LimitOptions
    {
        public int Orders { get; set; }
    }
}
