using ActorExec.Engine;
using ActorExec.Node.Configuration;
using ActorExec.Node.Demo;

namespace ActorExec.Node.VenueConnections;

/// <summary>
/// The venues a node trades on, in configuration order: paper ones (in-process, or through the paper
/// exchange) and live ones (Kalshi, Polymarket). Disposing releases the live adapters' background work
/// (heartbeats) and connections.
/// </summary>
internal sealed class NodeVenues : IAsyncDisposable
{
    private readonly IReadOnlyList<IAsyncDisposable> _owned;

    private NodeVenues(IReadOnlyList<VenueConnection> connections, IReadOnlyList<IAsyncDisposable> owned)
    {
        Connections = connections;
        _owned = owned;
    }

    /// <summary>Each configured venue's connection, in configuration order.</summary>
    public IReadOnlyList<VenueConnection> Connections { get; }

    /// <exception cref="NodeConfigurationException">A venue cannot be connected; the message names each and why.</exception>
    public static async Task<NodeVenues> ConnectAsync(NodeSettings settings, TimeProvider clock, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var paperSettings = settings with { Venues = [.. settings.Venues.Where(v => !v.IsLive)] };
        var paper = paperSettings.Venues.Count == 0 ? [] : await PaperVenues.ConnectAsync(paperSettings, clock, cancellationToken).ConfigureAwait(false);
        var live = await LiveVenues.ConnectAsync(settings.Venues.Where(v => v.IsLive), clock, environment, cancellationToken).ConfigureAwait(false);
        var byName = paperSettings.Venues.Select(v => v.Name).Zip(paper).Concat(live.Select(l => (l.Settings.Name, l.Connection)))
            .ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal);
        return new NodeVenues([.. settings.Venues.Select(v => byName[v.Name])], [.. live.Select(l => l.Owned)]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
            await owned.DisposeAsync().ConfigureAwait(false);
    }
}
