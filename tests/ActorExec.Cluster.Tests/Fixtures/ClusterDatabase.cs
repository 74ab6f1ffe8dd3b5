using ActorExec.TestKit.Postgres;
using ActorExec.Cluster.Membership;
using ActorExec.Cluster.Schema;
using ActorExec.Cluster.Sharding;
using Npgsql;

namespace ActorExec.Cluster.Tests.Fixtures;

/// <summary>
/// A cluster in its own schema of the shared server, created with <see cref="ClusterSchema"/>, plus the
/// direct SQL the tests use to move time (heartbeats, expiries) back instead of sleeping.
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private ClusterDatabase(NpgsqlDataSource dataSource, ClusterOptions options)
    {
        DataSource = dataSource;
        Options = options;
        Leases = new ShardLeases(dataSource, options);
    }

    public NpgsqlDataSource DataSource { get; }

    public ClusterOptions Options { get; }

    public string Schema => Options.Schema;

    public ShardLeases Leases { get; }

    public static async Task<ClusterDatabase> CreateAsync(int shardCount = 16, bool ensureSchema = true)
    {
        var server = await SharedPostgres.GetAsync();
        var options = new ClusterOptions { Schema = SharedPostgres.NewSchema(), ShardCount = shardCount };
        var database = new ClusterDatabase(NpgsqlDataSource.Create(server.ConnectionString), options);
        if (ensureSchema)
            await new ClusterSchema(database.DataSource, options).EnsureAsync();
        return database;
    }

    public ClusterMembership NewMembership() => new(DataSource, Options);

    /// <summary>Joins a node with a membership object of its own, as a node process would.</summary>
    public async Task<(ClusterMembership Membership, MemberIncarnation Me)> JoinAsync(string nodeId)
    {
        var membership = NewMembership();
        var me = await membership.JoinAsync(nodeId, $"{nodeId}.local:5000");
        return (membership, me);
    }

    /// <summary>Pretends the member last heartbeated <paramref name="age"/> ago (database clock).</summary>
    public Task AgeHeartbeatAsync(MemberIncarnation member, TimeSpan age)
        => ExecuteAsync($"UPDATE {Schema}.cluster_nodes SET heartbeat_at = now() - @age WHERE incarnation = @incarnation", ("age", age), ("incarnation", member.Incarnation));

    /// <summary>Pretends the shard's lease ran out a second ago (database clock), owner unchanged.</summary>
    public Task ExpireLeaseAsync(int shardId)
        => ExecuteAsync($"UPDATE {Schema}.shard_leases SET expires_at = now() - interval '1 second' WHERE shard_id = @shard", ("shard", shardId));

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetFieldValue<T>(0);
    }

    public async Task<ShardLeaseInfo> LeaseAsync(int shardId) => (await Leases.ListAsync()).Single(l => l.ShardId == shardId);

    public async Task<MemberInfo> MemberAsync(MemberIncarnation member)
        => (await NewMembership().ListMembersAsync()).Single(m => m.Member == member);

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
        await DataSource.DisposeAsync();
    }
}

/// <summary>Base for specs that each need a fresh cluster database.</summary>
public abstract class ClusterDatabaseSpec(int shardCount = 16) : IAsyncLifetime
{
    protected ClusterDatabase Db { get; private set; } = null!;

    protected ShardLeases Leases => Db.Leases;

    public async Task InitializeAsync() => Db = await ClusterDatabase.CreateAsync(shardCount);

    public async Task DisposeAsync() => await Db.DisposeAsync();

    protected static ShardLease Acquired(AcquireResult result)
    {
        result.Should().BeOfType<AcquireResult.Acquired>();
        return result.Lease!;
    }
}
