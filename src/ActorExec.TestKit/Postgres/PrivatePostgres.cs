using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ActorExec.TestKit.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests and benchmarks: <c>initdb</c> into a temporary directory
/// and <c>pg_ctl start</c> on a free loopback port, stopped and deleted on dispose. When the
/// environment variable <c>ACTOREXEC_TEST_POSTGRES</c> holds a connection string, that server is used
/// instead and nothing is started.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    /// <summary>Names the environment variable that points at an existing server.</summary>
    public const string ConnectionStringVariable = "ACTOREXEC_TEST_POSTGRES";

    private const string DirectoryPrefix = "actorexec-pg-";
    private readonly string? _directory;
    private readonly PostgresBinaries? _binaries;

    private PrivatePostgres(string connectionString, string? directory, PostgresBinaries? binaries)
    {
        ConnectionString = connectionString;
        _directory = directory;
        _binaries = binaries;
    }

    /// <summary>Connects to the <c>postgres</c> database as the superuser (trust authentication on loopback).</summary>
    public string ConnectionString { get; }

    private const string OptionsFile = "server.options";

    /// <summary>True when this process started the server (and will stop it).</summary>
    public bool IsPrivate => _directory is not null;

    /// <summary>Starts a private server, or returns the one named by <see cref="ConnectionStringVariable"/>.</summary>
    /// <exception cref="InvalidOperationException">No PostgreSQL server binaries are installed (the message says how to get them), or the server did not start (with its log).</exception>
    public static async Task<PrivatePostgres> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } existing)
            return new PrivatePostgres(existing, null, null);

        var binaries = PostgresBinaries.Locate();
        RemoveOrphans(binaries);
        var directory = Path.Combine(Path.GetTempPath(), DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        try
        {
            if (binaries.RunAsUser is { } user)
                await Shell.RunAsync("chown", ["-R", user, directory], cancellationToken);
            var data = Path.Combine(directory, "data");
            await binaries.RunAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"], cancellationToken);
            var port = FreePort();
            var settings = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={directory} -c max_connections=300 -c fsync=on";
            await File.WriteAllTextAsync(Path.Combine(directory, OptionsFile), settings, cancellationToken);
            await binaries.RunAsync("pg_ctl", ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "-o", settings, "start"], cancellationToken);
            var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=100;Timeout=30;Command Timeout=120";
            return new PrivatePostgres(connectionString, directory, binaries);
        }
        catch (Exception e)
        {
            var log = Path.Combine(directory, "server.log");
            var tail = File.Exists(log) ? string.Join('\n', (await File.ReadAllLinesAsync(log, CancellationToken.None)).TakeLast(20)) : "(no server log)";
            TryDelete(directory);
            throw new InvalidOperationException($"Could not start a private PostgreSQL server ({binaries.Directory}): {e.Message}\nServer log:\n{tail}", e);
        }
    }

    /// <summary>
    /// Stops the private server as a crash would (immediate mode: connections are cut), keeps it down for
    /// <paramref name="down"/>, and starts it again on the same port with the same data.
    /// </summary>
    /// <exception cref="InvalidOperationException">This server is not private (it belongs to someone else).</exception>
    public async Task RestartAsync(TimeSpan down, CancellationToken cancellationToken = default)
    {
        if (_directory is null || _binaries is null)
            throw new InvalidOperationException($"The server of {ConnectionStringVariable} is not this process's to restart");
        var data = Path.Combine(_directory, "data");
        await _binaries.RunAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], cancellationToken);
        await Task.Delay(down, cancellationToken);
        var settings = await File.ReadAllTextAsync(Path.Combine(_directory, OptionsFile), cancellationToken);
        await _binaries.RunAsync("pg_ctl", ["-D", data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "-o", settings, "start"], cancellationToken);
    }

    /// <summary>Stops the private server (immediately: its data is throwaway) and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_directory is null || _binaries is null)
            return;
        try
        {
            await _binaries.RunAsync("pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the directory is removed either way.
        }
        TryDelete(_directory);
    }

    /// <summary>Stops servers whose owning process is gone (a test run that was killed).</summary>
    private static void RemoveOrphans(PostgresBinaries binaries)
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var owner = Path.Combine(directory, "owner.pid");
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && IsAlive(pid))
                continue;
            try
            {
                binaries.RunAsync("pg_ctl", ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"], CancellationToken.None).Wait(TimeSpan.FromSeconds(30));
            }
            catch (AggregateException)
            {
                // Not running.
            }
            TryDelete(directory);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
