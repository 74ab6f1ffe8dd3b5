using ActorExec.Configuration.Tests.TestSupport;

namespace ActorExec.Configuration.Tests.Resolution;

/// <summary>Circular substitutions are errors that say where and which keys loop.</summary>
public sealed class CycleSpec
{
    [Fact]
    public void ParseText_TwoKeysReferringToEachOther_IsALocatedCycle()
    {
        var error = Hocon.Error("bar : ${foo}\nfoo : ${bar}");

        error.Message.Should().Be("test.conf:2:7: key 'foo': substitution cycle: 'bar' -> 'foo' -> 'bar'");
    }

    [Fact]
    public void ParseText_ThreeStepLoop_NamesEveryKey() =>
        Hocon.Error("a : ${b}\nb : ${c}\nc : ${a}").Reason.Should().Be("substitution cycle: 'a' -> 'b' -> 'c' -> 'a'");

    [Fact]
    public void ParseText_ObjectContainingAReferenceToItself_IsAnError()
    {
        var error = Hocon.Error("a : { b : ${a} }");

        error.Message.Should().Be("test.conf:1:11: key 'a.b': substitution ${a} refers to an object that contains this very key");
    }

    [Fact]
    public void ParseText_ArrayContainingAReferenceToItself_IsAnError() =>
        Hocon.Error("a : [ ${a} ]").Path.Should().Be("a[0]");

    [Fact]
    public void ParseText_OptionalSubstitutionInACycle_IsUndefined() =>
        Hocon.Json("a : [ ${?a} ]").Should().Be("""{"a":[]}""");

    [Fact]
    public void ParseText_CycleThroughAConcatenation_IsReported() =>
        Hocon.Error("a = ${b}x\nb = ${a}y").Reason.Should().StartWith("substitution cycle:");

    [Fact]
    public void ParseText_LongChainDefinedBackwards_Resolves()
    {
        var chain = string.Join('\n', Enumerable.Range(0, 100).Select(i => $"k{i} = ${{k{i + 1}}}")) + "\nk100 = end";

        Hocon.Parse(chain).Root["k0"].As<HoconScalar>().Text.Should().Be("end");
    }

    [Fact]
    public void ParseText_RunawayChain_IsALocatedErrorNotAStackOverflow()
    {
        var chain = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"k{i} = ${{k{i + 1}}}"));

        var error = Hocon.Error(chain);

        error.Reason.Should().StartWith("substitutions nest too deep");
        error.Path.Should().Be($"k{error.Line - 1}");
    }

    [Fact]
    public void ParseText_RunawayNesting_IsALocatedErrorNotAStackOverflow() =>
        Hocon.Error("a = " + new string('[', 100_000)).Reason.Should().Be("objects and arrays nest too deep at '['");
}
