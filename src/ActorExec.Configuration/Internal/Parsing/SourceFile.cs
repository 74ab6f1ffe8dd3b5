namespace ActorExec.Configuration.Internal.Parsing;

/// <summary>
/// A text being parsed: its name in messages, the directory its relative includes start from,
/// and the chain of includes that led to it (for cycle detection).
/// </summary>
/// <param name="DisplayName">The name used in origins, e.g. <c>hocon/paper.conf</c>.</param>
/// <param name="IncludeDirectory">Absolute directory that relative includes are resolved against.</param>
/// <param name="FullPath">Absolute file path, or null for text that did not come from a file.</param>
/// <param name="IncludedBy">The file whose include statement read this one, or null for the top file.</param>
internal sealed record SourceFile(string DisplayName, string IncludeDirectory, string? FullPath, SourceFile? IncludedBy)
{
    /// <summary>The directory to show included files under: the including file's own displayed directory.</summary>
    public string? DisplayDirectory => FullPath is null ? null : Path.GetDirectoryName(DisplayName);

    /// <summary>The files from the top file down to this one.</summary>
    public IEnumerable<SourceFile> Chain()
    {
        var files = new List<SourceFile>();
        for (var file = this; file is not null; file = file.IncludedBy)
            files.Add(file);
        files.Reverse();
        return files;
    }
}
