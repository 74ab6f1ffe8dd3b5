using ActorExec.Actors.Persistence;
using ActorExec.Actors.Persistence.InMemory;
using ActorExec.Persistence.Sql;
using ActorExec.TestKit.Postgres;

namespace ActorExec.Bench.Persistence;

/// <summary>
/// Persistence throughput on the in-memory journal, SQLite and PostgreSQL (a private server started
/// here): Persist, PersistAsync and PersistAll(100) from one actor, 100 actors at once (group commit),
/// and recovery of 1,000,000 events. Medians of repeated runs.
/// </summary>
internal static class PersistenceSuite
{
    private const long RecoveryEvents = 1_000_000;

    public static async Task<Report> RunAsync(string[] args)
    {
        var runs = Stats.RunsOption(args, "persistence");
        var report = new Report("persistence");

        Console.Error.WriteLine("in-memory ...");
        var serializer = BenchSerialization.Serializer();
        var memory = new PersistenceOptions(new InMemoryJournal(serializer), new InMemorySnapshotStore(serializer));
        await Workloads.PersistAsync(memory, PersistMode.Persist, 1, 50_000); // warm-up
        await Measure(report, "inmemory_persist_1_actor_events_per_s", "in-memory: Persist, 1 actor", runs, () => Workloads.PersistAsync(memory, PersistMode.Persist, 1, 200_000));
        await Measure(report, "inmemory_persist_async_1_actor_events_per_s", "in-memory: PersistAsync, 1 actor", runs, () => Workloads.PersistAsync(memory, PersistMode.PersistAsync, 1, 300_000));

        Console.Error.WriteLine("sqlite ...");
        var directory = Path.Combine(Path.GetTempPath(), "actorexec-bench-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var sqlite = SqlPersistence.Sqlite(Path.Combine(directory, "journal.db"), serializer))
        {
            await StoreWorkloads(report, "sqlite", "SQLite", sqlite, runs, sequential: 2_000);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);

        Console.Error.WriteLine("postgresql (private server) ...");
        await using var server = await PrivatePostgres.StartAsync();
        await using (var postgres = SqlPersistence.Postgres(server.ConnectionString, serializer, new SqlJournalOptions { Schema = "bench" }))
        {
            await StoreWorkloads(report, "postgres", "PostgreSQL", postgres, runs, sequential: 1_000);
        }
        return report;
    }

    private static async Task StoreWorkloads(Report report, string key, string label, SqlStores stores, int runs, int sequential)
    {
        var options = stores.ToPersistenceOptions();
        await stores.EnsureSchemaAsync();
        await Workloads.PersistAsync(options, PersistMode.PersistAsync, 10, 500); // warm-up
        await Measure(report, $"{key}_persist_1_actor_events_per_s", $"{label}: Persist, 1 actor (each waits for its commit)", runs,
            () => Workloads.PersistAsync(options, PersistMode.Persist, 1, sequential));
        await Measure(report, $"{key}_persist_async_1_actor_events_per_s", $"{label}: PersistAsync, 1 actor", runs,
            () => Workloads.PersistAsync(options, PersistMode.PersistAsync, 1, 20_000));
        await Measure(report, $"{key}_persist_all_100_1_actor_events_per_s", $"{label}: PersistAll(100), 1 actor", runs,
            () => Workloads.PersistAsync(options, PersistMode.PersistAll100, 1, 500));
        await Measure(report, $"{key}_persist_100_actors_events_per_s", $"{label}: Persist, 100 actors (group commit)", runs,
            () => Workloads.PersistAsync(options, PersistMode.Persist, 100, 300));
        await Measure(report, $"{key}_persist_async_100_actors_events_per_s", $"{label}: PersistAsync, 100 actors (group commit)", runs,
            () => Workloads.PersistAsync(options, PersistMode.PersistAsync, 100, 300));

        Console.Error.WriteLine($"  seeding {RecoveryEvents:N0} events for recovery ...");
        var persistenceId = await Workloads.SeedAsync(stores.Journal, RecoveryEvents);
        await Measure(report, $"{key}_recovery_1m_events_per_s", $"{label}: recovery of {RecoveryEvents:N0} events", Math.Min(runs, 2),
            () => Workloads.RecoverAsync(options, persistenceId, RecoveryEvents));
    }

    private static async Task Measure(Report report, string key, string label, int runs, Func<Task<double>> workload)
    {
        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
            samples.Add(await workload());
        var median = Stats.Median(samples);
        report.Add(key, label, median, "events/s");
        Console.Error.WriteLine($"  {label}: {median:N0} events/s ({string.Join(", ", samples.Select(s => s.ToString("N0")))})");
    }
}
