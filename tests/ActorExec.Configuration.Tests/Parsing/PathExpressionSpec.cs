using ActorExec.Configuration.Tests.TestSupport;

namespace ActorExec.Configuration.Tests.Parsing;

/// <summary>"Path expressions" and "Paths as keys" in HOCON.md.</summary>
public sealed class PathExpressionSpec
{
    [Theory]
    [InlineData("foo.bar.\"hello.world\" = 1", """{"foo":{"bar":{"hello.world":1}}}""")]
    [InlineData("10.0foo = 1", """{"10":{"0foo":1}}""")]
    [InlineData("foo10.0 = 1", """{"foo10":{"0":1}}""")]
    [InlineData("foo\"10.0\" = 1", """{"foo10.0":1}""")]
    [InlineData("1.2.3 = 1", """{"1":{"2":{"3":1}}}""")]
    [InlineData("a.\"\".b = 1", """{"a":{"":{"b":1}}}""")]
    [InlineData("\"a.b\" = 1", """{"a.b":1}""")]
    public void ParseText_PathExpressionKeys_SplitOnDotsOutsideQuotes(string hocon, string json) =>
        Hocon.Json(hocon).Should().Be(json);

    [Theory]
    [InlineData("foo.bar : 42", "foo { bar : 42 }")]
    [InlineData("foo.bar.baz : 42", "foo { bar { baz : 42 } }")]
    [InlineData("a.x : 42, a.y : 43", "a { x : 42, y : 43 }")]
    [InlineData("a b c : 42", "\"a b c\" : 42")]
    [InlineData("true : 42", "\"true\" : 42")]
    [InlineData("3 : 42", "\"3\" : 42")]
    [InlineData("3.14 : 42", "\"3\" : { \"14\" : 42 }")]
    public void ParseText_PathsAsKeys_ExpandLikeTheSpecSays(string hocon, string equivalent) =>
        Hocon.Json(hocon).Should().Be(Hocon.Json(equivalent));

    [Fact]
    public void ParseText_SubstitutionPath_UsesTheSameSyntaxAsKeys() =>
        Hocon.Parse("a.\"b.c\".d = 5\nx = ${a.\"b.c\".d}").Root["x"].As<HoconScalar>().Text.Should().Be("5");

    [Theory]
    [InlineData("a..b = 1", 1, 1)]
    [InlineData(".a = 1", 1, 1)]
    [InlineData("a. = 1", 1, 1)]
    [InlineData("x = ${a..b}", 1, 7)]
    public void ParseText_EmptyPathElement_IsALocatedError(string hocon, int line, int column)
    {
        var error = Hocon.Error(hocon);

        error.Reason.Should().Contain("has an empty element");
        (error.Line, error.Column).Should().Be((line, column));
    }

    [Fact]
    public void Find_QuotedAndDottedPath_ReturnsTheValue()
    {
        var document = Hocon.Parse("venues { \"paper.v2\" { fee = 0.01 } }");

        document.Find("venues.\"paper.v2\".fee").As<HoconScalar>().Text.Should().Be("0.01");
        document.Find("venues.missing").Should().BeNull();
    }
}
