using ActorExec.Venues.Http;

namespace ActorExec.Venues.Polymarket;

/// <summary>
/// The CLOB's order-safety heartbeat: <c>POST /v1/heartbeats</c> with the id the previous answer gave
/// (empty the first time), every <see cref="PolymarketOptions.HeartbeatInterval"/> on the options' clock.
/// Without a valid heartbeat for <see cref="PolymarketDefaults.HeartbeatWindow"/> the CLOB cancels all
/// our open orders (docs.polymarket.com heartbeats; py-clob-client <c>post_heartbeat</c>,
/// <c>POST_HEARTBEAT = "/v1/heartbeats"</c>), so from then on the adapter refuses new placements until a
/// heartbeat is acknowledged again.
/// </summary>
internal sealed class PolymarketHeartbeat : IAsyncDisposable
{
    private const string Path = "v1/heartbeats";

    private readonly VenueHttp _clob;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private string _id = "";
    private DateTimeOffset? _lastAcknowledged;
    private string? _lastFailure;
    private Task? _loop;

    public PolymarketHeartbeat(VenueHttp clob, TimeProvider clock, TimeSpan interval)
    {
        _clob = clob;
        _clock = clock;
        _interval = interval;
    }

    /// <summary>Sends one heartbeat; the error when it was not acknowledged.</summary>
    public async Task<VenueError?> BeatAsync(CancellationToken cancellationToken)
    {
        string id;
        lock (_gate)
            id = _id;
        var answer = await _clob.SendAsync<ClobHeartbeat>(HttpMethod.Post, Path, new ClobHeartbeat(id), cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (answer.TryGetValue(out var ok, out var error))
            {
                _id = ok.HeartbeatId ?? "";
                _lastAcknowledged = _clock.GetUtcNow();
                _lastFailure = null;
                return null;
            }
            _lastFailure = error.ToString();
            // A refused heartbeat (e.g. an id the CLOB no longer knows after a lapse) starts a new chain.
            if (error.Kind is VenueErrorKind.Rejected or VenueErrorKind.NotFound)
                _id = "";
            return error;
        }
    }

    /// <summary>Why placements must stop (no acknowledged heartbeat within the window), or null while the heartbeat is alive.</summary>
    public string? Lapse()
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (_lastAcknowledged is { } last && now - last <= PolymarketDefaults.HeartbeatWindow)
                return null;
            var since = _lastAcknowledged is { } at ? $"the last was acknowledged at {at:O}, {(now - at).TotalSeconds:0.#} s ago" : "none was ever acknowledged";
            return $"no heartbeat acknowledged within {PolymarketDefaults.HeartbeatWindow.TotalSeconds:0} s ({since}; last failure: {_lastFailure ?? "none"}); the CLOB cancels our open orders after that";
        }
    }

    /// <summary>When the last heartbeat was acknowledged.</summary>
    public DateTimeOffset? LastAcknowledged
    {
        get
        {
            lock (_gate)
                return _lastAcknowledged;
        }
    }

    /// <summary>Starts the background loop.</summary>
    public void Start() => _loop = Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_interval, _clock, token).ConfigureAwait(false);
                await BeatAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
            await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
