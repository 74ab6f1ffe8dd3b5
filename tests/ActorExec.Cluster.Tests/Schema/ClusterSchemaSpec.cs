using ActorExec.Cluster.Schema;
using ActorExec.Cluster.Tests.Fixtures;
using Npgsql;

namespace ActorExec.Cluster.Tests.Schema;

public sealed class ClusterSchemaSpec : IAsyncLifetime
{
    private ClusterDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ClusterDatabase.CreateAsync(shardCount: 16, ensureSchema: false);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ClusterSchema Schema(int shardCount) => new(_db.DataSource, _db.Options with { ShardCount = shardCount });

    private Task<long> CountAsync(string table) => _db.ScalarAsync<long>($"SELECT count(*) FROM {_db.Schema}.{table}");

    private Task<string> StoredShardCountAsync() => _db.ScalarAsync<string>($"SELECT value FROM {_db.Schema}.cluster_settings WHERE key = 'shard_count'");

    [Fact]
    public async Task Ensure_NewSchema_CreatesOneFreeLeasePerShardAndStoresTheCount()
    {
        await Schema(16).EnsureAsync();

        (await StoredShardCountAsync()).Should().Be("16");
        (await CountAsync("cluster_nodes")).Should().Be(0);
        var leases = await _db.Leases.ListAsync();
        leases.Select(l => l.ShardId).Should().Equal(Enumerable.Range(0, 16));
        leases.Should().OnlyContain(l => l.Owner == null && l.Epoch == 0 && l.ExpiresAt == null && !l.IsValid);
    }

    [Fact]
    public async Task Ensure_DefaultOptions_StoresTwoHundredFiftySixShards()
    {
        await new ClusterSchema(_db.DataSource, new ClusterOptions { Schema = _db.Schema }).EnsureAsync();

        (await StoredShardCountAsync()).Should().Be("256");
        (await CountAsync("shard_leases")).Should().Be(256);
    }

    [Fact]
    public async Task Ensure_RunAgainByAnotherNode_ChangesNothing()
    {
        await Schema(16).EnsureAsync();
        var (_, me) = await _db.JoinAsync("node-a");
        await _db.Leases.TryAcquireAsync(3, me, TimeSpan.FromSeconds(30));

        await Schema(16).EnsureAsync();

        (await CountAsync("shard_leases")).Should().Be(16);
        (await CountAsync("cluster_nodes")).Should().Be(1);
        (await _db.LeaseAsync(3)).Owner.Should().Be(me);
    }

    [Fact]
    public async Task Ensure_ManyNodesStartingAtOnce_AllSucceedAndCreateOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Schema(16).EnsureAsync())));

        (await CountAsync("shard_leases")).Should().Be(16);
        (await CountAsync("cluster_settings")).Should().Be(2);
    }

    [Fact]
    public async Task Ensure_OtherShardCount_RefusesNamingBothNumbers()
    {
        await Schema(16).EnsureAsync();

        var ensure = () => Schema(8).EnsureAsync();

        await ensure.Should().ThrowAsync<ClusterConfigurationException>().WithMessage(
            $"The cluster in schema {_db.Schema} was created with 16 shards; this node is configured with 8 (ClusterOptions.ShardCount). The shard count never changes for the life of a cluster");
    }

    [Fact]
    public async Task Ensure_OtherShardCount_LeavesTheClusterAsItWas()
    {
        await Schema(16).EnsureAsync();

        await Schema(32).Invoking(s => s.EnsureAsync()).Should().ThrowAsync<ClusterConfigurationException>();

        (await StoredShardCountAsync()).Should().Be("16");
        (await CountAsync("shard_leases")).Should().Be(16);
    }

    [Fact]
    public async Task Ensure_TablesOfANewerBuild_Refuses()
    {
        await Schema(16).EnsureAsync();
        await _db.ExecuteAsync($"UPDATE {_db.Schema}.cluster_settings SET value = '2' WHERE key = 'schema_version'");

        var ensure = () => Schema(16).EnsureAsync();

        await ensure.Should().ThrowAsync<ClusterConfigurationException>().WithMessage("*tables of version '2'; this build knows version 1*");
    }

    [Fact]
    public async Task Ensure_UnreachableDatabase_ThrowsNamingTheSchema()
    {
        await using var nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Timeout=2");

        var ensure = () => new ClusterSchema(nowhere, _db.Options).EnsureAsync();

        await ensure.Should().ThrowAsync<InvalidOperationException>().WithMessage($"Cannot create the cluster tables in schema {_db.Schema}: *");
    }
}
