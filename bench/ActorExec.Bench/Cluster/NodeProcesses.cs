using System.Diagnostics;
using Npgsql;

namespace ActorExec.Bench.Cluster;

/// <summary>Real node processes (<c>--profile cluster</c>, shipped defaults, no strategy) on loopback, for failover after <c>kill -9</c>.</summary>
internal sealed class NodeProcesses : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorexec-bench-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, Process> _nodes = [];
    private readonly string _nodeDll = NodeDll();
    private int _started;

    public NodeProcesses(string connectionString) => _connectionString = connectionString;

    public void Start(string nodeId)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { _nodeDll, "--profile", "cluster", "--port", "0", "--data", Path.Combine(_root, $"{nodeId}-{_started++}") })
            info.ArgumentList.Add(argument);
        info.Environment["ACTOREXEC_POSTGRES"] = _connectionString;
        info.Environment["ACTOREXEC_NODE_ID"] = nodeId;
        info.Environment["ACTOREXEC__demo__enabled"] = "false";
        info.Environment["ACTOREXEC__logging__level"] = "warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _nodes[nodeId] = process;
    }

    public void Kill(string nodeId)
    {
        using var kill = Process.Start("kill", ["-KILL", _nodes[nodeId].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        _nodes[nodeId].WaitForExit();
    }

    /// <summary>Valid shard leases per owner node id (database clock).</summary>
    public async Task<Dictionary<string, int>> OwnersAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT l.owner_node, count(*) FROM shard_leases l JOIN cluster_nodes n ON n.incarnation = l.owner_incarnation
            WHERE l.expires_at > now() AND n.status = 'up' GROUP BY l.owner_node
            """);
        var owners = new Dictionary<string, int>();
        NpgsqlDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return owners; // no node has created the cluster's tables yet
        }
        await using var _ = reader;
        while (await reader.ReadAsync())
            owners[reader.GetString(0)] = (int)reader.GetInt64(1);
        return owners;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _nodes.Values)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string NodeDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "ActorExec.Node", "bin", "Release", "net10.0", "ActorExec.Node.dll");
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException("ActorExec.Node.dll (Release) is not built; run the benchmark with -c Release so it is built first");
    }
}
