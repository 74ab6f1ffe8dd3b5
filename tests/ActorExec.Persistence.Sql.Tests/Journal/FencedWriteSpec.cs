using System.Data.Common;
using ActorExec.Persistence.Sql.Journal;
using ActorExec.Persistence.Sql.Tests.Fixtures;
using Npgsql;

namespace ActorExec.Persistence.Sql.Tests.Journal;

/// <summary>A fence named in a table: it holds while the table still has its name at its epoch (as a shard lease would).</summary>
public sealed record TableFence(string Name, long Epoch) : WriteFence
{
    public override string Describe() => $"fence {Name} at epoch {Epoch}";
}

/// <summary>Reads the fences' rows FOR SHARE in the write's transaction, as the cluster's lease check does.</summary>
public sealed class TableFenceCheck(string schema) : IWriteFenceCheck
{
    public async Task<IReadOnlyDictionary<WriteFence, string>> FindBrokenAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<WriteFence> fences, CancellationToken cancellationToken)
    {
        var wanted = fences.Cast<TableFence>().ToList();
        await using var command = (NpgsqlCommand)connection.CreateCommand();
        command.Transaction = (NpgsqlTransaction)transaction;
        command.CommandText = $"SELECT name, epoch FROM {schema}.fences WHERE name = ANY(@names) FOR SHARE";
        command.Parameters.AddWithValue("names", wanted.Select(f => f.Name).ToArray());
        var current = new Dictionary<string, long>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                current[reader.GetString(0)] = reader.GetInt64(1);
        }
        var broken = new Dictionary<WriteFence, string>();
        foreach (var fence in wanted)
        {
            if (!current.TryGetValue(fence.Name, out var epoch))
                broken[fence] = "no such fence";
            else if (epoch != fence.Epoch)
                broken[fence] = $"epoch is now {epoch}";
        }
        return broken;
    }
}

/// <summary>Fenced writes on PostgreSQL: stored while the fence holds, refused (nothing stored) once it is broken.</summary>
public sealed class FencedWriteSpec : IAsyncLifetime
{
    private readonly string _schema = SharedPostgres.NewSchema();
    private SqlStores _stores = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _connectionString = (await SharedPostgres.GetAsync()).ConnectionString;
        _stores = SqlPersistence.Postgres(_connectionString, TestSerialization.Serializer(),
            new SqlJournalOptions { Schema = _schema, FenceCheck = new TableFenceCheck(_schema) });
        await _stores.EnsureSchemaAsync();
        await ExecuteAsync($"CREATE TABLE {_schema}.fences (name text PRIMARY KEY, epoch bigint NOT NULL); INSERT INTO {_schema}.fences VALUES ('shard-1', 1), ('shard-2', 1)");
    }

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static AtomicWrite Write(string pid, long seq, WriteFence? fence)
        => new([new PersistentRepresentation(pid, seq, new Evt($"{pid}#{seq}"), DateTimeOffset.UnixEpoch, [])]) { Fence = fence };

    private async Task<List<long>> StoredAsync(string pid)
    {
        var stored = new List<long>();
        await foreach (var e in _stores.Journal.ReplayAsync(pid, 1, long.MaxValue, long.MaxValue))
            stored.Add(e.SequenceNr);
        return stored;
    }

    [Fact]
    public async Task WriteAsync_FenceHolds_IsStored()
    {
        var results = await _stores.Journal.WriteAsync([Write("a", 1, new TableFence("shard-1", 1))]);

        results.Single().Should().BeOfType<WriteResult.Stored>();
        (await StoredAsync("a")).Should().Equal(1);
    }

    [Fact]
    public async Task WriteAsync_FenceBroken_IsRefusedNamingTheFenceAndStoresNothing()
    {
        await ExecuteAsync($"UPDATE {_schema}.fences SET epoch = 2 WHERE name = 'shard-1'");

        var results = await _stores.Journal.WriteAsync([Write("a", 1, new TableFence("shard-1", 1))]);

        var failed = results.Single().Should().BeOfType<WriteResult.Failed>().Subject;
        var fenced = failed.Cause.Should().BeOfType<FencedWriteException>().Subject;
        fenced.PersistenceId.Should().Be("a");
        fenced.Message.Should().Contain("fence shard-1 at epoch 1").And.Contain("epoch is now 2");
        (await StoredAsync("a")).Should().BeEmpty();
    }

    [Fact]
    public async Task WriteAsync_BrokenAndHoldingFencesInOneCall_OnlyTheBrokenOnesAreRefused()
    {
        await ExecuteAsync($"UPDATE {_schema}.fences SET epoch = 5 WHERE name = 'shard-2'");

        var results = await _stores.Journal.WriteAsync(
        [
            Write("a", 1, new TableFence("shard-1", 1)),
            Write("b", 1, new TableFence("shard-2", 1)),
            Write("c", 1, null),
            Write("d", 1, new TableFence("shard-1", 1)),
        ]);

        results.Select(r => r.GetType().Name).Should().Equal("Stored", "Failed", "Stored", "Stored");
        (await StoredAsync("b")).Should().BeEmpty();
        (await StoredAsync("d")).Should().Equal(1);
    }

    [Fact]
    public async Task WriteAsync_FencedWriteWithoutAFenceCheck_FailsSayingSo()
    {
        await using var unchecked_ = SqlPersistence.Postgres(_connectionString, TestSerialization.Serializer(), new SqlJournalOptions { Schema = _schema });

        var results = await unchecked_.Journal.WriteAsync([Write("a", 1, new TableFence("shard-1", 1))]);

        results.Single().Should().BeOfType<WriteResult.Failed>().Which.Cause.Message.Should().Contain("FenceCheck");
    }

    [Fact]
    public async Task WriteAsync_FencedWriteOnSqlite_FailsSayingAClusterNeedsPostgres()
    {
        var directory = Path.Combine(Path.GetTempPath(), "actorexec-fence-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var sqlite = SqlPersistence.Sqlite(Path.Combine(directory, "journal.db"), TestSerialization.Serializer()))
        {
            var results = await sqlite.Journal.WriteAsync([Write("a", 1, new TableFence("shard-1", 1))]);

            results.Single().Should().BeOfType<WriteResult.Failed>().Which.Cause.Message.Should().Contain("cannot check write fences");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task PersistentActor_UnderAFencedParent_StopsOnItsFirstWriteAfterTheFenceBroke()
    {
        await using var kit = new FencedKit(_stores);
        var probe = kit.CreateTestProbe();
        var parent = kit.Sys.ActorOf(Props.Create(() => new LedgerParent("fenced-ledger", probe.Ref)).WithWriteFence(new TableFence("shard-1", 1)), "parent");
        var ledger = probe.ExpectMsg<IActorRef>();
        probe.ExpectMsg<string>(m => m.StartsWith("recovered", StringComparison.Ordinal));
        probe.Watch(ledger);

        ledger.Tell("persist:a", probe.Ref);
        probe.ExpectMsg("persisted a #1");
        await ExecuteAsync($"UPDATE {_schema}.fences SET epoch = 2 WHERE name = 'shard-1'");
        ledger.Tell("persist:b", probe.Ref);

        probe.ExpectMsg("persist failed #2: FencedWriteException");
        probe.ExpectTerminated(ledger);
        (await StoredAsync("fenced-ledger")).Should().Equal(1);
        parent.Should().NotBeNull();
    }

    /// <summary>Creates a ledger child (which inherits the fence) and hands its ref to the probe.</summary>
    private sealed class LedgerParent : ReceiveActor
    {
        public LedgerParent(string pid, IActorRef probe)
        {
            var child = Context.ActorOf(Props.Create(() => new Actors.Ledger(pid, probe, false)), "ledger");
            probe.Tell(child, Self);
        }
    }

    private sealed class FencedKit(SqlStores stores) : TestKit.TestKit(new TestKitOptions { SystemOptions = new ActorSystemOptions { Persistence = stores.ToPersistenceOptions() } }), IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
