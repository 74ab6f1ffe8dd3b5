namespace ActorExec.Node.Tests.EndToEnd;

/// <summary>The real node and CLI binaries, as the solution build left them (same configuration as these tests).</summary>
internal static class Binaries
{
    private static readonly string Configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Node => Output("ActorExec.Node", "ActorExec.Node.dll");

    public static string Cli => Output("ActorExec.Cli", "actorexec.dll");

    private static string Output(string project, string assembly)
    {
        var path = Path.Combine(RepositoryRoot, "src", project, "bin", Configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{assembly} is not built at {path}; build the solution first", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorExec.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no ActorExec.sln above {AppContext.BaseDirectory}");
    }
}
