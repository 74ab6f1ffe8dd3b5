using System.Diagnostics;
using System.Globalization;

namespace ActorExec.Node.Tests.EndToEnd;

/// <summary>Signals and stops a test's child process as an operator or orchestrator would.</summary>
internal static class ProcessControl
{
    /// <summary>Sends a signal (TERM, KILL, STOP, CONT) with <c>kill</c>.</summary>
    public static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -{signal} {process.Id} exited {kill.ExitCode}");
    }

    /// <summary>SIGTERM, then the exit code once the process has exited within <paramref name="within"/>.</summary>
    public static async Task<int> TerminateAsync(Process process, TimeSpan within)
    {
        await SignalAsync(process, "TERM");
        using var timeout = new CancellationTokenSource(within);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>Kills the process tree if it still runs, and releases it.</summary>
    public static async ValueTask DisposeAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
