using System.Diagnostics;
using System.Text.Json;
using ActorExec.Inspection;

namespace ActorExec.Node.Tests.EndToEnd;

/// <summary>Runs the real <c>actorexec</c> binary and parses its <c>--json</c> output with the contract's options.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Binaries.Cli);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public static async Task<T> JsonAsync<T>(NodeProcess node, params string[] arguments)
    {
        var (exit, stdout, stderr) = await RunAsync([.. arguments, "--json", "--node", node.Address]);
        exit.Should().Be(0, $"actorexec {string.Join(' ', arguments)} failed: {stderr}");
        return JsonSerializer.Deserialize<T>(stdout, InspectionJson.Options) ?? throw new InvalidOperationException($"actorexec {string.Join(' ', arguments)} printed null");
    }

    /// <summary>Runs the command until its JSON satisfies <paramref name="condition"/>; fails with the node's output at the deadline.</summary>
    public static async Task<T> EventuallyAsync<T>(NodeProcess node, TimeSpan within, Func<T, bool> condition, params string[] arguments)
    {
        var deadline = Stopwatch.StartNew();
        string last = "(no answer yet)";
        // The node is another process: its state can only be asked again, at a steady pace, until the deadline.
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (deadline.Elapsed < within)
        {
            if (node.HasExited)
                throw new InvalidOperationException($"the node exited early:{Environment.NewLine}{node.Output}");
            var (exit, stdout, stderr) = await RunAsync([.. arguments, "--json", "--node", node.Address]);
            if (exit == 0)
            {
                var value = JsonSerializer.Deserialize<T>(stdout, InspectionJson.Options)!;
                if (condition(value))
                    return value;
                last = stdout;
            }
            else
            {
                last = stderr;
            }
            await pace.WaitForNextTickAsync();
        }
        throw new TimeoutException($"actorexec {string.Join(' ', arguments)} did not satisfy the condition within {within}; last answer: {last}{Environment.NewLine}node output:{Environment.NewLine}{node.Output}");
    }
}
