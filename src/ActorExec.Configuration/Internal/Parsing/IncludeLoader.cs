using ActorExec.Configuration.Internal.Syntax;

namespace ActorExec.Configuration.Internal.Parsing;

/// <summary>
/// Finds and parses included files. Relative names start from the including file's directory
/// (never the working directory); a name without extension loads <c>name.json</c> then
/// <c>name.conf</c>, both as HOCON, merged in that order as the spec asks.
/// </summary>
internal static class IncludeLoader
{
    private static readonly string[] ExtensionsInMergeOrder = [".json", ".conf"];

    /// <summary>
    /// The included object, or null when a non-required file is missing. <paramref name="prefix"/>
    /// is the key path the content lands under, so its substitutions can be fixed up.
    /// </summary>
    public static ObjectNode? Load(IncludeStatement include, SourceFile includer, string[] prefix, string? keyForErrors)
    {
        if (include.Name.Contains("://", StringComparison.Ordinal))
            throw new HoconException(include.Origin, keyForErrors, $"include \"{include.Name}\": URLs are not supported; include a file");

        var files = Candidates(include.Name, includer.IncludeDirectory);
        if (files.Count == 0)
        {
            if (!include.Required)
                return null;
            throw new HoconException(include.Origin, keyForErrors,
                $"required include \"{include.Name}\" not found (looked for {Path.GetFullPath(Path.Combine(includer.IncludeDirectory, include.Name))})");
        }

        var merged = new ObjectNode(include.Origin);
        foreach (var (fullPath, relativeName) in files)
        {
            var file = new SourceFile(DisplayName(includer, fullPath, relativeName), Path.GetDirectoryName(fullPath)!, fullPath, includer);
            RejectCycle(file, include, keyForErrors);
            merged.MergeFrom(DocumentParser.Parse(Read(fullPath, include, keyForErrors), file, prefix));
        }

        return merged;
    }

    private static List<(string FullPath, string RelativeName)> Candidates(string name, string directory)
    {
        var fullPath = Path.GetFullPath(Path.Combine(directory, name));
        if (File.Exists(fullPath))
            return [(fullPath, name)];
        if (Path.HasExtension(name))
            return [];
        return ExtensionsInMergeOrder
            .Where(extension => File.Exists(fullPath + extension))
            .Select(extension => (fullPath + extension, name + extension))
            .ToList();
    }

    private static string DisplayName(SourceFile includer, string fullPath, string relativeName)
    {
        if (Path.IsPathRooted(relativeName) || includer.DisplayDirectory is null)
            return fullPath;
        return includer.DisplayDirectory.Length == 0 ? relativeName : Path.Combine(includer.DisplayDirectory, relativeName);
    }

    private static void RejectCycle(SourceFile file, IncludeStatement include, string? keyForErrors)
    {
        var chain = file.IncludedBy!.Chain().ToList();
        if (chain.All(f => !string.Equals(f.FullPath, file.FullPath, StringComparison.Ordinal)))
            return;
        var names = chain.SkipWhile(f => !string.Equals(f.FullPath, file.FullPath, StringComparison.Ordinal))
            .Select(f => f.DisplayName).Append(file.DisplayName);
        throw new HoconException(include.Origin, keyForErrors, $"include cycle: {string.Join(" -> ", names)}");
    }

    private static string Read(string fullPath, IncludeStatement include, string? keyForErrors)
    {
        try
        {
            return File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(include.Origin, keyForErrors, $"cannot read included file {fullPath}: {e.Message}");
        }
    }
}
