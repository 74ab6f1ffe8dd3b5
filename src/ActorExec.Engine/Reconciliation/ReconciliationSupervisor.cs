using ActorExec.Engine.Venues;
using ActorExec.Trading.Orders;
using ActorExec.Trading.Positions;
using ActorExec.Trading.Reconciliation;

namespace ActorExec.Engine.Reconciliation;

/// <summary>
/// Compares what the engine believes with what each venue reports — positions and open orders — on
/// start (a venue takes intents only after its first reconciliation) and then periodically. Every
/// mismatch is logged (<c>event_type=reconciliation_mismatch</c>), counted and published; orders that
/// differ are told to read their state from the venue, which resolves lost orders by the lost-order rule.
/// </summary>
internal sealed partial class ReconciliationSupervisor : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan CollectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly EngineServices _services;
    private readonly Reconciler _reconciler;
    private readonly Dictionary<long, Run> _runs = [];
    private readonly Dictionary<VenueId, long> _runningByVenue = [];
    private long _nextRun;

    public ReconciliationSupervisor(EngineServices services)
    {
        _services = services;
        _reconciler = new Reconciler(services.Options.Reconciliation);
        Receive<ReconcileNow>(now => Start(now.Venue));
        Receive<RunReply>(OnRunReply);
        Receive<VenueReply>(reply => OnRunReply(new RunReply(reply.CorrelationId, reply, null)));
        Receive<OpenOrdersReport>(OnOpenOrders);
        Receive<CollectTimedOut>(timedOut =>
        {
            if (_runs.TryGetValue(timedOut.RunId, out var run) && run.MarketsPending is not null)
            {
                run.MarketsPending.Clear();
                TryFinish(run);
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    protected override void PreStart()
    {
        Start(null);
        Timers.StartPeriodicTimer("periodic", new ReconcileNow(), _services.Options.ReconciliationInterval);
    }

    private void Start(VenueId? venue)
    {
        foreach (var entry in venue is { } id ? _services.Venues.Find(id) is { } one ? [one] : [] : _services.Venues.All)
        {
            if (_runningByVenue.ContainsKey(entry.Venue))
                continue;
            var run = new Run(++_nextRun, entry);
            _runs[run.Id] = run;
            _runningByVenue[entry.Venue] = run.Id;
            foreach (var call in new VenueCall[] { GetMarketsCall.Instance, GetPositionsCall.Instance, new GetOpenOrdersCall(null) })
                entry.Supervisor.Tell(new VenueRequest(run.Id, call), Self);
            _services.Positions.Ask<PositionsReport>(GetPositions.Instance, CollectTimeout)
                .PipeTo(Self, success: report => new RunReply(run.Id, report, null), failure: e => new RunReply(run.Id, null, e.Message));
            _services.Region.Ask<ActiveMarkets>(GetActiveMarkets.Instance, CollectTimeout)
                .PipeTo(Self, success: markets => new RunReply(run.Id, markets, null), failure: e => new RunReply(run.Id, null, e.Message));
        }
    }

    private void OnRunReply(RunReply reply)
    {
        if (!_runs.TryGetValue(reply.RunId, out var run))
            return;
        switch (reply.Value)
        {
            case VenueReply { Error: { } error } venueReply:
                run.Error ??= $"{venueReply.Call.GetType().Name} failed: {error}";
                run.VenueAnswers++;
                break;
            case VenueReply { Call: GetMarketsCall } markets:
                run.Venue.ReplaceMarkets(markets.ValueAs<IReadOnlyList<VenueMarket>>());
                run.VenueAnswers++;
                break;
            case VenueReply { Call: GetPositionsCall } positions:
                run.VenuePositions = positions.ValueAs<IReadOnlyList<VenuePosition>>();
                run.VenueAnswers++;
                break;
            case VenueReply { Call: GetOpenOrdersCall } orders:
                run.VenueOrders = orders.ValueAs<IReadOnlyList<VenueOrderReport>>();
                run.VenueAnswers++;
                break;
            case PositionsReport report:
                run.Book = report.Book;
                break;
            case ActiveMarkets markets:
                run.MarketsPending = [.. markets.Live];
                foreach (var market in markets.Live)
                    _services.Region.Tell(new MarketEnvelope(market, new ReportOpenOrders(run.Id, Self)), Self);
                Timers.StartSingleTimer(new CollectTimedOut(run.Id), new CollectTimedOut(run.Id), CollectTimeout);
                break;
            case null:
                run.Error ??= reply.Error;
                run.Book ??= reply.Error is null ? null : PositionBook.Empty;
                run.MarketsPending ??= [];
                break;
        }
        TryFinish(run);
    }

    private void OnOpenOrders(OpenOrdersReport report)
    {
        if (!_runs.TryGetValue(report.RunId, out var run) || run.MarketsPending is null)
            return;
        run.MarketsPending.Remove(report.Market);
        run.ExpectedOrders.AddRange(report.Orders.Where(o => o.Intent.Venue == run.Venue.Venue));
        TryFinish(run);
    }

    private void TryFinish(Run run)
    {
        if (run.VenueAnswers < 3 || run.Book is null || run.MarketsPending is not { Count: 0 })
            return;
        _runs.Remove(run.Id);
        _runningByVenue.Remove(run.Venue.Venue);
        Timers.Cancel(new CollectTimedOut(run.Id));
        var venue = run.Venue.Venue;
        if (run.Error is not null || run.VenuePositions is null || run.VenueOrders is null)
        {
            var error = run.Error ?? "the venue did not answer";
            LogRunFailed(Context.Logger, venue.Value, error);
            Context.System.EventStream.Publish(new ReconciliationCompleted(venue, [], 0, Now, error));
            Timers.StartSingleTimer(("retry", venue), new ReconcileNow(venue), RetryAfterFailure);
            return;
        }

        var expectedPositions = run.Book.Positions.Values
            .Where(p => p.Key.Venue == venue && p.Contracts != 0)
            .ToDictionary(p => p.Key, p => p.Contracts);
        var venuePositions = run.VenuePositions
            .GroupBy(p => new PositionKey(p.Market, venue, p.Outcome ?? Outcome.Yes))
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Contracts));
        var expectedOrders = run.ExpectedOrders.Where(o => o.Status.IsOpen()).Select(o =>
            new OpenOrderSnapshot(o.Intent.ClientOrderId, venue, o.Intent.Market, o.Status, o.Intent.Size, o.Filled)).ToList();
        var knownClientIds = run.ExpectedOrders.Select(o => o.Intent.ClientOrderId).ToHashSet();
        var venueOrders = run.VenueOrders.Where(r => r.ClientOrderId is not null).Select(r =>
            new OpenOrderSnapshot(r.ClientOrderId!.Value, venue, r.Market, r.Status == VenueOrderStatus.PartiallyFilled ? OrderStatus.PartiallyFilled : OrderStatus.Placed, r.Size, r.Filled)).ToList();

        var mismatches = _reconciler.Reconcile(expectedPositions, venuePositions, expectedOrders, venueOrders);
        var resolved = 0;
        foreach (var mismatch in mismatches)
        {
            EngineMetrics.ReconciliationMismatches.Add(1, new KeyValuePair<string, object?>("venue", venue.Value), new KeyValuePair<string, object?>("kind", mismatch.Code));
            LogMismatch(Context.Logger, venue.Value, mismatch.Market.Value, mismatch.Code, mismatch.Subject, mismatch.ToString());
            switch (mismatch)
            {
                case OrderUnexpectedAtVenue unexpected:
                    var report = run.VenueOrders.First(r => r.ClientOrderId == unexpected.AtVenue.ClientOrderId);
                    _services.Region.Tell(new MarketEnvelope(report.Market, new Markets.ForOrder(unexpected.AtVenue.ClientOrderId, new ApplyVenueReport(report))), Self);
                    resolved++;
                    break;
                case OrderMissingAtVenue or OrderStatusDiffers or OrderFilledDiffers:
                    _services.Region.Tell(new MarketEnvelope(mismatch.Market, new Markets.ForOrder(new ClientOrderId(mismatch.Subject), new RefreshOrder($"reconciliation: {mismatch.Code}"))), Self);
                    resolved++;
                    break;
            }
        }
        // Orders the venue lists that we hold without knowing they are open (e.g. still recovering) get the venue's view.
        foreach (var report in run.VenueOrders.Where(r => r.ClientOrderId is { } id && knownClientIds.Contains(id) && !expectedOrders.Any(e => e.ClientOrderId == id)))
            _services.Region.Tell(new MarketEnvelope(report.Market, new Markets.ForOrder(report.ClientOrderId!.Value, new ApplyVenueReport(report))), Self);

        var first = !run.Venue.Status.IsReconciled;
        run.Venue.Status.MarkReconciled();
        LogRunFinished(Context.Logger, venue.Value, mismatches.Length, resolved, first);
        Context.System.EventStream.Publish(new ReconciliationCompleted(venue, mismatches, resolved, Now));
    }

    private sealed class Run(long id, VenueEntry venue)
    {
        public long Id { get; } = id;

        public VenueEntry Venue { get; } = venue;

        public int VenueAnswers { get; set; }

        public IReadOnlyList<VenuePosition>? VenuePositions { get; set; }

        public IReadOnlyList<VenueOrderReport>? VenueOrders { get; set; }

        public PositionBook? Book { get; set; }

        public HashSet<MarketId>? MarketsPending { get; set; }

        public List<Order> ExpectedOrders { get; } = [];

        public string? Error { get; set; }
    }

    private sealed record RunReply(long RunId, object? Value, string? Error);

    private sealed record CollectTimedOut(long RunId);

    [LoggerMessage(EventId = 8001, EventName = "reconciliation_mismatch", Level = LogLevel.Warning,
        Message = "Reconciliation of {venue}: {kind} in {market_id} ({subject}): {detail}")]
    private static partial void LogMismatch(ILogger logger, string venue, string market_id, string kind, string subject, string detail);

    [LoggerMessage(EventId = 8002, EventName = "reconciliation_completed", Level = LogLevel.Information,
        Message = "Reconciliation of {venue}: {mismatches} mismatches, {resolved} orders asked to refresh (first since start: {first})")]
    private static partial void LogRunFinished(ILogger logger, string venue, int mismatches, int resolved, bool first);

    [LoggerMessage(EventId = 8003, EventName = "reconciliation_failed", Level = LogLevel.Warning,
        Message = "Reconciliation of {venue} could not complete: {error}; retrying shortly")]
    private static partial void LogRunFailed(ILogger logger, string venue, string error);
}
