using ActorExec.Venues.Credentials;
using ActorExec.Venues.Polymarket;
using ActorExec.Venues.TestServers;

namespace ActorExec.Venues.Tests.Polymarket;

/// <summary>No secret leaves the adapter except the passphrase in its own header.</summary>
public sealed class PolymarketSecretsSpec
{
    [Fact]
    public async Task Secrets_NeverInRequestsMessagesOrToString_PassphraseOnlyInItsHeader()
    {
        await using var fx = await PolymarketFixture.StartAsync();
        fx.Liquidity(PolymarketFixture.ConditionA, Side.Sell, 0.55m, 100m);
        var messages = new List<string>();
        var placed = (await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.40m))).Value;
        await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.55m, TimeInForce.Fok));
        await fx.Venue.CancelAsync(placed.VenueOrderId);
        await fx.Venue.GetFillsAsync(null, 10);
        await fx.Venue.GetPositionsAsync();
        await fx.BeatAsync();
        fx.Server.Inject(new ServerFault(ServerFaultKind.MalformedJson, "POST", "/order"));
        messages.Add((await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 10m, 0.41m))).Error!.ToString());
        messages.Add((await fx.Venue.PlaceAsync(fx.Intent(Side.Buy, Outcome.Yes, 1m, 0.41m))).Error!.ToString());
        try
        {
            await PolymarketFixture.StartAsync(venue: o => o with { ApiPassphrase = new Secret("wrong-passphrase", "env X") });
        }
        catch (VenueConnectionException e)
        {
            messages.Add(e.ToString());
        }
        messages.Add(fx.Venue.ToString()!);
        messages.Add(fx.Options.ToString());

        var secrets = new[] { PolymarketFixture.PrivateKeyHex, PolymarketFixture.PrivateKeyHex[2..], PolymarketFixture.ApiSecretText, PolymarketFixture.PassphraseText };
        foreach (var request in fx.Server.Requests)
        {
            foreach (var (name, value) in request.Headers)
            {
                foreach (var secret in secrets)
                {
                    if (secret == PolymarketFixture.PassphraseText && name == PolymarketL2Signer.PassphraseHeader)
                        continue;
                    value.Should().NotContain(secret, $"header {name} of {request.Method} {request.PathAndQuery}");
                }
            }
            foreach (var secret in secrets)
            {
                request.Body.Should().NotContain(secret);
                request.PathAndQuery.Should().NotContain(secret);
            }
        }
        fx.Server.Requests.Where(r => r.Headers.ContainsKey(PolymarketL2Signer.PassphraseHeader))
            .Should().OnlyContain(r => r.Headers[PolymarketL2Signer.PassphraseHeader] == PolymarketFixture.PassphraseText);
        messages.Should().HaveCount(5);
        foreach (var message in messages)
        {
            foreach (var secret in secrets)
                message.Should().NotContain(secret);
        }
    }
}
