namespace ActorExec.Trading.Tests;

/// <summary>Where the repository is, for specs that check files against the code.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ActorExec.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"ActorExec.sln not found above {AppContext.BaseDirectory}");
    }
}
