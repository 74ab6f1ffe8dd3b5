using System.Text;

namespace ActorExec.Configuration.Tests.TestSupport;

/// <summary>Parsing shortcuts and a canonical JSON rendering to compare resolved trees.</summary>
internal static class Hocon
{
    /// <summary>An environment with only the given variables, so tests never see the real one.</summary>
    public static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    public static HoconDocument Parse(string text, Func<string, string?>? environment = null, string? baseDirectory = null) =>
        HoconParser.ParseText(text, "test.conf", environment ?? Environment(), baseDirectory);

    /// <summary>The resolved text rendered as compact JSON with keys sorted, e.g. <c>{"a":1}</c>.</summary>
    public static string Json(string text, Func<string, string?>? environment = null) => Json(Parse(text, environment).Root);

    public static string Json(HoconValue value)
    {
        var builder = new StringBuilder();
        Write(value, builder);
        return builder.ToString();
    }

    /// <summary>The parse error for <paramref name="text"/>; fails the test when there is none.</summary>
    public static HoconException Error(string text, Func<string, string?>? environment = null)
    {
        var parse = () => Parse(text, environment);
        return parse.Should().Throw<HoconException>().Which;
    }

    private static void Write(HoconValue value, StringBuilder builder)
    {
        switch (value)
        {
            case HoconObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, field) in obj.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    if (!first)
                        builder.Append(',');
                    first = false;
                    WriteString(key, builder);
                    builder.Append(':');
                    Write(field, builder);
                }

                builder.Append('}');
                break;
            case HoconArray array:
                builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                        builder.Append(',');
                    Write(array.Items[i], builder);
                }

                builder.Append(']');
                break;
            case HoconScalar { Kind: HoconScalarKind.String } scalar:
                WriteString(scalar.Text, builder);
                break;
            case HoconScalar scalar:
                builder.Append(scalar.Text);
                break;
        }
    }

    private static void WriteString(string text, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        builder.Append('"');
    }
}
