using ActorExec.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace ActorExec.Configuration.Tests;

public sealed class HoconKeyCheckSpec
{
    private static readonly string[] Known =
    [
        "engine.cooldown",
        "engine.max-markets",
        "engine.seeds",
        "venues.*.rate-limit",
        "venues.*.fee",
        "strategies.*.params.**",
    ];

    private static IConfigurationRoot Build(string hocon) =>
        new ConfigurationBuilder().AddHoconText(hocon, "hocon/paper.conf", Hocon.Environment()).Build();

    [Fact]
    public void UnknownKeys_Typo_NamesOriginAndClosestKnownKey()
    {
        var configuration = Build("engine {\n  max-markets = 3\n\n\n\n\n  cooldwn = 10s\n}");

        var warnings = HoconKeyCheck.UnknownKeys(configuration, Known);

        var warning = warnings.Should().ContainSingle().Which;
        warning.Message.Should().Be("hocon/paper.conf:7:3: unknown key 'engine.cooldwn' (did you mean 'engine.cooldown'?)");
        warning.Key.Should().Be("engine:cooldwn");
        warning.Origin.Should().Be(new HoconOrigin("hocon/paper.conf", 7, 3));
        warning.Suggestion.Should().Be("engine.cooldown");
    }

    [Fact]
    public void UnknownKeys_KnownKeysAndWildcards_GiveNoWarning()
    {
        var configuration = Build("""
            engine { cooldown = 1s, max-markets = 2, seeds = [a, b] }
            venues {
              paper { rate-limit = 10, fee = 0.01 }
              kalshi { rate-limit = 5 }
            }
            strategies.arb.params { edge = 0.02, legs { max = 2 } }
            """);

        HoconKeyCheck.UnknownKeys(configuration, Known).Should().BeEmpty();
    }

    [Fact]
    public void UnknownKeys_ArrayOfObjects_MatchesTheWildcardByIndex()
    {
        var configuration = Build("venues = [ { rate-limit = 1 }, { rate-limt = 2 } ]");

        HoconKeyCheck.UnknownKeys(configuration, Known).Select(w => w.Message).Should().Equal(
            "hocon/paper.conf:1:34: unknown key 'venues.1.rate-limt' (did you mean 'venues.1.rate-limit'?)");
    }

    [Fact]
    public void UnknownKeys_TypoUnderAWildcard_SuggestsTheKeyWithTheSameDictionaryKey() =>
        HoconKeyCheck.UnknownKeys(Build("venues.kalshi.rate_limit = 5"), Known).Single().Suggestion.Should().Be("venues.kalshi.rate-limit");

    [Fact]
    public void UnknownKeys_TypoInTheParent_IsFoundOverTheWholePath() =>
        HoconKeyCheck.UnknownKeys(Build("engin.cooldown = 5s"), Known).Single().Suggestion.Should().Be("engine.cooldown");

    [Fact]
    public void UnknownKeys_KeyAtTheWrongLevel_SuggestsWhereItBelongs() =>
        HoconKeyCheck.UnknownKeys(Build("cooldown = 5s"), Known).Single().Suggestion.Should().Be("engine.cooldown");

    [Fact]
    public void UnknownKeys_NothingClose_WarnsWithoutASuggestion()
    {
        var warning = HoconKeyCheck.UnknownKeys(Build("engine.banana = 1"), Known).Single();

        warning.Suggestion.Should().BeNull();
        warning.Message.Should().Be("hocon/paper.conf:1:8: unknown key 'engine.banana'");
    }

    [Fact]
    public void UnknownKeys_EmptyObjectOnTheWayToAKnownKey_IsNotAWarning() =>
        HoconKeyCheck.UnknownKeys(Build("venues {}\nengine.seeds = []"), Known).Should().BeEmpty();

    [Fact]
    public void UnknownKeys_KeyFromAnotherSource_NamesThatSource()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconText("engine.cooldown = 1s", "hocon/paper.conf", Hocon.Environment())
            .AddInMemoryCollection([new KeyValuePair<string, string?>("engine:max-market", "4")])
            .Build();

        var warning = HoconKeyCheck.UnknownKeys(configuration, Known).Single();

        warning.Origin.Should().BeNull();
        warning.Message.Should().EndWith(": unknown key 'engine.max-market' (did you mean 'engine.max-markets'?)");
        warning.Message.Should().StartWith("MemoryConfigurationProvider");
    }

    [Fact]
    public void UnknownKeys_OnASection_ChecksKeysRelativeToIt() =>
        HoconKeyCheck.UnknownKeys(Build("engine { cooldown = 1s, colldown = 2s }").GetSection("engine"), ["cooldown"])
            .Single().Suggestion.Should().Be("cooldown");

    [Fact]
    public void UnknownKeys_MalformedKnownPath_SaysWhichOne()
    {
        var check = () => HoconKeyCheck.UnknownKeys(Build("a = 1"), ["engine..cooldown"]);

        check.Should().Throw<ArgumentException>().WithMessage("known key path 'engine..cooldown' is not a dotted path*");
    }
}
