using System.Net;
using ActorExec.Venues.Paper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace ActorExec.Node.Exchange;

/// <summary>Kestrel serving <see cref="PaperExchangeEndpoints"/> for a set of in-process paper venues, on one address.</summary>
internal sealed class PaperExchangeServer : IAsyncDisposable
{
    // Paper calls take milliseconds plus the simulated latency: a few seconds let every one finish.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;

    private PaperExchangeServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the exchange listens, e.g. <c>http://127.0.0.1:9300</c> (the actual port when 0 was asked).</summary>
    public Uri Address { get; }

    /// <summary>Starts serving <paramref name="venues"/> on <paramref name="listen"/> (port 0 picks a free one); logs go to <paramref name="logger"/>, or nowhere.</summary>
    /// <exception cref="IOException">The address cannot be bound (in use, not local).</exception>
    public static async Task<PaperExchangeServer> StartAsync(IReadOnlyList<PaperVenue> venues, IPEndPoint listen, Serilog.ILogger? logger, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logger is not null)
            builder.Logging.AddSerilog(logger);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(listen));
        var app = builder.Build();
        PaperExchangeEndpoints.Map(app, venues);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"Kestrel started on {listen} but reports no address");
        return new PaperExchangeServer(app, new Uri(bound));
    }

    /// <summary>Completes once the host was asked to stop (SIGTERM, Ctrl+C, or <paramref name="cancellationToken"/>) and has stopped.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
