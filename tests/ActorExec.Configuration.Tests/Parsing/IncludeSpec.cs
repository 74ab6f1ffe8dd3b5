using ActorExec.Configuration.Tests.TestSupport;

namespace ActorExec.Configuration.Tests.Parsing;

/// <summary>"Includes" in HOCON.md, with real files in a temporary directory.</summary>
public sealed class IncludeSpec : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private HoconDocument ParseMain(string text) => HoconParser.ParseFile(_directory.Write("main.conf", text));

    [Theory]
    [InlineData("include \"other.conf\"")]
    [InlineData("include file(\"other.conf\")")]
    [InlineData("include required(\"other.conf\")")]
    [InlineData("include required(file(\"other.conf\"))")]
    [InlineData("include required( file( \"other.conf\" ) )")]
    [InlineData("include\n  \"other.conf\"")]
    public void ParseFile_IncludeForms_ReadTheFile(string include)
    {
        _directory.Write("other.conf", "x = 1");

        Hocon.Json(ParseMain(include + "\ny = 2").Root).Should().Be("""{"x":1,"y":2}""");
    }

    [Fact]
    public void ParseFile_IncludedKeys_MergeWithKeysBeforeAndAfter()
    {
        _directory.Write("other.conf", "a { from-include = 1, shared = include }\nb = include");

        var json = Hocon.Json(ParseMain("a { before = 0, shared = before }\ninclude \"other.conf\"\nb = after").Root);

        json.Should().Be("""{"a":{"before":0,"from-include":1,"shared":"include"},"b":"after"}""");
    }

    [Fact]
    public void ParseFile_IncludeInsideAnObject_FixesUpSubstitutionsRelativeToIt()
    {
        _directory.Write("foo.conf", "{ x : 10, y : ${x} }");

        Hocon.Json(ParseMain("{ a : { include \"foo.conf\" } }").Root).Should().Be("""{"a":{"x":10,"y":10}}""");
    }

    [Fact]
    public void ParseFile_FixedUpSubstitution_SeesALaterOverride()
    {
        _directory.Write("foo.conf", "{ x : 10, y : ${x} }");

        Hocon.Json(ParseMain("{\n  a : { include \"foo.conf\" }\n  a : { x : 42 }\n}").Root).Should().Be("""{"a":{"x":42,"y":42}}""");
    }

    [Fact]
    public void ParseFile_IncludedSubstitutionMissingAtTheFixedUpPath_FallsBackToTheRoot()
    {
        _directory.Write("foo.conf", "port = ${default-port}");

        Hocon.Json(ParseMain("default-port = 80\nserver { include \"foo.conf\" }").Root).Should().Be("""{"default-port":80,"server":{"port":80}}""");
    }

    [Fact]
    public void ParseFile_NestedIncludes_AreRelativeToTheIncludingFile()
    {
        _directory.Write("venues/paper.conf", "include \"fees.conf\"\nname = paper");
        _directory.Write("venues/fees.conf", "fee = 0.01");

        Hocon.Json(ParseMain("venue { include \"venues/paper.conf\" }").Root).Should().Be("""{"venue":{"fee":0.01,"name":"paper"}}""");
    }

    [Fact]
    public void ParseFile_ValueFromAnIncludedFile_NamesThatFileInItsOrigin()
    {
        _directory.Write("venues/paper.conf", "\n  fee = 0.01");

        var fee = ParseMain("include \"venues/paper.conf\"").Root["fee"]!;

        fee.Origin.Should().Be(new HoconOrigin(Path.Combine(_directory.Path, "venues", "paper.conf"), 2, 3));
    }

    [Fact]
    public void ParseFile_NameWithoutExtension_LoadsTheConfFile()
    {
        _directory.Write("base.conf", "x = 1");

        Hocon.Json(ParseMain("include \"base\"").Root).Should().Be("""{"x":1}""");
    }

    [Fact]
    public void ParseFile_MissingOptionalInclude_IsIgnored() =>
        Hocon.Json(ParseMain("include \"missing.conf\"\nx = 1").Root).Should().Be("""{"x":1}""");

    [Fact]
    public void ParseFile_MissingRequiredInclude_IsALocatedError()
    {
        var parse = () => ParseMain("x = 1\n  include required(\"missing.conf\")");

        var error = parse.Should().Throw<HoconException>().Which;
        error.Message.Should().StartWith($"{Path.Combine(_directory.Path, "main.conf")}:2:3: required include \"missing.conf\" not found");
    }

    [Fact]
    public void ParseFile_IncludeCycle_IsALocatedError()
    {
        _directory.Write("a.conf", "x = 1\ninclude \"b.conf\"");
        _directory.Write("b.conf", "include \"a.conf\"");

        var parse = () => HoconParser.ParseFile(Path.Combine(_directory.Path, "a.conf"));

        var error = parse.Should().Throw<HoconException>().Which;
        error.Source.Should().Be(Path.Combine(_directory.Path, "b.conf"));
        (error.Line, error.Column).Should().Be((1, 1));
        error.Reason.Should().Be($"include cycle: {Path.Combine(_directory.Path, "a.conf")} -> {Path.Combine(_directory.Path, "b.conf")} -> {Path.Combine(_directory.Path, "a.conf")}");
    }

    [Fact]
    public void ParseFile_IncludedFileWithAnArrayRoot_IsAnError()
    {
        _directory.Write("list.conf", "[1, 2]");

        var parse = () => ParseMain("include \"list.conf\"");

        parse.Should().Throw<HoconException>().Which.Reason.Should().Be("the root of a configuration must be an object, not an array");
    }

    [Theory]
    [InlineData("include url(\"http://example.org/a.conf\")", "include url(...) is not supported")]
    [InlineData("include classpath(\"a.conf\")", "include classpath(...) is not supported")]
    [InlineData("include other.conf", "include must be followed by a quoted file name")]
    [InlineData("include = 1", "include must be followed by a quoted file name")]
    [InlineData("include required(\"a.conf\"", "include of \"a.conf\" opens 1 parenthesis but closes 0")]
    public void ParseFile_UnsupportedOrMalformedInclude_SaysWhatIsAccepted(string include, string reason)
    {
        var parse = () => ParseMain(include);

        parse.Should().Throw<HoconException>().Which.Reason.Should().StartWith(reason);
    }

    [Fact]
    public void ParseText_RelativeInclude_StartsFromTheBaseDirectory()
    {
        _directory.Write("other.conf", "x = 1");

        Hocon.Json(Hocon.Parse("include \"other.conf\"", baseDirectory: _directory.Path).Root).Should().Be("""{"x":1}""");
    }

    [Fact]
    public void ParseFile_MissingFile_ThrowsFileNotFound()
    {
        var parse = () => HoconParser.ParseFile(Path.Combine(_directory.Path, "nope.conf"));

        parse.Should().Throw<FileNotFoundException>().WithMessage("*nope.conf*");
    }
}
