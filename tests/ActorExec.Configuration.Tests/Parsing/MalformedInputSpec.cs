using ActorExec.Configuration.Tests.TestSupport;

namespace ActorExec.Configuration.Tests.Parsing;

/// <summary>Every malformed input fails with the file, line and column of the problem in the message.</summary>
public sealed class MalformedInputSpec
{
    [Theory]
    [InlineData("a {\n  b = 1\n", "test.conf:1:3: key 'a': '{' is never closed (the input ends first)")]
    [InlineData("a = [1,\n2\n", "test.conf:1:5: key 'a': '[' is never closed (the input ends first)")]
    [InlineData("a = \"foo\nb = 1", "test.conf:1:5: unclosed string: a quoted string must end on the line it starts (use \"\"\" for multi-line text)")]
    [InlineData("a = \"foo", "test.conf:1:5: unclosed string: missing the closing '\"'")]
    [InlineData("a = \"\"\"foo", "test.conf:1:5: unclosed multi-line string: no closing \"\"\"")]
    [InlineData("a = \"x\\qy\"", "test.conf:1:7: invalid escape '\\q' in a quoted string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")]
    [InlineData("a = \"\\u12\"", "test.conf:1:6: invalid escape '\\u12\"' in a quoted string: \\u needs four hex digits")]
    [InlineData("a = 1\n}", "test.conf:2:1: '}' has no matching '{'")]
    [InlineData("{ a = 1 }\n}", "test.conf:2:1: '}' has no matching '{'")]
    [InlineData("a\nb = 1", "test.conf:1:1: key 'a': the key has no value (expected ':', '=' or '{' after it)")]
    [InlineData("x {\n  a =\n}", "test.conf:2:3: key 'x.a': the key has no value (found '}' after '=')")]
    [InlineData("a =", "test.conf:1:1: key 'a': the key has no value (found end of input after '=')")]
    [InlineData("a =\nb = 1", "test.conf:1:1: key 'a': the key has no value (the next line's key was read as its value)")]
    [InlineData("a = ${engine.missing}", "test.conf:1:5: key 'a': substitution ${engine.missing} is undefined (no such key in the configuration and no environment variable 'engine.missing')")]
    [InlineData("a = 1,, b = 2", "test.conf:1:7: key 'a': unexpected ','; a comma must follow a field (no leading or doubled commas)")]
    [InlineData("a = [1,,2]", "test.conf:1:8: key 'a': unexpected ','; a comma must follow an array element (no leading or doubled commas)")]
    [InlineData("a = [,1]", "test.conf:1:6: key 'a': unexpected ','; a comma must follow an array element (no leading or doubled commas)")]
    [InlineData("a = [1,2,3,,]", "test.conf:1:12: key 'a': unexpected ','; a comma must follow an array element (no leading or doubled commas)")]
    [InlineData("a = b = c", "test.conf:1:7: key 'a': unexpected '=' in a value; quote strings that contain it")]
    [InlineData("a = 1 b = 2", "test.conf:1:9: key 'a': unexpected '=' in a value; quote strings that contain it")]
    [InlineData("a = *", "test.conf:1:5: character '*' is reserved in HOCON; quote the string that contains it")]
    [InlineData("a = $b", "test.conf:1:5: '$' must start a substitution '${path}'; quote strings that contain '$'")]
    [InlineData("a = 1 + 2", "test.conf:1:7: '+' must be followed by '=' (the '+=' append); quote strings that contain '+'")]
    [InlineData("a = ${b", "test.conf:1:5: key 'a': unclosed substitution: missing '}' before the end of the line")]
    [InlineData("a = ${}", "test.conf:1:5: key 'a': empty substitution; write a path such as ${a.b}")]
    [InlineData("${a} = 1", "test.conf:1:1: expected a key, found '${'")]
    [InlineData("a ${b} = 1", "test.conf:1:3: substitutions are not allowed in keys")]
    [InlineData("[1, 2]", "test.conf:1:1: the root of a configuration must be an object, not an array")]
    [InlineData("a = { b = 1 } [2]", "test.conf:1:15: key 'a': cannot concatenate an object with an array; a concatenation is all strings, all arrays or all objects")]
    [InlineData("a = [1] x", "test.conf:1:9: key 'a': cannot concatenate an array with a string; a concatenation is all strings, all arrays or all objects")]
    [InlineData("o { x = 1 }\na = ${o} text", "test.conf:2:10: key 'a': cannot concatenate an object with a string; a concatenation is all strings, all arrays or all objects")]
    [InlineData("a = [1, 2 }", "test.conf:1:11: key 'a': unexpected '}' inside the array opened at line 1, column 5")]
    [InlineData("a = 1 ]", "test.conf:1:7: key 'a': ']' has no matching '['")]
    [InlineData("a = [ { b += 1 } ]", "test.conf:1:11: key 'b': '+=' is not supported in an object inside an array (no path leads back to the earlier value)")]
    public void ParseText_MalformedInput_FailsWithALocatedMessage(string hocon, string message) =>
        Hocon.Error(hocon).Message.Should().Be(message);

    [Fact]
    public void HoconException_ForAnUndefinedSubstitution_ExposesWhereAndWhichKey()
    {
        var error = Hocon.Error("engine {\n  cooldown = ${engine.missing}\n}");

        error.Source.Should().Be("test.conf");
        (error.Line, error.Column).Should().Be((2, 14));
        error.Path.Should().Be("engine.cooldown");
        error.Message.Should().StartWith("test.conf:2:14: key 'engine.cooldown': substitution ${engine.missing} is undefined");
    }

    [Fact]
    public void ParseFile_ErrorInAFile_NamesTheFileAsGiven()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("paper.conf", "engine {\n  cooldown = \"10s\n}");

        var parse = () => HoconParser.ParseFile(path);

        parse.Should().Throw<HoconException>().Which.Message.Should().StartWith($"{path}:2:14: unclosed string");
    }
}
