using System.Diagnostics;
using ActorExec.Node.Tests.EndToEnd;
using ActorExec.TestKit.Postgres;
using ActorExec.Trading;
using ActorExec.Venues.Remote;
using Npgsql;

namespace ActorExec.Node.Tests.Cluster;

/// <summary>
/// The topology of scripts/cluster-local.sh, for tests: a private PostgreSQL, the paper exchange every
/// node trades on, and node processes with <c>--profile cluster</c> on loopback, default cluster timing.
/// Assertions read the coordinator's tables directly, so they do not depend on any node being alive.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    public const string Token = "cluster-test-token";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorexec-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<NodeProcess> _all = [];

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private LocalCluster(PrivatePostgres postgres, string connectionString, ExchangeProcess exchange, Uri exchangeUrl)
    {
        Postgres = postgres;
        ConnectionString = connectionString;
        Exchange = exchange;
        ExchangeUrl = exchangeUrl;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public PrivatePostgres Postgres { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public ExchangeProcess Exchange { get; }

    public Uri ExchangeUrl { get; }

    public Dictionary<string, NodeProcess> Nodes { get; } = [];

    public static async Task<LocalCluster> StartAsync(int nodes, IReadOnlyDictionary<string, string>? settings = null)
    {
        var postgres = await PrivatePostgres.StartAsync();
        var database = "cluster_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = NpgsqlDataSource.Create(postgres.ConnectionString))
        await using (var create = admin.CreateCommand($"CREATE DATABASE {database}"))
            await create.ExecuteNonQueryAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = database, MaxPoolSize = 40 }.ConnectionString;
        var (exchange, url) = await ExchangeProcess.StartAsync(new Dictionary<string, string> { ["ACTOREXEC__demo__markets"] = "24" }, TimeSpan.FromSeconds(60));
        var cluster = new LocalCluster(postgres, connectionString, exchange, url) { _settings = settings ?? new Dictionary<string, string>() };
        for (var i = 1; i <= nodes; i++)
            cluster.StartNode($"node-{i}");
        return cluster;
    }

    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    public NodeProcess StartNode(string nodeId)
    {
        var environment = new Dictionary<string, string>
        {
            ["ACTOREXEC_POSTGRES"] = ConnectionString,
            ["ACTOREXEC_NODE_ID"] = nodeId,
            ["ACTOREXEC_TOKEN"] = Token,
            ["ACTOREXEC_PAPER_EXCHANGE"] = ExchangeUrl.ToString(),
            ["ACTOREXEC__demo__markets"] = "24",
            ["ACTOREXEC__demo__scan-interval"] = "250ms",
            ["ACTOREXEC__engine__cooldown"] = "1s",
            ["ACTOREXEC__engine__reconciliation-interval"] = "5s",
            ["ACTOREXEC__node__shutdown-timeout"] = "20s",
        };
        foreach (var (key, value) in _settings)
            environment[key] = value;
        var node = NodeProcess.Start(Path.Combine(_root, nodeId + "-" + _all.Count), environment, "--profile", "cluster");
        Nodes[nodeId] = node;
        _all.Add(node);
        return node;
    }

    /// <summary>Shards per owner node id, counting valid leases only (database clock).</summary>
    public async Task<Dictionary<string, int>> OwnersAsync()
    {
        await using var command = DataSource.CreateCommand("""
            SELECT l.owner_node, count(*) FROM shard_leases l JOIN cluster_nodes n ON n.incarnation = l.owner_incarnation
            WHERE l.expires_at > now() AND n.status IN ('up', 'leaving') GROUP BY l.owner_node
            """);
        var owners = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            owners[reader.GetString(0)] = (int)reader.GetInt64(1);
        return owners;
    }

    /// <summary>The node id owning each shard now (null when unowned).</summary>
    public async Task<Dictionary<int, string?>> ShardOwnersAsync()
    {
        await using var command = DataSource.CreateCommand("""
            SELECT l.shard_id, CASE WHEN l.expires_at > now() AND n.status IN ('up', 'leaving') THEN l.owner_node END
            FROM shard_leases l LEFT JOIN cluster_nodes n ON n.incarnation = l.owner_incarnation
            """);
        var owners = new Dictionary<int, string?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            owners[reader.GetInt32(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        return owners;
    }

    /// <summary>The status of a node id's newest incarnation.</summary>
    public async Task<string?> StatusAsync(string nodeId)
    {
        await using var command = DataSource.CreateCommand("SELECT status FROM cluster_nodes WHERE node_id = @node ORDER BY incarnation DESC LIMIT 1");
        command.Parameters.AddWithValue("node", nodeId);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Inbox messages appended and not yet consumed, over every inbox.</summary>
    public async Task<long> UnconsumedAsync(string targetPrefix = "shard:")
    {
        await using var command = DataSource.CreateCommand("""
            SELECT coalesce(sum(h.last_position - coalesce(c.consumed, 0)), 0)::bigint
            FROM inbox_heads h LEFT JOIN inbox_cursors c ON c.target = h.target WHERE h.target LIKE @prefix
            """);
        command.Parameters.AddWithValue("prefix", targetPrefix + "%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Inbox messages appended to shard inboxes so far.</summary>
    public async Task<long> AppendedAsync(string targetPrefix = "shard:")
    {
        await using var command = DataSource.CreateCommand("SELECT coalesce(sum(last_position), 0)::bigint FROM inbox_heads WHERE target LIKE @prefix");
        command.Parameters.AddWithValue("prefix", targetPrefix + "%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many times each client order id was placed at <paramref name="venue"/>, from the exchange's records.</summary>
    public async Task<Dictionary<string, int>> PlacementsAsync(string venue)
    {
        var client = await PaperExchangeClient.ConnectAsync(ExchangeUrl, new VenueId(venue), Http);
        var records = (await client.GetRecordsAsync()).Value;
        return records.Placements.GroupBy(p => p.ClientOrderId.Value).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, failing with <paramref name="what"/> (and the nodes' output) at the deadline.</summary>
    public async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            try
            {
                if (await condition())
                    return clock.Elapsed;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // No node has created the cluster's tables yet.
            }
            catch (NpgsqlException e) when (e is not PostgresException)
            {
                // The server is restarting (a test does that): ask again.
            }
            await Task.Delay(PollInterval);
        }
        throw new TimeoutException($"Within {within.TotalSeconds} s: {what}\n{await InboxReportAsync()}\n{Report()}\nFull output: {KeepOutput()}");
    }

    /// <summary>The inbox messages not yet consumed (at most 20), with the owner of their shard, for failure messages.</summary>
    public async Task<string> InboxReportAsync()
    {
        try
        {
            await using var command = DataSource.CreateCommand("""
                SELECT i.target, i.position, coalesce(c.consumed, 0), i.manifest, i.recipient, i.sender_node, i.enqueued_at, l.owner_node, l.epoch
                FROM inbox i LEFT JOIN inbox_cursors c ON c.target = i.target
                LEFT JOIN shard_leases l ON 'shard:' || l.shard_id = i.target
                WHERE i.position > coalesce(c.consumed, 0) ORDER BY i.target, i.position LIMIT 20
                """);
            var lines = new List<string> { "--- unconsumed inbox messages ---" };
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add($"{reader.GetString(0)} #{reader.GetInt64(1)} (cursor {reader.GetInt64(2)}) {reader.GetString(3)} to {reader.GetString(4)} from {reader.GetString(5)} at {reader.GetFieldValue<DateTimeOffset>(6):HH:mm:ss.fff}; "
                    + $"shard owner {(reader.IsDBNull(7) ? "none" : reader.GetString(7))} epoch {(reader.IsDBNull(8) ? "-" : reader.GetValue(8))}");
            }
            return string.Join('\n', lines);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return $"--- unconsumed inbox messages: unreadable ({e.Message}) ---";
        }
    }

    /// <summary>Writes every process's whole output beside the test run (the data directory is deleted); the folder.</summary>
    private string KeepOutput()
    {
        var folder = Path.Combine(Path.GetTempPath(), "actorexec-cluster-failures", Path.GetFileName(_root));
        Directory.CreateDirectory(folder);
        foreach (var (id, node) in Nodes)
            File.WriteAllText(Path.Combine(folder, id + ".log"), node.Output);
        File.WriteAllText(Path.Combine(folder, "exchange.log"), Exchange.Output);
        return folder;
    }

    /// <summary>The tail of every node's output, for failure messages.</summary>
    public string Report()
        => string.Join("\n", Nodes.Select(n => $"--- {n.Key} (exited: {n.Value.HasExited}) ---\n{Tail(n.Value.Output, 40)}")) + $"\n--- exchange ---\n{Tail(Exchange.Output, 10)}";

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _all)
            await node.DisposeAsync();
        await Exchange.DisposeAsync();
        await DataSource.DisposeAsync();
        await Postgres.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
