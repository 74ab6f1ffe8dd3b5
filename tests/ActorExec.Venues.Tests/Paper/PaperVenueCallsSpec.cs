using ActorExec.Venues.Paper;

namespace ActorExec.Venues.Tests.Paper;

public sealed class PaperVenueCallsSpec
{
    [Fact]
    public void PlaceAsync_ZeroLatency_CompletesSynchronously()
    {
        var f = new PaperFixture();

        var pending = f.Venue.PlaceAsync(f.BuyYes(1, 0.40m));

        pending.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task PlaceAsync_BaseLatency_CompletesOnlyWhenTheVirtualClockAdvances()
    {
        var f = new PaperFixture(o => o with { Latency = new PaperLatencyOptions { Base = TimeSpan.FromMilliseconds(100) } });

        var pending = f.Venue.PlaceAsync(f.BuyYes(1, 0.40m)).AsTask();

        pending.IsCompleted.Should().BeFalse();
        f.Venue.Records.PlaceCalls.Should().Be(0, "the request has not reached the venue yet");
        f.Time.Advance(TimeSpan.FromMilliseconds(99));
        pending.IsCompleted.Should().BeFalse();
        f.Time.Advance(TimeSpan.FromMilliseconds(1));
        var report = (await pending).Value;
        report.UpdatedAt.Should().Be(f.Now);
        f.Venue.Records.PlaceCalls.Should().Be(1);
    }

    [Fact]
    public async Task GetHealthAsync_Jitter_CompletesWithinBasePlusJitter()
    {
        var f = new PaperFixture(o => o with { Latency = new PaperLatencyOptions { Base = TimeSpan.FromMilliseconds(10), Jitter = TimeSpan.FromMilliseconds(50) } });
        var started = f.Now;

        var pending = f.Venue.GetHealthAsync().AsTask();
        pending.IsCompleted.Should().BeFalse();
        f.Time.Advance(TimeSpan.FromMilliseconds(60));

        var health = (await pending).Value;
        (health.At - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(10)).And.BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(60));
    }

    [Fact]
    public async Task PlaceAsync_TimeoutWithLatency_WaitsLatencyThenTheTimeout()
    {
        var f = new PaperFixture(o => o with
        {
            Latency = new PaperLatencyOptions { Base = TimeSpan.FromMilliseconds(100) },
            Faults = new PaperFaultOptions { TimeoutRate = 1, TimeoutAfter = TimeSpan.FromSeconds(1) },
        });

        var pending = f.Venue.PlaceAsync(f.BuyYes(1, 0.40m)).AsTask();
        f.Time.Advance(TimeSpan.FromMilliseconds(100));
        pending.IsCompleted.Should().BeFalse();
        f.Time.Advance(TimeSpan.FromSeconds(1));

        (await pending).Error.Should().BeOfType<VenueTimeout>();
        f.Venue.Records.Placements.Should().BeEmpty("a timed-out request was not processed");
    }

    [Fact]
    public async Task PlaceAsync_CancelledBeforeTheLatencyElapses_ThrowsAndIsNotProcessed()
    {
        var f = new PaperFixture(o => o with { Latency = new PaperLatencyOptions { Base = TimeSpan.FromSeconds(1) } });
        using var cancellation = new CancellationTokenSource();

        var pending = f.Venue.PlaceAsync(f.BuyYes(1, 0.40m), cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await FluentActions.Awaiting(() => pending).Should().ThrowAsync<OperationCanceledException>();
        f.Venue.Records.PlaceCalls.Should().Be(0);
    }

    [Fact]
    public async Task Calls_FromManyThreads_KeepTheVenueConsistent()
    {
        var f = new PaperFixture(o => o with { Liquidity = new PaperLiquidityOptions() });
        f.Time.Advance(TimeSpan.FromSeconds(1));

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 250; i++)
            {
                var side = (i + w) % 2 == 0 ? Side.Buy : Side.Sell;
                var price = side == Side.Buy ? 0.52m : 0.48m;
                var report = (await f.Venue.PlaceAsync(f.Intent(side, Outcome.Yes, 1 + (i % 3), price, tif: TimeInForce.Ioc))).Value;
                report.Filled.Should().BeLessThanOrEqualTo(report.Size);
                await f.Venue.GetBookAsync(PaperFixture.Binary);
            }
        })).ToArray();
        await Task.WhenAll(workers);

        f.Venue.Records.PlaceCalls.Should().Be(2000);
        f.Venue.Records.Placements.Select(p => p.VenueOrderId).Should().OnlyHaveUniqueItems().And.HaveCount(2000);
        var fills = (await f.Venue.GetFillsAsync(null, 1000)).Value;
        var all = fills.Fills.ToList();
        for (var page = fills; page.Fills.Count == 1000;)
        {
            page = (await f.Venue.GetFillsAsync(page.NextCursor, 1000)).Value;
            all.AddRange(page.Fills);
        }
        all.Select(x => x.FillId).Should().OnlyHaveUniqueItems();
        var net = all.Sum(x => x.Side.Sign() * x.Quantity.Value);
        (await f.Position(PaperFixture.Binary, Outcome.Yes)).Should().Be(net);
        f.Venue.OrderBookOf(PaperFixture.Binary).IsCrossed.Should().BeFalse();
    }
}
