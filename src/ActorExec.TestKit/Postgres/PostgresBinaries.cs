namespace ActorExec.TestKit.Postgres;

/// <summary>Where the PostgreSQL server programs are, and which user runs them (initdb refuses to run as root).</summary>
internal sealed class PostgresBinaries
{
    private PostgresBinaries(string directory, string? runAsUser)
    {
        Directory = directory;
        RunAsUser = runAsUser;
    }

    public string Directory { get; }

    /// <summary>The unprivileged user that runs the server when this process is root; null to run as ourselves.</summary>
    public string? RunAsUser { get; }

    /// <exception cref="InvalidOperationException">The programs are not installed, with what to install.</exception>
    public static PostgresBinaries Locate()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(System.IO.Directory.Exists("/usr/lib/postgresql")
                ? System.IO.Directory.EnumerateDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf).Select(v => Path.Combine(v, "bin"))
                : []);
        var directory = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server programs (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
                "Install them (Debian/Ubuntu: apt-get install -y postgresql; ./test.sh does this itself when run as root), " +
                $"or set {PrivatePostgres.ConnectionStringVariable} to the connection string of a server to use.");

        string? user = null;
        if (Environment.UserName == "root")
        {
            user = File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal))
                ? "postgres"
                : throw new InvalidOperationException("Running as root, but there is no 'postgres' user to run the server as (initdb refuses root); install the postgresql package, which creates it.");
        }
        return new PostgresBinaries(directory, user);
    }

    public Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, program);
        return RunAsUser is { } user
            ? Shell.RunAsync("runuser", ["-u", user, "--", path, .. arguments], cancellationToken)
            : Shell.RunAsync(path, arguments, cancellationToken);
    }

    private static int VersionOf(string directory) => int.TryParse(Path.GetFileName(directory), out var version) ? version : 0;
}

/// <summary>Runs a program to completion, failing with its output when it fails.</summary>
internal static class Shell
{
    public static async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
    }
}
