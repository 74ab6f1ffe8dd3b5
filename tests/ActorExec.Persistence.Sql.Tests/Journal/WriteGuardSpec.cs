using ActorExec.TestKit.Postgres;
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
public sealed class TableFenceCheck(string schema) : IWriteGuard
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

    /// <summary>Receipts are "consumed up to N" marks in a cursor table, advanced only forwards.</summary>
    public async Task StoreReceiptsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<WriteReceipt> receipts, CancellationToken cancellationToken)
    {
        foreach (var receipt in receipts.Cast<CursorReceipt>())
        {
            await using var command = (NpgsqlCommand)connection.CreateCommand();
            command.Transaction = (NpgsqlTransaction)transaction;
            command.CommandText = $"INSERT INTO {schema}.cursors (name, consumed) VALUES (@name, @consumed) " +
                                  $"ON CONFLICT (name) DO UPDATE SET consumed = GREATEST({schema}.cursors.consumed, EXCLUDED.consumed)";
            command.Parameters.AddWithValue("name", receipt.Cursor);
            command.Parameters.AddWithValue("consumed", receipt.Consumed);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>"The cursor <paramref name="Cursor"/> has consumed up to <paramref name="Consumed"/>".</summary>
public sealed record CursorReceipt(string Cursor, long Consumed) : WriteReceipt
{
    public override string Describe() => $"cursor {Cursor} at {Consumed}";
}

/// <summary>
/// Guarded writes on PostgreSQL: fenced writes are stored while the fence holds and refused (nothing
/// stored) once it is broken; receipts are stored in the same transaction as the write they ride on.
/// </summary>
public sealed class WriteGuardSpec : IAsyncLifetime
{
    private readonly string _schema = SharedPostgres.NewSchema();
    private SqlStores _stores = null!;
    private string _connectionString = null!;

    public async Task InitializeAsync()
    {
        _connectionString = (await SharedPostgres.GetAsync()).ConnectionString;
        _stores = SqlPersistence.Postgres(_connectionString, TestSerialization.Serializer(),
            new SqlJournalOptions { Schema = _schema, WriteGuard = new TableFenceCheck(_schema) });
        await _stores.EnsureSchemaAsync();
        await ExecuteAsync($"CREATE TABLE {_schema}.cursors (name text PRIMARY KEY, consumed bigint NOT NULL); CREATE TABLE {_schema}.fences (name text PRIMARY KEY, epoch bigint NOT NULL); INSERT INTO {_schema}.fences VALUES ('shard-1', 1), ('shard-2', 1)");
    }

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static AtomicWrite Write(string pid, long seq, WriteFence? fence, WriteReceipt? receipt = null)
        => new([new PersistentRepresentation(pid, seq, new Evt($"{pid}#{seq}"), DateTimeOffset.UnixEpoch, [])]) { Fence = fence, Receipt = receipt };

    private async Task<long?> CursorAsync(string name)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT consumed FROM {_schema}.cursors WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync() is long consumed ? consumed : null;
    }

    [Fact]
    public async Task WriteAsync_WithAReceipt_StoresItInTheSameTransaction()
    {
        var results = await _stores.Journal.WriteAsync([Write("a", 1, null, new CursorReceipt("inbox-1", 7))]);

        results.Single().Should().BeOfType<WriteResult.Stored>();
        (await CursorAsync("inbox-1")).Should().Be(7);
    }

    [Fact]
    public async Task WriteAsync_ReceiptOnAWriteThatFails_IsNotStored()
    {
        (await _stores.Journal.WriteAsync([Write("a", 1, null)])).Single().Should().BeOfType<WriteResult.Stored>();

        var results = await _stores.Journal.WriteAsync([Write("a", 1, null, new CursorReceipt("inbox-1", 8))]);

        results.Single().Should().BeOfType<WriteResult.Failed>().Which.Cause.Should().BeOfType<ConcurrentWriterException>();
        (await CursorAsync("inbox-1")).Should().BeNull();
    }

    [Fact]
    public async Task WriteAsync_ReceiptOnAFencedOffWrite_IsNotStored()
    {
        await ExecuteAsync($"UPDATE {_schema}.fences SET epoch = 2 WHERE name = 'shard-1'");

        var results = await _stores.Journal.WriteAsync([Write("a", 1, new TableFence("shard-1", 1), new CursorReceipt("inbox-1", 9))]);

        results.Single().Should().BeOfType<WriteResult.Failed>();
        (await CursorAsync("inbox-1")).Should().BeNull();
    }

    [Fact]
    public async Task PersistentActor_ReceiptedCommandThatPersists_SettlesStoredWithTheCursorAdvanced()
    {
        await using var kit = new FencedKit(_stores);
        var ledger = kit.Sys.ActorOf(Props.Create(() => new Actors.Ledger("receipted", kit.TestActor, false)));
        kit.ExpectMsg<string>(m => m.StartsWith("recovered", StringComparison.Ordinal));
        var delivery = new ReceiptedMessage("persist:a", new CursorReceipt("inbox-2", 41));

        ledger.Tell(delivery, kit.TestActor);

        kit.ExpectMsg("persisted a #1");
        (await delivery.Settled.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(ReceiptOutcome.Stored);
        (await CursorAsync("inbox-2")).Should().Be(41);
    }

    [Fact]
    public async Task PersistentActor_ReceiptedCommandThatWritesNothing_SettlesNoWrite()
    {
        await using var kit = new FencedKit(_stores);
        var ledger = kit.Sys.ActorOf(Props.Create(() => new Actors.Ledger("receipted", kit.TestActor, false)));
        kit.ExpectMsg<string>(m => m.StartsWith("recovered", StringComparison.Ordinal));
        var query = new ReceiptedMessage("state", new CursorReceipt("inbox-3", 5));
        var unknown = new ReceiptedMessage(42, new CursorReceipt("inbox-3", 6));

        ledger.Tell(query, kit.TestActor);
        ledger.Tell(unknown, kit.TestActor);
        ledger.Tell(new ReceiptedMessage("persist:b", new CursorReceipt("inbox-3", 7)), kit.TestActor);

        kit.ExpectMsg("state [] #0");
        kit.ExpectMsg("persisted b #1");
        (await query.Settled.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(ReceiptOutcome.NoWrite);
        (await unknown.Settled.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(ReceiptOutcome.NoWrite);
        (await CursorAsync("inbox-3")).Should().Be(7, "only the receipt that rode on a write is stored by the journal");
    }

    [Fact]
    public async Task PersistentActor_ReceiptedCommandThatThrows_SettlesFailedAtOnce_AndTheRestartedActorGoesOn()
    {
        await using var kit = new FencedKit(_stores);
        var ledger = kit.Sys.ActorOf(Props.Create(() => new Actors.Ledger("receipted-throw", kit.TestActor, false)));
        kit.ExpectMsg<string>(m => m.StartsWith("recovered", StringComparison.Ordinal));
        var delivery = new ReceiptedMessage("throw", new CursorReceipt("inbox-5", 2));

        ledger.Tell(delivery, kit.TestActor);

        // Settled by the instance the restart replaces, not left for the deliverer's settle timeout.
        (await delivery.Settled.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(ReceiptOutcome.Failed);
        kit.ExpectMsg<string>(m => m.StartsWith("recovered", StringComparison.Ordinal), hint: "the supervisor restarted it");
        var again = new ReceiptedMessage("persist:a", new CursorReceipt("inbox-5", 2));
        ledger.Tell(again, kit.TestActor);
        kit.ExpectMsg("persisted a #1");
        (await again.Settled.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(ReceiptOutcome.Stored);
        (await CursorAsync("inbox-5")).Should().Be(2);
    }

    [Fact]
    public async Task PersistentActor_StoppedWhileItsReceiptedWriteIsInFlight_SettlesFromTheWrite()
    {
        await using var kit = new FencedKit(_stores);
        var ledger = kit.Sys.ActorOf(Props.Create(() => new Actors.Ledger("receipted-stop", kit.TestActor, false)));
        kit.ExpectMsg<string>(m => m.StartsWith("recovered", StringComparison.Ordinal));
        kit.Watch(ledger);
        var delivery = new ReceiptedMessage("persist-and-stop:a", new CursorReceipt("inbox-6", 4));

        ledger.Tell(delivery, kit.TestActor);

        kit.ExpectTerminated(ledger);
        (await delivery.Settled.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(ReceiptOutcome.Stored, "the write landed with its receipt though the actor stopped before its handler ran");
        (await CursorAsync("inbox-6")).Should().Be(4);
        (await StoredAsync("receipted-stop")).Should().Equal(1);
    }

    [Fact]
    public async Task ReceiptedMessage_ToAStoppedActor_SettlesFailed()
    {
        await using var kit = new FencedKit(_stores);
        var ledger = kit.Sys.ActorOf(Props.Create(() => new Actors.Ledger("receipted-dead", kit.TestActor, false)));
        kit.ExpectMsg<string>(m => m.StartsWith("recovered", StringComparison.Ordinal));
        kit.Watch(ledger);
        kit.Sys.Stop(ledger);
        kit.ExpectTerminated(ledger);
        var delivery = new ReceiptedMessage("persist:a", new CursorReceipt("inbox-7", 1));

        ledger.Tell(delivery, kit.TestActor);

        (await delivery.Settled.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(ReceiptOutcome.Failed, "a dead letter took no effect");
    }

    [Fact]
    public async Task PersistentActor_ReceiptedCommandWhoseWriteIsFencedOff_SettlesFailed()
    {
        await using var kit = new FencedKit(_stores);
        kit.Sys.ActorOf(Props.Create(() => new LedgerParent("fenced-receipt", kit.TestActor)).WithWriteFence(new TableFence("shard-2", 1)), "parent");
        var ledger = kit.ExpectMsg<IActorRef>();
        kit.ExpectMsg<string>(m => m.StartsWith("recovered", StringComparison.Ordinal));
        await ExecuteAsync($"UPDATE {_schema}.fences SET epoch = 3 WHERE name = 'shard-2'");
        var delivery = new ReceiptedMessage("persist:a", new CursorReceipt("inbox-4", 3));

        ledger.Tell(delivery, kit.TestActor);

        (await delivery.Settled.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(ReceiptOutcome.Failed);
        (await CursorAsync("inbox-4")).Should().BeNull();
    }

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

        results.Single().Should().BeOfType<WriteResult.Failed>().Which.Cause.Message.Should().Contain("WriteGuard");
    }

    [Fact]
    public async Task WriteAsync_FencedWriteOnSqlite_FailsSayingAClusterNeedsPostgres()
    {
        var directory = Path.Combine(Path.GetTempPath(), "actorexec-fence-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var sqlite = SqlPersistence.Sqlite(Path.Combine(directory, "journal.db"), TestSerialization.Serializer()))
        {
            var results = await sqlite.Journal.WriteAsync([Write("a", 1, new TableFence("shard-1", 1))]);

            results.Single().Should().BeOfType<WriteResult.Failed>().Which.Cause.Message.Should().Contain("cannot check write fences").And.Contain("a cluster needs PostgreSQL");
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
