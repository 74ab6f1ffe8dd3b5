using System.Net;
using System.Net.Sockets;
using ActorExec.Node.Configuration;
using ActorExec.Node.Demo;
using ActorExec.Node.Exchange;
using ActorExec.Trading;
using ActorExec.Venues.Paper;
using ActorExec.Venues.Remote;

namespace ActorExec.Node.Tests.Demo;

/// <summary>The venues a node trades on: in-process by default, the paper exchange's when a URL is configured.</summary>
public sealed class PaperVenuesSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("actorexec-venues-").FullName;

    [Fact]
    public async Task ConnectAsync_NoExchange_BuildsInProcessVenues()
    {
        var settings = Load(null);

        var venues = await PaperVenues.ConnectAsync(settings, TimeProvider.System, CancellationToken.None);

        venues.Select(v => v.Adapter).Should().AllBeOfType<PaperVenue>();
        venues.Select(v => v.Adapter.Venue.Value).Should().Equal("kalshi", "polymarket");
    }

    [Fact]
    public async Task ConnectAsync_ExchangeUrl_TradesEveryVenueThroughTheExchange()
    {
        var inProcess = Load(null);
        await using var server = await PaperExchangeServer.StartAsync(PaperVenues.Create(inProcess, TimeProvider.System), new IPEndPoint(IPAddress.Loopback, 0), null, CancellationToken.None);
        var settings = Load(server.Address.ToString());

        var venues = await PaperVenues.ConnectAsync(settings, TimeProvider.System, CancellationToken.None);

        venues.Select(v => v.Adapter).Should().AllBeOfType<PaperExchangeClient>();
        venues.Should().OnlyContain(v => ReferenceEquals(v.Adapter, v.MarketData));
        venues.Select(v => v.Adapter.Venue.Value).Should().Equal("kalshi", "polymarket");
        venues.Select(v => v.Options).Should().Equal(settings.Venues.Select(v => v.Supervisor));
        venues[0].Adapter.Capabilities.SettlesOnChain.Should().BeFalse();
        venues[1].Adapter.Capabilities.SettlesOnChain.Should().BeTrue();
        (await venues[0].MarketData.GetBookAsync(new MarketId("demo-1"))).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task ConnectAsync_ExchangeUnreachable_FailsNamingTheSettingAndTheUrl()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";
        var settings = Load(url);

        var act = () => PaperVenues.ConnectAsync(settings, TimeProvider.System, CancellationToken.None);

        var problems = (await act.Should().ThrowAsync<NodeConfigurationException>()).Which.Problems;
        problems.Should().HaveCount(2).And.OnlyContain(p => p.Contains("actorexec.paper-exchange.url") && p.Contains(url));
    }

    [Fact]
    public async Task ConnectAsync_ExchangeServesOtherVenues_FailsNamingTheMissingVenue()
    {
        var other = new PaperVenue(PaperVenueOptions.KalshiLike(new VenueId("elsewhere"), [PaperMarket.Binary("demo-1", 0.5m)], seed: 1));
        await using var server = await PaperExchangeServer.StartAsync([other], new IPEndPoint(IPAddress.Loopback, 0), null, CancellationToken.None);

        var act = () => PaperVenues.ConnectAsync(Load(server.Address.ToString()), TimeProvider.System, CancellationToken.None);

        var problems = (await act.Should().ThrowAsync<NodeConfigurationException>()).Which.Problems;
        problems.Should().Contain(p => p.Contains("venue kalshi") && p.Contains("no venue 'kalshi'") && p.Contains(server.Address.Authority));
    }

    private NodeSettings Load(string? exchange)
        => NodeConfiguration.Load(new NodeArguments(null, "paper", null, null, _dir),
            new Dictionary<string, string?> { ["ACTOREXEC__paper-exchange__url"] = exchange ?? "" }).Settings;

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
