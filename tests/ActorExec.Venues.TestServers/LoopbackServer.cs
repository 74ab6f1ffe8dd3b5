using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorExec.Venues.TestServers;

/// <summary>
/// A Kestrel server on a free loopback port with injectable faults (see <see cref="Inject"/>), every
/// request recorded (method, path, headers, body) so tests can assert what went over the wire, e.g.
/// that no secret was ever sent in clear. Subclasses map the venue's endpoints.
/// </summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ServerFault> _faults = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    /// <summary>Queues a fault for the next request it matches; faults apply once each, in order.</summary>
    public void Inject(ServerFault fault) => _faults.Enqueue(fault ?? throw new ArgumentNullException(nameof(fault)));

    /// <summary>Starts listening on 127.0.0.1 at a free port.</summary>
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Use(Record);
        _app.Use(ApplyFaults);
        Map(_app);
        await _app.StartAsync().ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>Maps the venue's endpoints.</summary>
    protected abstract void Map(WebApplication app);

    private async Task Record(HttpContext context, Func<Task> next)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        context.Request.Body.Position = 0;
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body));
        await next().ConfigureAwait(false);
    }

    private async Task ApplyFaults(HttpContext context, Func<Task> next)
    {
        if (!TryTakeFault(context.Request.Method, context.Request.Path.Value ?? "", out var fault))
        {
            await next().ConfigureAwait(false);
            return;
        }
        switch (fault.Kind)
        {
            case ServerFaultKind.RateLimited:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling((fault.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.Response.WriteAsync("{\"error\":\"too many requests\"}").ConfigureAwait(false);
                return;
            case ServerFaultKind.ServerError:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>503 Service Temporarily Unavailable</body></html>").ConfigureAwait(false);
                return;
            case ServerFaultKind.Hang:
            case ServerFaultKind.MalformedJson:
                // Served for real, so the venue's state changes; only the answer is lost or garbled.
                var original = context.Response.Body;
                using (var discarded = new MemoryStream())
                {
                    context.Response.Body = discarded;
                    await next().ConfigureAwait(false);
                    context.Response.Body = original;
                }
                if (fault.Kind == ServerFaultKind.Hang)
                {
                    await HangAsync(context.RequestAborted).ConfigureAwait(false);
                    return;
                }
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = null;
                await context.Response.WriteAsync("{\"order\": {\"status\": <html>").ConfigureAwait(false);
                return;
        }
    }

    private async Task HangAsync(CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the server is stopping: nothing is answered.
        }
    }

    private bool TryTakeFault(string method, string path, out ServerFault fault)
    {
        // Faults are few and tests queue them one at a time; taking the first match keeps order simple.
        lock (_faults)
        {
            var pending = _faults.ToArray();
            for (var i = 0; i < pending.Length; i++)
            {
                if (!pending[i].Matches(method, path))
                    continue;
                fault = pending[i];
                _faults.Clear();
                foreach (var (other, index) in pending.Select((f, n) => (f, n)))
                {
                    if (index != i)
                        _faults.Enqueue(other);
                }
                return true;
            }
        }
        fault = null!;
        return false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>One request as the server received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path with its query string.</param>
/// <param name="Headers">Every header (case-insensitive names).</param>
/// <param name="Body">The body as text.</param>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
