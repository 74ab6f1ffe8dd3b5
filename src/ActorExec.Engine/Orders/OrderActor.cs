using ActorExec.Actors.Persistence;
using ActorExec.Engine.Venues;
using ActorExec.Trading.Orders;

namespace ActorExec.Engine.Orders;

/// <summary>
/// One order, event-sourced with the trading core's decider. The intent and the fact that it is about
/// to be sent are journaled together before the venue sees anything (write-ahead); the persistence id
/// is derived from the client order id, so a repeated intent reaches the same journal and is answered,
/// never placed again. An order whose outcome is unknown (a timeout, a crash mid-call) is resolved by
/// asking the venue for its client order id and is only sent again when the venue never saw it.
/// </summary>
internal sealed partial class OrderActor : PersistentActor, IWithTimers
{
    /// <summary>Journal tag of fill events (the positions read model follows it).</summary>
    public const string FillsTag = "fills";

    private readonly ClientOrderId _id;
    private readonly VenueDirectory _venues;
    private readonly OrderActorOptions _options;
    private readonly Dictionary<long, CallPurpose> _calls = [];
    private long _nextCorrelation;
    private Order? _order;
    private DateTimeOffset? _watchSince;
    private TimeSpan _pollInterval;
    private DateTimeOffset? _unknownSince;
    private TimeSpan _resolveInterval;
    private bool _unknownReported;
    private bool _cancelInFlight;
    private OrderStatus? _loggedStatus;
    private readonly bool _presumedNew;

    /// <param name="presumedNew">True when the creator just made the intent up: the actor skips reading the journal and the journal's uniqueness check catches a wrong guess.</param>
    public OrderActor(ClientOrderId id, VenueDirectory venues, OrderActorOptions options, bool presumedNew = false)
    {
        _id = id;
        PersistenceId = PersistenceIdOf(id);
        _presumedNew = presumedNew;
        _venues = venues;
        _options = options;
        _pollInterval = options.PollInitialInterval;
        _resolveInterval = options.PollInitialInterval;

        Recover<OrderEvent>(e => _order = Order.Evolve(_order, e));
        Recover<RecoveryCompleted>(_ => OnRecovered());
        Command<StartOrder>(OnStart);
        Command<RequestOrderCancel>(_ => OnCancel());
        Command<RefreshOrder>(refresh => Poll(refresh.Reason));
        Command<ApplyVenueReport>(apply => Apply(apply.Report));
        Command<VenueReply>(OnVenueReply);
        Command<PollTick>(_ => Poll("scheduled"));
        Command<ResolveTick>(_ => Resolve());
        Command<CancelTick>(_ => SendCancel());
    }

    public static string PersistenceIdOf(ClientOrderId id) => Persistence.EngineJournal.OrderPrefix + id.Value;

    public override string PersistenceId { get; }

    /// <summary>Orders are short-lived and never snapshot: recovery goes straight to the journal.</summary>
    protected override SnapshotSelectionCriteria RecoverySnapshot => SnapshotSelectionCriteria.None;

    protected override bool PresumeNew => _presumedNew;

    public ITimerScheduler Timers { get; set; } = null!;

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    private VenueEntry Venue => _venues.Find(_order!.Intent.Venue)
        ?? throw new InvalidOperationException($"order {_id}: venue {_order.Intent.Venue} is no longer configured");

    protected override IReadOnlyList<string> TagsFor(object @event)
        => @event is OrderFilled or FillsVoided ? [FillsTag] : [];

    private void OnRecovered()
    {
        if (_order is null)
            return;
        // The parent learns the state from its StartOrder (answered as a duplicate) or from what changes next.
        var order = _order;
        if (order.Status == OrderStatus.Pending && !order.WasSent)
        {
            if (order.CancelRequested)
                Decide(new ReportCancelled(CancelReason.NeverSent, Now));
            else
                PersistThen([new OrderSent(order.SendAttempts + 1, Now)], SendPlace);
        }
        else if (order.Status == OrderStatus.Pending)
        {
            // Sent before the crash, answer never journaled: ask the venue, never resend blindly.
            BeginResolve("recovered with the outcome of the last send unknown");
        }
        else if (!order.Status.IsTerminal())
        {
            if (order.CancelRequested && order.Status.IsOpen())
                SendCancel();
            Watch();
        }
    }

    private void OnStart(StartOrder start)
    {
        var intent = start.Intent;
        if (_order is not null)
        {
            var again = OrderDecider.Decide(_order, new SubmitOrder(intent, Now), _options.Rules);
            if (again.Rejection is { } conflict)
                Refuse(ExecutionErrors.Of(ExecutionErrorCode.ConflictingIntent, conflict.Message, conflict.Context));
            else
                Context.Parent.Tell(new OrderUpdated(_order, Duplicate: true), Self);
            return;
        }
        if (intent.ClientOrderId != _id)
            throw new ArgumentException($"order actor {_id} was asked to start an intent for {intent.ClientOrderId}");
        if (OrderAdmission.Check(intent, _venues, Now) is { } refusal)
        {
            // A refusal is only right for an order that never existed: make sure first.
            if (IsPresumedNew)
            {
                RecoverAndHandleAgain();
                return;
            }
            Refuse(refusal);
            return;
        }
        PersistThen([new OrderSubmitted(intent, Now), new OrderSent(1, Now)], SendPlace);
    }

    private void OnCancel()
    {
        if (_order is null && IsPresumedNew)
        {
            RecoverAndHandleAgain();
            return;
        }
        if (_order is null)
        {
            Refuse(ExecutionErrors.Of(ExecutionErrorCode.OrderNotFound, $"no order {_id} was ever submitted"));
            return;
        }
        var decision = OrderDecider.Decide(_order, new RequestCancel(Now), _options.Rules);
        if (decision.Rejection is { } rejection)
        {
            Refuse(ExecutionErrors.Of(ExecutionErrorCode.NotCancellable, rejection.Message, rejection.Context));
            return;
        }
        if (decision.Events.Count == 0)
        {
            AfterChange(changed: false);
            return;
        }
        PersistThen(decision.Events, () => AfterChange(changed: true));
    }

    private void SendPlace() => Call(new PlaceCall(_order!.Intent), CallPurpose.Place);

    private void SendCancel()
    {
        if (_cancelInFlight || _order?.VenueOrderId is not { } venueOrderId)
            return;
        _cancelInFlight = true;
        Call(new CancelCall(venueOrderId), CallPurpose.Cancel);
    }

    private void Poll(string reason)
    {
        if (_order is null || _order.Status.IsTerminal() && reason == "scheduled")
            return;
        LogPolling(Context.Logger, _id.Value, reason);
        Call(_order.VenueOrderId is { } venueOrderId ? new GetOrderCall(venueOrderId) : new FindOrderCall(_order.Intent), CallPurpose.Poll);
    }

    private void Resolve() => Call(new FindOrderCall(_order!.Intent), CallPurpose.Resolve);

    private void Call(VenueCall call, CallPurpose purpose)
    {
        var correlation = ++_nextCorrelation;
        _calls[correlation] = purpose;
        Venue.Supervisor.Tell(new VenueRequest(correlation, call), Self);
    }

    private void OnVenueReply(VenueReply reply)
    {
        if (!_calls.Remove(reply.CorrelationId, out var purpose) || _order is null)
            return;
        if (purpose == CallPurpose.Cancel)
            _cancelInFlight = false;
        if (reply.Error is null)
        {
            if (purpose == CallPurpose.Resolve)
                EndResolve();
            Apply(reply.ValueAs<VenueOrderReport>());
            return;
        }
        var error = reply.Error;
        switch (purpose)
        {
            case CallPurpose.Place when error.Kind == VenueErrorKind.Rejected:
                Decide(new ReportRejected(error.Message, Now));
                break;
            case CallPurpose.Place when !error.MayHaveTakenEffect:
                Decide(new ReportFailed(FailureReason.VenueError, $"{error.Code}: {error.Message} (the order never reached the venue)", Now));
                break;
            case CallPurpose.Place:
                BeginResolve($"placement failed with {error}");
                break;
            case CallPurpose.Resolve or CallPurpose.Poll when error.Kind == VenueErrorKind.NotFound:
                OnNotFound(purpose);
                break;
            case CallPurpose.Resolve:
                ScheduleResolve();
                break;
            case CallPurpose.Poll:
                Watch();
                break;
            case CallPurpose.Cancel when error.Kind is VenueErrorKind.Rejected or VenueErrorKind.NotFound:
                Poll($"cancel refused: {error}");
                break;
            case CallPurpose.Cancel:
                Timers.StartSingleTimer(CancelTick.Instance, CancelTick.Instance, _options.PollInitialInterval);
                break;
        }
    }

    private void OnNotFound(CallPurpose purpose)
    {
        PersistDecision(new ReportNotFound(Now), () =>
        {
            var order = _order!;
            if (order.Status != OrderStatus.Pending)
            {
                AfterChange(changed: true);
                return;
            }
            // The venue never saw it: sending it (again) is safe, unless it was meant to be cancelled.
            if (order.CancelRequested)
                Decide(new ReportCancelled(CancelReason.Requested, Now));
            else if (order.SendAttempts >= _options.MaxSendAttempts)
                Decide(new ReportFailed(FailureReason.VenueError, $"the venue never received the order after {order.SendAttempts} attempts", Now));
            else
                PersistThen([new OrderSent(order.SendAttempts + 1, Now)], () =>
                {
                    EndResolve();
                    Context.Parent.Tell(new OrderUpdated(_order!), Self);
                    SendPlace();
                });
        });
        if (purpose == CallPurpose.Resolve)
            _resolveInterval = _options.PollInitialInterval;
    }

    private void Apply(VenueOrderReport report)
    {
        if (_order is null)
            return;
        var commands = VenueReportTranslator.Translate(_order, report, Now);
        var (events, _, refused) = VenueReportTranslator.DecideAll(_order, commands, _options.Rules);
        foreach (var rejection in refused)
            LogReportRefused(Context.Logger, _id.Value, _order.Intent.Venue.Value, rejection.ToString());
        if (events.Count == 0)
            AfterChange(changed: false);
        else
            PersistThen(events, () => AfterChange(changed: true));
    }

    private void Decide(OrderCommand command) => PersistDecision(command, () => AfterChange(changed: true));

    private void PersistDecision(OrderCommand command, Action then)
    {
        var decision = OrderDecider.Decide(_order, command, _options.Rules);
        if (decision.Rejection is { } rejection)
        {
            LogReportRefused(Context.Logger, _id.Value, _order?.Intent.Venue.Value ?? "?", rejection.ToString());
            AfterChange(changed: false);
            return;
        }
        if (decision.Events.Count == 0)
            then();
        else
            PersistThen(decision.Events, then);
    }

    private void PersistThen(IReadOnlyList<OrderEvent> events, Action then)
    {
        var last = events[^1];
        PersistAll(events, e =>
        {
            _order = Order.Evolve(_order, e);
            OrderLifecycleMetrics.Record(e, _order);
            if (ReferenceEquals(e, last))
                then();
        });
    }

    private void AfterChange(bool changed)
    {
        var order = _order!;
        if (changed)
            Context.Parent.Tell(new OrderUpdated(order), Self);
        if (order.Status != _loggedStatus)
        {
            _loggedStatus = order.Status;
            LogStatus(Context.Logger, _id.Value, order.Intent.Market.Value, order.Intent.Venue.Value, order.Status.ToString(), order.Filled.Value, order.Intent.Size.Value);
        }
        if (order.Status.IsTerminal())
        {
            Timers.CancelAll();
            return;
        }
        if (order.Status == OrderStatus.Pending)
            return; // a send or a resolution is under way
        if (order.CancelRequested && order.Status.IsOpen())
            SendCancel();
        Watch();
    }

    private void BeginResolve(string why)
    {
        _unknownSince ??= Now;
        LogResolving(Context.Logger, _id.Value, _order!.Intent.Venue.Value, why);
        Resolve();
    }

    private void EndResolve()
    {
        _unknownSince = null;
        _unknownReported = false;
        _resolveInterval = _options.PollInitialInterval;
    }

    private void ScheduleResolve()
    {
        if (_unknownSince is { } since && Now - since >= _options.ConfirmTimeout && !_unknownReported)
        {
            _unknownReported = true;
            LogOutcomeUnknown(Context.Logger, _id.Value, _order!.Intent.Venue.Value, (Now - since).TotalSeconds);
            Context.Parent.Tell(new OrderOutcomeUnknown(_id, _order, since), Self);
        }
        Timers.StartSingleTimer(ResolveTick.Instance, ResolveTick.Instance, _resolveInterval);
        _resolveInterval = Next(_resolveInterval);
    }

    // Poll with exponential backoff while the order can still change; a resting order is left to
    // reconciliation after the confirmation window, a settling one is followed until it settles.
    private void Watch()
    {
        var order = _order!;
        var now = Now;
        _watchSince ??= now;
        var watched = now - _watchSince.Value;
        if (watched >= _options.ConfirmTimeout)
        {
            if (order.Status.IsOpen() && !order.CancelRequested)
                return;
            if (!_unknownReported)
            {
                _unknownReported = true;
                LogOutcomeUnknown(Context.Logger, _id.Value, order.Intent.Venue.Value, watched.TotalSeconds);
                Context.Parent.Tell(new OrderOutcomeUnknown(_id, order, _watchSince.Value), Self);
            }
        }
        if (!Timers.IsTimerActive(PollTick.Instance))
        {
            Timers.StartSingleTimer(PollTick.Instance, PollTick.Instance, _pollInterval);
            _pollInterval = Next(_pollInterval);
        }
    }

    private TimeSpan Next(TimeSpan interval) => interval * 2 > _options.PollMaxInterval ? _options.PollMaxInterval : interval * 2;

    private void Refuse(ExecutionError error) => Context.Parent.Tell(new OrderRefused(_id, error), Self);

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        if (@event is OrderSubmitted)
            Refuse(ExecutionErrors.Of(ExecutionErrorCode.JournalUnavailable, $"the intent could not be journaled, so nothing was sent: {cause.Message}"));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    private enum CallPurpose
    {
        Place,
        Resolve,
        Poll,
        Cancel,
    }

    private sealed class PollTick
    {
        public static readonly PollTick Instance = new();
    }

    private sealed class ResolveTick
    {
        public static readonly ResolveTick Instance = new();
    }

    private sealed class CancelTick
    {
        public static readonly CancelTick Instance = new();
    }

    [LoggerMessage(EventId = 3000, EventName = "order_status", Level = LogLevel.Debug,
        Message = "Order {client_order_id} in {market_id} on {venue}: {status}, filled {filled} of {size}")]
    private static partial void LogStatus(ILogger logger, string client_order_id, string market_id, string venue, string status, decimal filled, decimal size);

    [LoggerMessage(EventId = 3001, EventName = "order_outcome_unknown", Level = LogLevel.Warning,
        Message = "Order {client_order_id} on {venue}: outcome unknown ({reason}); asking the venue by client order id")]
    private static partial void LogResolving(ILogger logger, string client_order_id, string venue, string reason);

    [LoggerMessage(EventId = 3002, EventName = "order_confirmation_timeout", Level = LogLevel.Warning,
        Message = "Order {client_order_id} on {venue}: no final answer after {seconds:F0} s; still asking")]
    private static partial void LogOutcomeUnknown(ILogger logger, string client_order_id, string venue, double seconds);

    [LoggerMessage(EventId = 3003, EventName = "venue_report_refused", Level = LogLevel.Warning,
        Message = "Order {client_order_id} on {venue}: venue report not applied: {rejection}")]
    private static partial void LogReportRefused(ILogger logger, string client_order_id, string venue, string rejection);

    [LoggerMessage(EventId = 3004, EventName = "order_poll", Level = LogLevel.Debug,
        Message = "Order {client_order_id}: reading it from the venue ({reason})")]
    private static partial void LogPolling(ILogger logger, string client_order_id, string reason);
}
