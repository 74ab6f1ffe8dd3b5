using ActorExec.Bench;
using ActorExec.Bench.Cluster;
using ActorExec.Bench.Engine;
using ActorExec.Bench.Kernel;
using ActorExec.Bench.Persistence;

var suites = new Dictionary<string, Func<string[], Task<Report>>>(StringComparer.OrdinalIgnoreCase)
{
    ["kernel"] = KernelSuite.RunAsync,
    ["persistence"] = PersistenceSuite.RunAsync,
    ["engine"] = EngineSuite.RunAsync,
    ["cluster"] = ClusterSuite.RunAsync,
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project bench/ActorExec.Bench -- <{string.Join('|', suites.Keys)}> [options]");
    Console.Error.WriteLine(args.Length == 0 ? "error: no benchmark suite given" : $"error: unknown benchmark suite '{args[0]}'");
    return 2;
}

try
{
    var report = await suite(args[1..]);
    report.Print(Console.Out);
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
