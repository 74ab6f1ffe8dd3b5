using ActorExec.Configuration.Tests.TestSupport;

namespace ActorExec.Configuration.Tests.Resolution;

/// <summary>"Self-Referential Substitutions" and "The += field separator" in HOCON.md.</summary>
public sealed class SelfReferenceSpec
{
    [Fact]
    public void ParseText_StringBuiltOnItsEarlierValue_Appends() =>
        Hocon.Json("path : \"a:b:c\"\npath : ${path}\":d\"").Should().Be("""{"path":"a:b:c:d"}""");

    [Fact]
    public void ParseText_ArrayBuiltOnItsEarlierValue_Appends() =>
        Hocon.Json("path = [ /bin ]\npath = ${path} [ /usr/bin ]").Should().Be("""{"path":["/bin","/usr/bin"]}""");

    [Fact]
    public void ParseText_ManyAppendsInARow_KeepEveryStep()
    {
        var lines = Enumerable.Range(1, 50).Select(i => $"a = ${{a}} [{i}]");

        var items = Hocon.Parse("a = [0]\n" + string.Join('\n', lines)).Root["a"].As<HoconArray>().Items;

        items.Select(i => i.As<HoconScalar>().Text).Should().Equal(Enumerable.Range(0, 51).Select(i => i.ToString()));
    }

    [Fact]
    public void ParseText_SelfReferenceAfterAnObject_ResolvesToThatObject() =>
        Hocon.Json("foo : { a : 1 }\nfoo : ${foo}").Should().Be("""{"foo":{"a":1}}""");

    [Fact]
    public void ParseText_SelfReferenceBeforeAnyValue_IsUndefined()
    {
        var error = Hocon.Error("foo : ${foo}\nfoo : { a : 1 }");

        error.Message.Should().Be("test.conf:1:7: key 'foo': substitution ${foo} refers to its own key, which has no earlier value to build on (use ${?...} if it may be absent)");
    }

    [Fact]
    public void ParseText_LoneSelfReference_IsAnError() =>
        Hocon.Error("foo : ${foo}").Reason.Should().Contain("refers to its own key");

    [Fact]
    public void ParseText_OptionalSelfReference_SilentlyDisappears() =>
        Hocon.Json("foo : ${?foo}").Should().Be("{}");

    [Fact]
    public void ParseText_SelfReferenceHiddenByALaterValue_IsIgnored() =>
        Hocon.Json("foo : ${foo}, foo : 42").Should().Be("""{"foo":42}""");

    [Fact]
    public void ParseText_SelfReferenceThroughAPath_LooksBelowTheField() =>
        Hocon.Json("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }").Should().Be("""{"foo":{"a":2,"c":1}}""");

    [Fact]
    public void ParseText_OptionalSelfReferenceInConcatenation_LooksBackToNothing() =>
        Hocon.Json("a = ${?a}foo").Should().Be("""{"a":"foo"}""");

    [Fact]
    public void ParseText_TwoFieldsReferringToEachOther_GetTheSameValue()
    {
        var root = Hocon.Parse("a : 1\nb : 2\na : ${b}\nb : ${a}").Root;

        root["a"].As<HoconScalar>().Text.Should().Be(root["b"].As<HoconScalar>().Text);
    }

    [Fact]
    public void ParseText_PlusEquals_AppendsToAnEarlierArray() =>
        Hocon.Json("a = [x]\na += y\na += [z]").Should().Be("""{"a":["x","y",["z"]]}""");

    [Fact]
    public void ParseText_PlusEqualsAsFirstMention_StartsAnArray() =>
        Hocon.Json("a += b").Should().Be("""{"a":["b"]}""");

    [Fact]
    public void ParseText_PlusEqualsOnDottedKeyInsideObject_UsesTheFullPath() =>
        Hocon.Json("x { list = [1] }\nx { inner.list += 2, list += 3 }").Should().Be("""{"x":{"inner":{"list":[2]},"list":[1,3]}}""");

    [Fact]
    public void ParseText_PlusEqualsOnANonArray_IsALocatedError()
    {
        var error = Hocon.Error("a = text\na += b");

        error.Reason.Should().Be("cannot concatenate a string with an array; a concatenation is all strings, all arrays or all objects");
        (error.Line, error.Path).Should().Be((2, "a"));
    }
}
