using ActorExec.Configuration.Internal.Parsing;
using ActorExec.Configuration.Internal.Resolution;

namespace ActorExec.Configuration;

/// <summary>Reads HOCON (files or text) into a fully resolved <see cref="HoconDocument"/>; problems raise a located <see cref="HoconException"/>.</summary>
public static class HoconParser
{
    /// <summary>
    /// Parses and resolves a file. Origins name the file as <paramref name="path"/> was given;
    /// includes are found relative to the file's directory.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HoconException">The file, or a file it includes, is malformed or cannot be resolved.</exception>
    public static HoconDocument ParseFile(string path) => ParseFile(path, path, environment: null);

    /// <summary>
    /// Parses and resolves text. <paramref name="environment"/> answers substitutions the
    /// configuration lacks (default: the process environment); relative includes start from
    /// <paramref name="baseDirectory"/> (default: the current directory).
    /// </summary>
    /// <exception cref="HoconException">The text, or a file it includes, is malformed or cannot be resolved.</exception>
    public static HoconDocument ParseText(string text, string sourceName, Func<string, string?>? environment = null, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var directory = Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory());
        return Parse(text, new SourceFile(sourceName, directory, FullPath: null, IncludedBy: null), environment);
    }

    /// <summary>Parses the file at <paramref name="fullPath"/> but names it <paramref name="displayName"/> in origins.</summary>
    internal static HoconDocument ParseFile(string fullPath, string displayName, Func<string, string?>? environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);
        var absolute = Path.GetFullPath(fullPath);
        if (!File.Exists(absolute))
            throw new FileNotFoundException($"HOCON file '{displayName}' not found (looked for {absolute})", absolute);
        var file = new SourceFile(displayName, Path.GetDirectoryName(absolute)!, absolute, IncludedBy: null);
        return Parse(File.ReadAllText(absolute), file, environment);
    }

    private static HoconDocument Parse(string text, SourceFile file, Func<string, string?>? environment)
    {
        var root = DocumentParser.Parse(text, file, includePrefix: []);
        var resolved = Resolver.Resolve(root, new HoconOrigin(file.DisplayName, 1, 1), environment ?? Environment.GetEnvironmentVariable);
        return new HoconDocument(resolved);
    }
}
