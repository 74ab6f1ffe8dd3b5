using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ActorExec.Node.Tests.EndToEnd;

namespace ActorExec.Node.Tests.Cluster;

/// <summary>The paper exchange (<c>actorexec-node paper-exchange</c>) as a real process: the venues every node of a test cluster trades on.</summary>
internal sealed class ExchangeProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "paper exchange listening on ";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private ExchangeProcess(Process process) => _process = process;

    public string Url { get; private set; } = "";

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<ExchangeProcess> StartAsync()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Binaries.Node, "paper-exchange", "--profile", "cluster" })
            info.ArgumentList.Add(argument);
        info.Environment["ACTOREXEC__paper-exchange__listen"] = "127.0.0.1:0";
        info.Environment["ACTOREXEC__demo__markets"] = "24";
        var exchange = new ExchangeProcess(new Process { StartInfo = info });
        exchange._process.OutputDataReceived += (_, e) => exchange.Append(e.Data);
        exchange._process.ErrorDataReceived += (_, e) => exchange.Append(e.Data);
        exchange._process.Start();
        exchange._process.BeginOutputReadLine();
        exchange._process.BeginErrorReadLine();
        exchange.Url = await exchange._url.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return exchange;
    }

    /// <summary>How many times each client order id was placed at <paramref name="venue"/>, and how many duplicate placements were refused.</summary>
    public async Task<(Dictionary<string, int> Placements, int DuplicatesRefused)> RecordsAsync(string venue)
    {
        using var document = JsonDocument.Parse(await Http.GetStringAsync($"{Url.TrimEnd('/')}/venues/{venue}/records"));
        var placements = new Dictionary<string, int>();
        foreach (var placement in Property(document.RootElement, "placements").EnumerateArray())
        {
            var id = Property(placement, "clientOrderId").GetString()!;
            placements[id] = placements.GetValueOrDefault(id) + 1;
        }
        return (placements, Property(document.RootElement, "duplicateAttempts").GetArrayLength());
    }

    private static JsonElement Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }
        throw new KeyNotFoundException($"the exchange's records have no '{name}': {element}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
        var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (at >= 0)
            _url.TrySetResult(line[(at + ListeningPrefix.Length)..].Trim());
    }
}
