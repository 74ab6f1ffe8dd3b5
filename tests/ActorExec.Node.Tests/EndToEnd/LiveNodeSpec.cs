using ActorExec.Inspection;
using ActorExec.Venues.Credentials;
using ActorExec.Venues.Polymarket.Signing;
using ActorExec.Venues.TestServers.Kalshi;
using ActorExec.Venues.TestServers.Polymarket;

namespace ActorExec.Node.Tests.EndToEnd;

/// <summary>
/// A real node process on <c>--profile live</c>, its venues pointed at the Kalshi and Polymarket test
/// servers, credentials in files and environment variables as the README tells users to keep them:
/// it connects, reconciles, keeps the Polymarket heartbeat alive, and no secret ever appears in its
/// output, its log files or its journal.
/// </summary>
[Collection(nameof(NodeProcesses))]
public sealed class LiveNodeSpec : IAsyncLifetime
{
    private const string Ticker = "KXLIVE-26DEC-T1";
    private const string Condition = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
    // Hardhat's first well-known test key: public, holds nothing anywhere.
    private const string WalletKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string ApiKey = "0b1f7e55-aaaa-bbbb-cccc-live-node-test";
    private const string ApiSecret = "bGl2ZS1ub2RlLXRlc3Qtc2VjcmV0LW5ldmVyLWxvZ2dlZC0wMTIzNDU2Nzg5YWJj";
    private const string Passphrase = "passphrase-7f3e9a1c5b";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "actorexec-live-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _secrets = Path.Combine(Path.GetTempPath(), "actorexec-secrets-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly KalshiTestKeys _keys = KalshiTestKeys.Generate();
    private KalshiTestServer _kalshi = null!;
    private PolymarketTestServer _poly = null!;

    public async Task InitializeAsync()
    {
        _kalshi = KalshiTestServer.Create(_keys, seed: 3, Ticker);
        await _kalshi.StartAsync();
        using var wallet = EthereumKey.FromPrivateKey(new Secret(WalletKey, "test wallet"));
        _poly = new PolymarketTestServer(new PolymarketTestServerOptions
        {
            Markets = [new PolymarketServerMarket(Condition, "7" + new string('1', 75), "8" + new string('2', 75))],
            ApiKey = ApiKey,
            ApiSecret = new Secret(ApiSecret, "test secret"),
            ApiPassphrase = new Secret(Passphrase, "test passphrase"),
            SignerAddress = wallet.Address,
        });
        await _poly.StartAsync();
        Directory.CreateDirectory(_secrets);
        await File.WriteAllTextAsync(Path.Combine(_secrets, "kalshi.pem"), _keys.PrivatePkcs1Pem);
        await File.WriteAllTextAsync(Path.Combine(_secrets, "polymarket.key"), "0x" + WalletKey + "\n");
    }

    [Fact]
    public async Task LiveProfile_ConnectsBothVenuesFromFilesAndEnvironment_AndNeverShowsASecret()
    {
        await using (var node = NodeProcess.Start(_data, Environment(), "--node-id", "live-1", "--profile", "live", "--config", WriteConfig()))
        {
            var info = await CliRunner.EventuallyAsync<NodeInfo>(node, TimeSpan.FromSeconds(60), i => i.Venues.All(v => v.Reconciled), "node", "show");
            info.Profile.Should().Be("live");
            info.Venues.Select(v => v.Venue).Should().BeEquivalentTo("kalshi", "polymarket");
            info.Venues.Should().OnlyContain(v => v.State == "closed");
            _kalshi.AuthFailures.Should().Be(0, "every request was signed with the key read from the file");
            await _poly.WaitForHeartbeatsAsync(2, TimeSpan.FromSeconds(30)); // the node keeps the Polymarket heartbeat alive
            var markets = await CliRunner.JsonAsync<List<MarketSummary>>(node, "markets", "list");
            markets.Should().NotBeNull();

            (await node.TerminateAsync(TimeSpan.FromSeconds(60))).Should().Be(0, node.Output);
            node.Output.Should().Contain("live-kalshi").And.Contain("live-polymarket");
            AssertNoSecretIn("the node's output", node.Output);
        }
        foreach (var file in Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories))
            AssertNoSecretIn(file, Convert.ToHexString(await File.ReadAllBytesAsync(file)), hex: true);
        foreach (var request in _kalshi.Requests.Concat(_poly.Requests))
            AssertNoSecretIn($"{request.Method} {request.PathAndQuery}", string.Join('\n', request.Headers.Where(h => h.Key != "POLY_PASSPHRASE").Select(h => h.Value)) + request.Body);
    }

    [Fact]
    public async Task LiveProfile_MissingCredential_RefusesToStartNamingTheVariableNotAValue()
    {
        var environment = Environment();
        environment.Remove("POLYMARKET_API_SECRET");
        await using var node = NodeProcess.Start(_data, environment, "--node-id", "live-2", "--profile", "live", "--config", WriteConfig());

        var exitCode = await node.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.Should().Be(2, node.Output);
        node.Output.Should().Contain("actorexec.venues.polymarket.live.api-secret").And.Contain("POLYMARKET_API_SECRET").And.Contain("not set");
        AssertNoSecretIn("the node's output", node.Output);
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["ACTOREXEC_TOKEN"] = "live-token",
        ["ACTOREXEC__logging__level"] = "debug",
        ["ACTOREXEC__engine__reconciliation-interval"] = "2s",
        ["KALSHI_API_KEY_ID"] = KalshiTestServer.DefaultKeyId,
        ["POLYMARKET_API_KEY"] = ApiKey,
        ["POLYMARKET_API_SECRET"] = ApiSecret,
        ["POLYMARKET_API_PASSPHRASE"] = Passphrase,
    };

    private string WriteConfig()
    {
        var path = Path.Combine(_secrets, "markets.conf");
        File.WriteAllText(path, $$"""
            include "live.conf"
            actorexec.venues.kalshi.live {
              api-url = "{{_kalshi.ApiBase}}"
              private-key { file = "{{Path.Combine(_secrets, "kalshi.pem")}}" }
              markets { live-1 = "{{Ticker}}" }
            }
            actorexec.venues.polymarket.live {
              clob-url = "{{_poly.Address}}"
              data-api-url = "{{_poly.Address}}"
              private-key { env = "", file = "{{Path.Combine(_secrets, "polymarket.key")}}" }
              heartbeat-interval = 1s
              markets { live-1 = "{{Condition}}" }
            }
            """);
        return path;
    }

    private void AssertNoSecretIn(string where, string text, bool hex = false)
    {
        var secrets = new[] { WalletKey, ApiSecret, Passphrase }
            .Concat(_keys.PrivatePkcs1Pem.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 40 && !l.StartsWith("-----", StringComparison.Ordinal)));
        foreach (var secret in secrets)
        {
            var needle = hex ? Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(secret)) : secret;
            text.Contains(needle, StringComparison.OrdinalIgnoreCase).Should().BeFalse($"{where} must not contain a secret (found '{secret[..6]}…')");
        }
    }

    public async Task DisposeAsync()
    {
        await _poly.DisposeAsync();
        await _kalshi.DisposeAsync();
        foreach (var directory in new[] { _data, _secrets })
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by an exiting process: the temp directory is left for the OS.
            }
        }
    }
}
