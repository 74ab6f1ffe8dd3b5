using System.Diagnostics;
using ActorExec.Actors;
using ActorExec.TestKit.Postgres;
using Npgsql;

namespace ActorExec.Bench.Cluster;

/// <summary>
/// The cluster on one private PostgreSQL. (1) Three nodes in this process sharding an echo entity:
/// Tells from node 1 to entities on nodes 2 and 3 go through the shard inboxes (append, NOTIFY, consume);
/// throughput of a burst, one-way latency at a paced 5,000 msg/s, and Ask round trips (request and reply
/// both through inboxes), against the same Tells to node 1's own entities (in memory) as the baseline.
/// (2) Three real node processes with the shipped defaults: time from <c>kill -9</c> of one until the
/// survivors own every shard again, five times (the victim restarts as a new incarnation in between).
/// </summary>
internal static class ClusterSuite
{
    private const int BurstSize = 20_000;
    private const int PacedRate = 5_000;
    private const int PacedSeconds = 4;
    private const int Failovers = 5;

    public static async Task<Report> RunAsync(string[] args)
    {
        var runs = Stats.RunsOption(args, "cluster");
        var report = new Report("cluster");
        await using var postgres = await PrivatePostgres.StartAsync();

        var remoteBurst = new List<double>();
        var localBurst = new List<double>();
        var remoteOneWay = new List<double>();
        var localOneWay = new List<double>();
        var roundTrips = new List<double>();
        await using (var cluster = await InProcessCluster.StartAsync(await CreateDatabaseAsync(postgres, "bench_tells"), "public", 3))
        {
            var sender = cluster.Nodes[0].Region;
            var remote = cluster.KeysOwnedBy(1, 500).Concat(cluster.KeysOwnedBy(2, 500)).ToList();
            var local = cluster.KeysOwnedBy(0, 1000);
            await BurstAsync(cluster, sender, remote, 2_000);
            for (var run = 0; run < runs; run++)
            {
                Console.Error.WriteLine($"run {run + 1}/{runs}: cross-node tells ...");
                remoteBurst.Add(await BurstAsync(cluster, sender, remote, BurstSize));
                localBurst.Add(await BurstAsync(cluster, sender, local, BurstSize));
                remoteOneWay.AddRange(await PacedAsync(cluster, sender, remote));
                localOneWay.AddRange(await PacedAsync(cluster, sender, local));
                roundTrips.AddRange(await RoundTripsAsync(sender, remote, 300));
                Console.Error.WriteLine($"  burst msgs/s: cross-node {remoteBurst[^1]:N0}, local {localBurst[^1]:N0}");
            }
        }

        Console.Error.WriteLine("failover: three node processes, kill -9 one at a time ...");
        var failovers = await FailoversAsync(await CreateDatabaseAsync(postgres, "bench_failover"));

        report.Add("cross_node_tells_per_s", "cross-node Tell through the inbox: burst of 20,000, msgs/s", Stats.Median(remoteBurst), "msg/s");
        report.Add("local_tells_per_s", "baseline: same Tells to local entities (in memory), msgs/s", Stats.Median(localBurst), "msg/s");
        report.Add("cross_node_one_way_p50_ms", $"cross-node one-way latency at {PacedRate:N0} msg/s, p50", Stats.Percentile(remoteOneWay, 50), "ms");
        report.Add("cross_node_one_way_p99_ms", $"cross-node one-way latency at {PacedRate:N0} msg/s, p99", Stats.Percentile(remoteOneWay, 99), "ms");
        report.Add("local_one_way_p50_ms", $"baseline: local one-way latency at {PacedRate:N0} msg/s, p50", Stats.Percentile(localOneWay, 50), "ms");
        report.Add("local_one_way_p99_ms", $"baseline: local one-way latency at {PacedRate:N0} msg/s, p99", Stats.Percentile(localOneWay, 99), "ms");
        report.Add("cross_node_round_trip_p50_ms", "cross-node Ask round trip (both ways through inboxes), p50", Stats.Percentile(roundTrips, 50), "ms");
        report.Add("cross_node_round_trip_p99_ms", "cross-node Ask round trip, p99", Stats.Percentile(roundTrips, 99), "ms");
        report.Add("failover_median_s", $"kill -9 → survivors own every shard, median of {Failovers}", Stats.Median(failovers), "s");
        report.Add("failover_max_s", $"kill -9 → survivors own every shard, worst of {Failovers}", failovers.Max(), "s");
        return report;
    }

    private static async Task<double> BurstAsync(InProcessCluster cluster, IActorRef sender, List<string> keys, int count)
    {
        cluster.Deliveries.Take();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            sender.Tell(new Ping(keys[i % keys.Count], Stopwatch.GetTimestamp()), ActorRefs.NoSender);
        await DeliveredAsync(cluster, count);
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<List<double>> PacedAsync(InProcessCluster cluster, IActorRef sender, List<string> keys)
    {
        cluster.Deliveries.Take();
        var total = PacedRate * PacedSeconds;
        var clock = Stopwatch.StartNew();
        for (var sent = 0; sent < total;)
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * PacedRate));
            for (; sent < due; sent++)
                sender.Tell(new Ping(keys[sent % keys.Count], Stopwatch.GetTimestamp()), ActorRefs.NoSender);
            await Task.Delay(2);
        }
        await DeliveredAsync(cluster, total);
        return cluster.Deliveries.Take();
    }

    private static async Task<List<double>> RoundTripsAsync(IActorRef sender, List<string> keys, int count)
    {
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await sender.Ask<Pong>(new Ping(keys[i % keys.Count], started), TimeSpan.FromSeconds(30));
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return samples;
    }

    private static async Task DeliveredAsync(InProcessCluster cluster, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (cluster.Deliveries.Count < count)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(3))
                throw new TimeoutException($"only {cluster.Deliveries.Count} of {count} pings were delivered within 3 minutes");
            await Task.Delay(1);
        }
    }

    private static async Task<List<double>> FailoversAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var nodes = new NodeProcesses(connectionString);
        string[] ids = ["node-1", "node-2", "node-3"];
        foreach (var id in ids)
            nodes.Start(id);
        await BalancedAsync(nodes, dataSource, ids);
        var times = new List<double>();
        for (var i = 0; i < Failovers; i++)
        {
            var victim = ids[i % ids.Length];
            nodes.Kill(victim);
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var owners = await nodes.OwnersAsync(dataSource);
                if (!owners.ContainsKey(victim) && owners.Values.Sum() == 256)
                    break;
                if (clock.Elapsed > TimeSpan.FromMinutes(2))
                    throw new TimeoutException($"the survivors did not take {victim}'s shards within 2 minutes");
                await Task.Delay(20);
            }
            times.Add(clock.Elapsed.TotalSeconds);
            Console.Error.WriteLine($"  failover {i + 1}/{Failovers} ({victim}): {clock.Elapsed.TotalSeconds:0.00} s");
            nodes.Start(victim);
            await BalancedAsync(nodes, dataSource, ids);
        }
        return times;
    }

    private static async Task BalancedAsync(NodeProcesses nodes, NpgsqlDataSource dataSource, string[] ids)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var owners = await nodes.OwnersAsync(dataSource);
            if (owners.Count == ids.Length && owners.Values.Sum() == 256 && owners.Values.Max() - owners.Values.Min() <= 1)
                return;
            if (clock.Elapsed > TimeSpan.FromMinutes(3))
                throw new TimeoutException($"the nodes did not spread the shards within 3 minutes: {string.Join(", ", owners.Select(o => $"{o.Key}={o.Value}"))}");
            await Task.Delay(100);
        }
    }

    private static async Task<string> CreateDatabaseAsync(PrivatePostgres postgres, string name)
    {
        await using (var admin = NpgsqlDataSource.Create(postgres.ConnectionString))
        await using (var create = admin.CreateCommand($"CREATE DATABASE {name}"))
            await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = name }.ConnectionString;
    }
}
