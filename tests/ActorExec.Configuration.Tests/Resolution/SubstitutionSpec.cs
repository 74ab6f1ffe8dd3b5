using ActorExec.Configuration.Tests.TestSupport;

namespace ActorExec.Configuration.Tests.Resolution;

/// <summary>"Substitutions" in HOCON.md, outside the self-referential cases.</summary>
public sealed class SubstitutionSpec
{
    [Fact]
    public void ParseText_Substitution_LooksForwardToTheFinalValue() =>
        Hocon.Json("a = ${b}\nb = 1\nb = 2").Should().Be("""{"a":2,"b":2}""");

    [Fact]
    public void ParseText_LoneSubstitution_KeepsTheValueType()
    {
        var root = Hocon.Parse("n = 42\nt = true\no { x = 1 }\nl = [1]\nn2 = ${n}\nt2 = ${t}\no2 = ${o}\nl2 = ${l}").Root;

        root["n2"].As<HoconScalar>().Kind.Should().Be(HoconScalarKind.Number);
        root["t2"].As<HoconScalar>().Kind.Should().Be(HoconScalarKind.Boolean);
        root["o2"].Should().BeOfType<HoconObject>();
        root["l2"].Should().BeOfType<HoconArray>();
    }

    [Theory]
    [InlineData("animal.favorite = dog\nkey : ${animal.favorite} is my favorite animal", "dog is my favorite animal")]
    [InlineData("animal.favorite = dog\nkey : ${animal.favorite}\" is my favorite animal\"", "dog is my favorite animal")]
    [InlineData("host = example.org\nport = 8080\nkey = \"http://\"${host}\":\"${port}/api", "http://example.org:8080/api")]
    [InlineData("x = null\nkey = a ${x} b", "a null b")]
    public void ParseText_SubstitutionInsideConcatenation_BecomesText(string hocon, string expected) =>
        Hocon.Parse(hocon).Root["key"].As<HoconScalar>().Text.Should().Be(expected);

    [Fact]
    public void ParseText_SubstitutionsInsideQuotedStrings_AreNotParsed() =>
        Hocon.Parse("a = \"${b}\"").Root["a"].As<HoconScalar>().Text.Should().Be("${b}");

    [Fact]
    public void ParseText_ObjectConcatenationWithSubstitution_InheritsAndOverrides() =>
        Hocon.Json("""
            data-center-generic = { cluster-size = 6, name = generic }
            data-center-east = ${data-center-generic} { name = "east" }
            """).Should().Be("""{"data-center-east":{"cluster-size":6,"name":"east"},"data-center-generic":{"cluster-size":6,"name":"generic"}}""");

    [Fact]
    public void ParseText_ObjectMayReferToItsOwnFields() =>
        Hocon.Json("bar : { foo : 42,\n  baz : ${bar.foo}\n}").Should().Be("""{"bar":{"baz":42,"foo":42}}""");

    [Fact]
    public void ParseText_ObjectReferringToItsOwnField_SeesTheFieldsFinalValue() =>
        Hocon.Json("bar : { foo : 42,\n  baz : ${bar.foo}\n}\nbar : { foo : 43 }").Should().Be("""{"bar":{"baz":43,"foo":43}}""");

    [Fact]
    public void ParseText_MutuallyReferringObjects_LookForward() =>
        Hocon.Json("""
            bar : { a : ${foo.d}, b : 1 }
            bar.b = 3
            foo : { c : ${bar.b}, d : 2 }
            foo.d = 4
            """).Should().Be("""{"bar":{"a":4,"b":3},"foo":{"c":3,"d":4}}""");

    [Fact]
    public void ParseText_UndefinedOptionalField_IsNotCreated() =>
        Hocon.Json("a = ${?nope}\nb = 1").Should().Be("""{"b":1}""");

    [Fact]
    public void ParseText_UndefinedOptionalField_LeavesThePreviousValue() =>
        Hocon.Json("timeout = 10s\ntimeout = ${?TIMEOUT}").Should().Be("""{"timeout":"10s"}""");

    [Fact]
    public void ParseText_TwoUndefinedOptionalsConcatenated_CreateNoField() =>
        Hocon.Json("foo : ${?bar}${?baz}").Should().Be("{}");

    [Fact]
    public void ParseText_UndefinedOptionalArrayElement_IsLeftOut() =>
        Hocon.Json("a = [1, ${?nope}, 2]").Should().Be("""{"a":[1,2]}""");

    [Fact]
    public void ParseText_UndefinedOptionalInStringConcatenation_IsEmpty() =>
        Hocon.Json("a = x${?nope}y").Should().Be("""{"a":"xy"}""");

    [Fact]
    public void ParseText_MissingKey_FallsBackToTheInjectedEnvironment()
    {
        var environment = Hocon.Environment(("HOME", "/home/trader"), ("EMPTY", ""));

        Hocon.Json("home = ${HOME}\nopt = ${?HOME}/x\nempty = ${?EMPTY}\nnone = ${?NOT_SET}", environment)
            .Should().Be("""{"empty":"","home":"/home/trader","opt":"/home/trader/x"}""");
    }

    [Fact]
    public void ParseText_KeySetToNull_BlocksTheEnvironment() =>
        Hocon.Json("HOME : null\nh = ${HOME}", Hocon.Environment(("HOME", "/home/trader"))).Should().Be("""{"HOME":null,"h":null}""");

    [Fact]
    public void ParseText_ConfigurationValue_WinsOverTheEnvironment() =>
        Hocon.Json("HOME = /cfg\nh = ${HOME}", Hocon.Environment(("HOME", "/env"))).Should().Be("""{"HOME":"/cfg","h":"/cfg"}""");

    [Fact]
    public void ParseText_SubstitutionHiddenByALaterValue_IsNeverEvaluated() =>
        Hocon.Json("foo : ${does-not-exist}\nfoo : 42").Should().Be("""{"foo":42}""");

    [Fact]
    public void ParseText_SubstitutionThroughAnArray_CannotIndexIt() =>
        Hocon.Error("a = [ { b = 1 } ]\nc = ${a.0.b}").Reason.Should().Contain("${a.0.b} is undefined");

    [Fact]
    public void ParseText_SubstitutionInsideArrayObject_ResolvesFromTheRoot() =>
        Hocon.Json("port = 80\nservers = [ { port = ${port} }, { port = 81 } ]").Should().Be("""{"port":80,"servers":[{"port":80},{"port":81}]}""");
}
