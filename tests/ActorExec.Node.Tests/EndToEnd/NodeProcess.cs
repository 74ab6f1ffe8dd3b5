using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorExec.Node.Tests.EndToEnd;

/// <summary>A real node process on loopback with its own data directory; its output is kept for the test's report.</summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private NodeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public string Output
    {
        get
        {
            lock (_gate)
                return _output.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    public int Pid => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>Sends a signal (KILL, STOP, CONT, TERM) as an operator or the kernel would.</summary>
    public Task SignalAsync(string signal) => ProcessControl.SignalAsync(_process, signal);

    /// <summary>Waits for the process to exit on its own; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public static NodeProcess Start(string dataDir, IReadOnlyDictionary<string, string> environment, params string[] extraArguments)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Binaries.Node, "--data", dataDir, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(extraArguments))
            info.ArgumentList.Add(argument);
        // Up to five nodes share the test machine's two cores: server GC (the node's production setting)
        // would give each one a heap and a spinning GC thread per core and starve the others' heartbeats.
        info.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        var process = new Process { StartInfo = info };
        var node = new NodeProcess(process, port);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>SIGTERM, as an orchestrator stops a process; the exit code once it has exited.</summary>
    public Task<int> TerminateAsync(TimeSpan within) => ProcessControl.TerminateAsync(_process, within);

    public ValueTask DisposeAsync() => ProcessControl.DisposeAsync(_process);

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
            _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
