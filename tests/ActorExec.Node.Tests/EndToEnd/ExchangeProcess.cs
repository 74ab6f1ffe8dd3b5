using System.Diagnostics;
using System.Globalization;
using System.Text;
using ActorExec.Node.Exchange;

namespace ActorExec.Node.Tests.EndToEnd;

/// <summary>A real <c>actorexec-node paper-exchange</c> process on a free loopback port; its address is read from the line it prints once serving.</summary>
internal sealed class ExchangeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ExchangeProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_gate)
                return _output.ToString();
        }
    }

    /// <summary>Starts the exchange and waits until it prints where it listens.</summary>
    public static async Task<(ExchangeProcess Process, Uri Address)> StartAsync(IReadOnlyDictionary<string, string> environment, TimeSpan within)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Binaries.Node, "paper-exchange", "--profile", "paper" })
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        info.Environment["ACTOREXEC__paper-exchange__listen"] = "127.0.0.1:0";
        var exchange = new ExchangeProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        exchange._process.OutputDataReceived += (_, e) => exchange.Append(e.Data);
        exchange._process.ErrorDataReceived += (_, e) => exchange.Append(e.Data);
        exchange._process.Exited += (_, _) => exchange._listening.TrySetException(new InvalidOperationException($"the paper exchange exited before listening:{Environment.NewLine}{exchange.Output}"));
        exchange._process.Start();
        exchange._process.BeginOutputReadLine();
        exchange._process.BeginErrorReadLine();
        try
        {
            return (exchange, await exchange._listening.Task.WaitAsync(within));
        }
        catch (TimeoutException)
        {
            await exchange.DisposeAsync();
            throw new TimeoutException($"the paper exchange did not print where it listens within {within}:{Environment.NewLine}{exchange.Output}");
        }
    }

    /// <summary>SIGTERM; the exit code once it has exited.</summary>
    public Task<int> TerminateAsync(TimeSpan within) => ProcessControl.TerminateAsync(_process, within);

    public ValueTask DisposeAsync() => ProcessControl.DisposeAsync(_process);

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
            _output.AppendLine(line);
        if (line.StartsWith(PaperExchangeHost.ListeningLine, StringComparison.Ordinal))
            _listening.TrySetResult(new Uri(line[PaperExchangeHost.ListeningLine.Length..].Trim()));
    }
}
