using ActorExec.Configuration.Tests.TestSupport;

namespace ActorExec.Configuration.Tests.Parsing;

/// <summary>The syntax sections of HOCON.md and the JSON-equivalence examples of the config README.</summary>
public sealed class SyntaxSpec
{
    private const string FooBarBaz = """{"foo":{"bar":10,"baz":12}}""";

    [Theory]
    [InlineData("{\n  \"foo\" : {\n    \"bar\" : 10,\n    \"baz\" : 12\n  }\n}")]
    [InlineData("\"foo\" : { \"bar\" : 10, \"baz\" : 12 }")]
    [InlineData("foo : { bar : 10, baz : 12 }")]
    [InlineData("foo { bar = 10, baz = 12 }")]
    [InlineData("foo {\n  bar = 10\n  baz = 12\n}")]
    [InlineData("foo.bar=10\nfoo.baz=12")]
    [InlineData("foo.bar=10, foo.baz=12")]
    public void ParseText_JsonEquivalenceExamples_AllMeanTheSameObject(string hocon) =>
        Hocon.Json(hocon).Should().Be(FooBarBaz);

    [Theory]
    [InlineData("a = [1,2,3,]")]
    [InlineData("a = [1\n2\n3]")]
    [InlineData("a = [1,2,3]")]
    [InlineData("a = [\n  1,\n  2,\n  3,\n]")]
    public void ParseText_CommasOrNewlinesWithOneTrailingComma_AreTheSameArray(string hocon) =>
        Hocon.Json(hocon).Should().Be("""{"a":[1,2,3]}""");

    [Fact]
    public void ParseText_TrailingCommaInObject_IsIgnored() =>
        Hocon.Json("a = { x = 1, y = 2, }").Should().Be("""{"a":{"x":1,"y":2}}""");

    [Fact]
    public void ParseText_Comments_AreIgnoredOutsideQuotedStrings() =>
        Hocon.Json("""
            # a hash comment
            a = 1 // a slash comment
            b = "not # a comment // either"
            // c = 3
            """).Should().Be("""{"a":1,"b":"not # a comment // either"}""");

    [Fact]
    public void ParseText_EmptyInput_IsAnEmptyObject() => Hocon.Json("  \n # nothing\n").Should().Be("{}");

    [Fact]
    public void ParseText_ScalarTokens_KeepTheirKindAndText()
    {
        var root = Hocon.Parse("n = 1e5\nf = -0.25\nt = true\nno = no\nnothing = null\ns = \"1\"").Root;

        root["n"].Should().BeOfType<HoconScalar>().Which.Should().Match<HoconScalar>(s => s.Kind == HoconScalarKind.Number && s.Text == "1e5");
        root["f"].As<HoconScalar>().Text.Should().Be("-0.25");
        root["t"].As<HoconScalar>().Kind.Should().Be(HoconScalarKind.Boolean);
        root["no"].As<HoconScalar>().Kind.Should().Be(HoconScalarKind.String, "yes/no/on/off are strings in HOCON");
        root["nothing"].As<HoconScalar>().IsNull.Should().BeTrue();
        root["s"].As<HoconScalar>().Kind.Should().Be(HoconScalarKind.String);
    }

    [Theory]
    [InlineData("a = truefoo", "truefoo")]
    [InlineData("a = footrue", "footrue")]
    [InlineData("a = 10.0bar", "10.0bar")]
    [InlineData("a = bar10.0", "bar10.0")]
    [InlineData("a = 10s", "10s")]
    [InlineData("a = 1 h", "1 h")]
    [InlineData("a = 1.2.3", "1.2.3")]
    [InlineData("a = /usr/local/bin", "/usr/local/bin")]
    public void ParseText_UnquotedText_IsOneStringAsWritten(string hocon, string expected) =>
        Hocon.Parse(hocon).Root["a"].As<HoconScalar>().Should().Match<HoconScalar>(s => s.Kind == HoconScalarKind.String && s.Text == expected);

    [Theory]
    [InlineData("a =  foo bar baz  ", "foo bar baz")]
    [InlineData("a = foo   bar", "foo   bar")]
    [InlineData("a = true foo", "true foo")]
    [InlineData("a = foo \"bar\" 1.5", "foo bar 1.5")]
    [InlineData("a = null x", "null x")]
    public void ParseText_ValueConcatenation_KeepsInnerWhitespaceAndTrimsTheEnds(string hocon, string expected) =>
        Hocon.Parse(hocon).Root["a"].As<HoconScalar>().Text.Should().Be(expected);

    [Fact]
    public void ParseText_QuotedStrings_DecodeJsonEscapes() =>
        Hocon.Parse("""a = "tab\there \"q\" \\ \/ \u0041 \n" """).Root["a"].As<HoconScalar>().Text
            .Should().Be("tab\there \"q\" \\ / A \n");

    [Fact]
    public void ParseText_TripleQuotedString_KeepsNewlinesAndBackslashesRaw() =>
        Hocon.Parse("a = \"\"\"line 1\n  line \\n 2\"\"\"").Root["a"].As<HoconScalar>().Text.Should().Be("line 1\n  line \\n 2");

    [Fact]
    public void ParseText_TripleQuotedStringEndingInFourQuotes_KeepsTheExtraQuote() =>
        Hocon.Parse("a = \"\"\"foo\"\"\"\"").Root["a"].As<HoconScalar>().Text.Should().Be("foo\"");

    [Theory]
    [InlineData("a = [ 1 2 3 4 ]", """{"a":["1 2 3 4"]}""")]
    [InlineData("a = [ 1\n 2\n 3\n 4 ]", """{"a":[1,2,3,4]}""")]
    [InlineData("a = [ [ 1, 2 ] [ 3, 4 ] ]", """{"a":[[1,2,3,4]]}""")]
    [InlineData("a = [ [ 1, 2 ]\n [ 3, 4 ] ]", """{"a":[[1,2],[3,4]]}""")]
    public void ParseText_ArraysWithoutCommas_ConcatenateOnOneLineAndSplitOnNewlines(string hocon, string json) =>
        Hocon.Json(hocon).Should().Be(json);

    [Theory]
    [InlineData("a : { b : 1, c : 2 }")]
    [InlineData("a : { b : 1 } { c : 2 }")]
    [InlineData("a : { b : 1 }\na : { c : 2 }")]
    public void ParseText_ObjectConcatenationExamples_DefineTheSameObject(string hocon) =>
        Hocon.Json(hocon).Should().Be("""{"a":{"b":1,"c":2}}""");

    [Theory]
    [InlineData("a : [ 1, 2, 3, 4 ]")]
    [InlineData("a : [ 1, 2 ] [ 3, 4 ]")]
    [InlineData("a : [ 1, 2 ]\na : ${a} [ 3, 4 ]")]
    public void ParseText_ArrayConcatenationExamples_DefineTheSameArray(string hocon) =>
        Hocon.Json(hocon).Should().Be("""{"a":[1,2,3,4]}""");

    [Theory]
    [InlineData("{ foo include : 42 }", """{"foo include":42}""")]
    [InlineData("{ foo : include }", """{"foo":"include"}""")]
    [InlineData("{ a : [ include ] }", """{"a":["include"]}""")]
    [InlineData("{ \"include\" : 42 }", """{"include":42}""")]
    public void ParseText_IncludeOutsideTheStartOfAKey_IsAnOrdinaryString(string hocon, string json) =>
        Hocon.Json(hocon).Should().Be(json);

    [Fact]
    public void ParseText_NonBreakingSpaceAndByteOrderMark_AreWhitespace() =>
        Hocon.Json("\uFEFFa\u00A0=\u00A01").Should().Be("""{"a":1}""");

    [Fact]
    public void ParseText_CarriageReturnLineEndings_AreNewlines() =>
        Hocon.Json("a = 1\r\nb = x y\r\n").Should().Be("""{"a":1,"b":"x y"}""");
}
