using ActorExec.Cluster.Internal;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ActorExec.Cluster.Delivery;

/// <summary>
/// One LISTEN connection per node: a NOTIFY naming a target wakes that target's consumer at once.
/// Only a hint: consumers poll as well, so a notification lost while reconnecting delays, never loses.
/// </summary>
internal sealed partial class InboxListener : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<string> _channels;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, Wakeup> _wakeups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Wakeup> _prefixWakeups = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _running;

    public InboxListener(NpgsqlDataSource dataSource, IReadOnlyList<string> channels, ILogger log)
    {
        _dataSource = dataSource;
        _channels = channels;
        _log = log;
        _running = Task.Run(RunAsync);
    }

    /// <summary>The wake-up of a target's consumer (or of any name notified on a channel).</summary>
    public Wakeup For(string name) => _wakeups.GetOrAdd(name, _ => new Wakeup());

    /// <summary>The wake-up set by a notification of any name starting with <paramref name="prefix"/> (every shard inbox: <c>shard:</c>).</summary>
    public Wakeup ForAny(string prefix) => _prefixWakeups.GetOrAdd(prefix, _ => new Wakeup());

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _running.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                connection.Notification += (_, e) =>
                {
                    if (_wakeups.TryGetValue(e.Payload, out var wakeup))
                        wakeup.Set();
                    foreach (var (prefix, any) in _prefixWakeups)
                    {
                        if (e.Payload.StartsWith(prefix, StringComparison.Ordinal))
                            any.Set();
                    }
                };
                foreach (var channel in _channels)
                {
                    await using var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection);
                    await listen.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }
                if (failures > 0)
                    LogListening(_log, failures);
                failures = 0;
                // Whatever was notified while we were away is found by the consumers' next poll; wake them now.
                foreach (var wakeup in _wakeups.Values.Concat(_prefixWakeups.Values))
                    wakeup.Set();
                while (!token.IsCancellationRequested)
                    await connection.WaitAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (failures++ == 0)
                    LogListenFailed(_log, e.Message);
                if (!await Backoff.PauseAsync(failures, token).ConfigureAwait(false))
                    return;
            }
        }
    }

    [LoggerMessage(EventId = 8104, EventName = "inbox_listen_failed", Level = LogLevel.Warning,
        Message = "Lost the NOTIFY connection ({reason}); consumers poll until it is back")]
    private static partial void LogListenFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8105, EventName = "inbox_listen_recovered", Level = LogLevel.Information,
        Message = "NOTIFY connection back after {failures} failed attempts")]
    private static partial void LogListening(ILogger logger, int failures);
}

/// <summary>An auto-reset wake-up: many sets before a wait count as one.</summary>
internal sealed class Wakeup
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Set()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set.
        }
    }

    /// <summary>Waits for a set or the timeout; true when set.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
