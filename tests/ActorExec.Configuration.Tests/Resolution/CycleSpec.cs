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
}
