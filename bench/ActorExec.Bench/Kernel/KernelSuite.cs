using ActorExec.Actors;

namespace ActorExec.Bench.Kernel;

/// <summary>
/// The kernel benchmark: ping-pong (ActorExec and a Channels baseline in the same run), fan-in,
/// Ask latency, and idle-actor memory and creation rate. Medians over repeated runs.
/// </summary>
internal static class KernelSuite
{
    private static readonly int[] PairCounts = [1, 2, 4, 8, 16];
    private const int MessagesPerPair = 1_000_000;
    private const int FanInMessages = 10_000_000;
    private const int Asks = 100_000;
    private const int IdleActorCount = 1_000_000;

    public static async Task<Report> RunAsync(string[] args)
    {
        var options = KernelOptions.Parse(args);
        var report = new Report("kernel");
        await using var system = ActorSystem.Create("bench", new ActorSystemOptions { Throughput = options.Throughput });

        // Long enough for tiered compilation to finish: the first second runs unoptimised code.
        Console.Error.WriteLine($"warming up (throughput {options.Throughput}) ...");
        for (var i = 0; i < 3; i++)
        {
            await PingPong.RunAsync(system, 4, MessagesPerPair);
            await ChannelsPingPong.RunAsync(4, MessagesPerPair);
            await FanIn.RunAsync(system, 1, FanInMessages);
        }

        foreach (var pairs in options.Includes("pingpong") ? PairCounts : [])
        {
            var actors = new List<double>();
            var channels = new List<double>();
            for (var run = 0; run < options.Runs; run++)
            {
                actors.Add(await PingPong.RunAsync(system, pairs, MessagesPerPair));
                channels.Add(await ChannelsPingPong.RunAsync(pairs, MessagesPerPair));
            }
            var name = pairs == 1 ? "1_pair" : $"{pairs}_pairs";
            var actorsMedian = Stats.Median(actors);
            var channelsMedian = Stats.Median(channels);
            report.Add($"pingpong_{name}_msgs_per_s", $"ping-pong, {pairs} pair(s)", actorsMedian, "msgs/s");
            report.Add($"channels_pingpong_{name}_msgs_per_s", $"channels baseline, {pairs} pair(s)", channelsMedian, "msgs/s");
            report.Add($"pingpong_{name}_ratio_vs_channels", $"ratio ActorExec/channels, {pairs} pair(s)", actorsMedian / channelsMedian, "x");
            Console.Error.WriteLine($"ping-pong {pairs} pairs: {actorsMedian:N0} msgs/s (channels {channelsMedian:N0})");
        }

        foreach (var threads in options.Includes("fanin") ? [1, 4] : Array.Empty<int>())
        {
            var rates = new List<double>();
            for (var run = 0; run < options.Runs; run++)
                rates.Add(await FanIn.RunAsync(system, threads, FanInMessages));
            var name = threads == 1 ? "1_thread" : $"{threads}_threads";
            report.Add($"fanin_{name}_msgs_per_s", $"fan-in from {threads} thread(s)", Stats.Median(rates), "msgs/s");
            Console.Error.WriteLine($"fan-in {threads} threads: {Stats.Median(rates):N0} msgs/s");
        }

        if (options.Includes("ask"))
            await MeasureAsk(system, report);
        if (options.Includes("idle"))
        {
            // Last: a million actors leave the heap and the pool in a state the other workloads should not inherit.
            var runs = new List<(double Creations, double Bytes)>();
            for (var run = 0; run < Math.Min(options.Runs, 3); run++)
                runs.Add(IdleActors.Run(IdleActorCount));
            var creationsPerSecond = Stats.Median(runs.Select(r => r.Creations));
            report.Add("actor_creations_per_s", $"actor creations ({IdleActorCount:N0})", creationsPerSecond, "actors/s");
            report.Add("create_1m_actors_ms", $"time to create {IdleActorCount:N0} actors", IdleActorCount / creationsPerSecond * 1000, "ms");
            report.Add("bytes_per_idle_actor", "heap per idle actor", Stats.Median(runs.Select(r => r.Bytes)), "bytes");
        }
        return report;
    }

    private static async Task MeasureAsk(ActorSystem system, Report report)
    {
        await AskLatency.RunAsync(system, Asks / 10);
        var samples = await AskLatency.RunAsync(system, Asks);
        report.Add("ask_p50_us", "Ask round trip p50", Stats.Percentile(samples, 50), "µs");
        report.Add("ask_p99_us", "Ask round trip p99", Stats.Percentile(samples, 99), "µs");
        Console.Error.WriteLine($"ask p50 {Stats.Percentile(samples, 50):0.0} µs");
    }

    private sealed record KernelOptions(int Runs, int Throughput, string? Only)
    {
        private static readonly string[] Workloads = ["pingpong", "fanin", "ask", "idle"];

        public bool Includes(string workload) => Only is null || Only == workload;

        public static KernelOptions Parse(string[] args)
        {
            var options = new KernelOptions(5, ActorSystemDefaults.Throughput, null);
            for (var i = 0; i < args.Length; i++)
            {
                options = args[i] switch
                {
                    "--runs" when i + 1 < args.Length => options with { Runs = PositiveInt(args[++i], "--runs") },
                    "--throughput" when i + 1 < args.Length => options with { Throughput = PositiveInt(args[++i], "--throughput") },
                    "--only" when i + 1 < args.Length => options with { Only = Workload(args[++i]) },
                    _ => throw new ArgumentException($"unknown kernel option '{args[i]}' (expected --runs N, --throughput N, --only {string.Join('|', Workloads)})"),
                };
            }
            return options;
        }

        private static string Workload(string name)
            => Workloads.Contains(name) ? name : throw new ArgumentException($"--only takes one of {string.Join(", ", Workloads)}, got '{name}'");

        private static int PositiveInt(string text, string option)
            => int.TryParse(text, out var value) && value > 0
                ? value
                : throw new ArgumentException($"{option} needs a positive integer, got '{text}'");
    }
}
