using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace ActorExec.Configuration;

/// <summary>A HOCON file or text added to a configuration builder.</summary>
internal sealed class HoconConfigurationSource : IConfigurationSource
{
    private readonly Func<IConfigurationBuilder, HoconDocument?> _read;
    private readonly string _description;

    private HoconConfigurationSource(Func<IConfigurationBuilder, HoconDocument?> read, string description)
    {
        _read = read;
        _description = description;
    }

    /// <summary>
    /// A file; a relative <paramref name="path"/> starts from the builder's base path (<c>SetBasePath</c>),
    /// as for JSON files, and origins name the file as <paramref name="path"/> was given.
    /// </summary>
    public static HoconConfigurationSource File(string path, bool optional) => new(builder =>
    {
        var fullPath = Path.IsPathRooted(path) ? path : Path.Combine(BasePath(builder), path);
        if (optional && !System.IO.File.Exists(fullPath))
            return null;
        return HoconParser.ParseFile(fullPath, path, environment: null);
    }, path);

    public static HoconConfigurationSource Text(string text, string sourceName, Func<string, string?>? environment, string? baseDirectory) =>
        new(_ => HoconParser.ParseText(text, sourceName, environment, baseDirectory), sourceName);

    public IConfigurationProvider Build(IConfigurationBuilder builder) =>
        new HoconConfigurationProvider(() => _read(builder), _description);

    private static string BasePath(IConfigurationBuilder builder) =>
        builder.GetFileProvider() is PhysicalFileProvider physical ? physical.Root : AppContext.BaseDirectory;
}
