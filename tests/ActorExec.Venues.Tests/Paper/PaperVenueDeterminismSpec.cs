using ActorExec.TestKit;
using ActorExec.Trading.Orders;
using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

/// <summary>The same calls at the same virtual times give the same answers, faults and settlement failures included.</summary>
public sealed class PaperVenueDeterminismSpec
{
    private static readonly VenueId Venue = new("paper-p");
    private static readonly MarketId[] Markets = [new("m-0"), new("m-1"), new("m-2")];

    [Fact]
    public async Task VenueCalls_SameScriptRunTwice_GiveIdenticalAnswers()
    {
        var first = await Run();
        var second = await Run();

        second.Should().Equal(first);
        first.Should().Contain(line => line.Contains("IsMaker = True", StringComparison.Ordinal), "the script should produce maker fills");
        first.Should().Contain(line => line.Contains("Failed", StringComparison.Ordinal), "the script should see reverted settlements");
        first.Should().Contain(line => line.Contains("TIMEOUT", StringComparison.Ordinal), "the script should see timeouts");
        first.Should().Contain(line => line.Contains(PaperRejectCodes.DuplicateClientOrderId, StringComparison.Ordinal));
    }

    /// <summary>A seeded random mix of every call, with random faults, on-chain settlement failures and a moving clock.</summary>
    private static async Task<List<string>> Run()
    {
        var time = new ManualTimeProvider();
        var options = PaperVenueOptions.PolymarketLike(Venue, Markets.Select((m, i) => new PaperMarket(m, InstrumentKind.Binary, 0.45m + (i * 0.05m))), seed: 5) with
        {
            TimeProvider = time,
            Settlement = new PaperSettlementOptions { FailureRate = 0.3 },
            Faults = new PaperFaultOptions { TimeoutRate = 0.05, ServerErrorRate = 0.05, RejectRate = 0.05, LostAckRate = 0.05, TimeoutAfter = TimeSpan.Zero },
        };
        var venue = new PaperVenue(options);
        var script = new Random(42);
        var log = new List<string>();
        var orders = new List<VenueOrderId>();
        var clientIds = new List<ClientOrderId>();
        string? cursor = null;

        for (var step = 0; step < 600; step++)
        {
            var market = Markets[script.Next(Markets.Length)];
            switch (script.Next(10))
            {
                case <= 3:
                    var intent = RandomIntent(script, market, step, time.GetUtcNow(), clientIds);
                    clientIds.Add(intent.ClientOrderId);
                    var placed = await venue.PlaceAsync(intent);
                    if (placed.IsSuccess)
                        orders.Add(placed.Value.VenueOrderId);
                    log.Add(Describe(placed));
                    break;
                case 4 when orders.Count > 0:
                    log.Add(Describe(await venue.CancelAsync(orders[script.Next(orders.Count)])));
                    break;
                case 5 when orders.Count > 0:
                    log.Add(Describe(await venue.ModifyAsync(orders[script.Next(orders.Count)], new Price(0.40m + (script.Next(21) * 0.01m)), null)));
                    break;
                case 6 when clientIds.Count > 0:
                    log.Add(Describe(await venue.GetOrderByClientIdAsync(clientIds[script.Next(clientIds.Count)])));
                    break;
                case 7:
                    var page = await venue.GetFillsAsync(cursor, 7);
                    if (page.IsSuccess)
                        cursor = page.Value.NextCursor;
                    log.Add(page.IsSuccess ? $"page {cursor}: {string.Join("; ", page.Value.Fills)}" : Describe(page));
                    break;
                case 8:
                    var positions = await venue.GetPositionsAsync();
                    log.Add(positions.IsSuccess ? string.Join("; ", positions.Value) : Describe(positions));
                    break;
                default:
                    var book = await venue.GetBookAsync(market);
                    log.Add(book.IsSuccess ? $"{string.Join(",", book.Value.YesBids)} / {string.Join(",", book.Value.YesAsks)}" : Describe(book));
                    break;
            }
            venue.OrderBookOf(market).IsCrossed.Should().BeFalse("a matcher never leaves a crossed book (step {0})", step);
            time.Advance(TimeSpan.FromMilliseconds(script.Next(600)));
        }
        foreach (var id in orders)
            log.Add(Describe(await venue.GetOrderAsync(id)));
        log.Add(string.Join("; ", venue.Records.Placements.Select(p => $"{p.VenueOrderId}:{p.ClientOrderId}:{p.At:O}")));
        return log;
    }

    private static OrderIntent RandomIntent(Random script, MarketId market, int step, DateTimeOffset now, List<ClientOrderId> used)
    {
        var clientId = used.Count > 0 && script.Next(20) == 0 ? used[script.Next(used.Count)] : new ClientOrderId($"c-{step}");
        var side = script.Next(2) == 0 ? Side.Buy : Side.Sell;
        var outcome = script.Next(2) == 0 ? Outcome.Yes : Outcome.No;
        var size = new Quantity(1 + script.Next(30));
        var price = new Price(0.40m + (script.Next(21) * 0.01m));
        var (type, tif, limit, expiry) = script.Next(6) switch
        {
            0 => (OrderType.Market, TimeInForce.Fak, (Price?)null, (DateTimeOffset?)null),
            1 => (OrderType.Limit, TimeInForce.Fok, price, null),
            2 => (OrderType.PostOnly, TimeInForce.Gtc, price, null),
            3 => (OrderType.Limit, TimeInForce.Gtd, price, now.AddSeconds(1 + script.Next(5))),
            4 => (OrderType.Limit, TimeInForce.Ioc, price, null),
            _ => (OrderType.Limit, TimeInForce.Gtc, price, null),
        };
        return new OrderIntent(new OrderId($"o-{step}"), clientId, Venue, market, side, outcome, type, tif, size, limit, expiry);
    }

    private static string Describe<T>(VenueResult<T> result)
    {
        if (!result.IsSuccess)
            return result.Error is VenueUnavailable { StatusCode: { } status } ? $"{result.Error} ({status})" : result.Error.ToString();
        return result.Value is VenueOrderReport r
            ? $"{r.VenueOrderId} {r.ClientOrderId} {r.Market} {r.Side} {r.Outcome} {r.Status} {r.Size} {r.Filled} {r.LimitPrice} {r.Detail} {r.TransactionHash} {r.UpdatedAt:O} [{string.Join("; ", r.Fills)}]"
            : $"{result.Value}";
    }
}
