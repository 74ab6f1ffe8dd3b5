using ActorExec.Configuration.Tests.TestSupport;

namespace ActorExec.Configuration.Tests.Resolution;

/// <summary>"Duplicate keys and object merging" in HOCON.md.</summary>
public sealed class MergeSpec
{
    [Fact]
    public void ParseText_SameKeyTwiceWithObjects_MergesThem() =>
        Hocon.Json("""{ "foo" : { "a" : 42 }, "foo" : { "b" : 43 } }""")
            .Should().Be(Hocon.Json("""{ "foo" : { "a" : 42, "b" : 43 } }"""));

    [Fact]
    public void ParseText_NullBetweenTwoObjects_PreventsTheMerge() =>
        Hocon.Json("""{ "foo" : { "a" : 42 }, "foo" : null, "foo" : { "b" : 43 } }""")
            .Should().Be(Hocon.Json("""{ "foo" : { "b" : 43 } }"""));

    [Fact]
    public void ParseText_LaterNonObject_ReplacesAnObject() =>
        Hocon.Json("a { x = 1 }\na = 5").Should().Be("""{"a":5}""");

    [Fact]
    public void ParseText_LaterObject_ReplacesANonObject() =>
        Hocon.Json("a = 5\na { x = 1 }").Should().Be("""{"a":{"x":1}}""");

    [Fact]
    public void ParseText_NestedObjects_MergeRecursively() =>
        Hocon.Json("a { b { x = 1, y = 2 } }\na.b.y = 3\na { b { z = 4 } }").Should().Be("""{"a":{"b":{"x":1,"y":3,"z":4}}}""");

    [Fact]
    public void ParseText_NullValue_IsKept() =>
        Hocon.Json("a = 1\na = null").Should().Be("""{"a":null}""");

    [Fact]
    public void ParseText_ObjectFields_KeepTheOrderTheirKeysFirstAppeared() =>
        Hocon.Parse("z = 1\na = 2\nm { q = 1 }\nz = 3").Root.Fields.Keys.Should().Equal("z", "a", "m");
}
