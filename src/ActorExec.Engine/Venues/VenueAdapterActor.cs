namespace ActorExec.Engine.Venues;

/// <summary>Asks the adapter actor to make one call and tell <paramref name="ReplyTo"/> the outcome.</summary>
internal sealed record AdapterCall(long Id, VenueCall Call, IActorRef ReplyTo);

/// <summary>The outcome of an <see cref="AdapterCall"/>.</summary>
internal sealed record AdapterOutcome(long Id, object? Value, VenueError? Error);

/// <summary>The adapter actor (re)started.</summary>
internal sealed record AdapterStarted(IActorRef Adapter);

/// <summary>The adapter actor stopped (crashed): calls it had not answered are lost.</summary>
internal sealed record AdapterStopped(IActorRef Adapter);

/// <summary>
/// Owns the calls into one <see cref="IVenueAdapter"/>. Calls run concurrently (the actor never waits
/// on one); each outcome goes straight to the supervisor. An adapter that throws is a bug: the caller
/// gets an "outcome unknown" error and this actor crashes, to be restarted with backoff.
/// </summary>
internal sealed class VenueAdapterActor : ReceiveActor
{
    private readonly IVenueAdapter _adapter;
    private readonly IMarketData _marketData;
    private readonly IActorRef _supervisor;

    public VenueAdapterActor(IVenueAdapter adapter, IMarketData marketData, IActorRef supervisor)
    {
        _adapter = adapter;
        _marketData = marketData;
        _supervisor = supervisor;
        Receive<AdapterCall>(Run);
        Receive<AdapterCrashed>(crashed => throw new VenueAdapterException(_adapter.Venue, crashed.Call, crashed.Cause));
    }

    protected override void PreStart() => _supervisor.Tell(new AdapterStarted(Self), Self);

    protected override void PostStop() => _supervisor.Tell(new AdapterStopped(Self), Self);

    private void Run(AdapterCall call)
    {
        try
        {
            switch (call.Call)
            {
                case PlaceCall place: Deliver(call, _adapter.PlaceAsync(place.Intent)); break;
                case CancelCall cancel: Deliver(call, _adapter.CancelAsync(cancel.Order)); break;
                case ModifyCall modify: Deliver(call, _adapter.ModifyAsync(modify.Order, modify.NewPrice, modify.NewSize)); break;
                case GetOrderCall get: Deliver(call, _adapter.GetOrderAsync(get.Order)); break;
                case FindOrderCall find: Deliver(call, _adapter.FindOrderAsync(find.Intent)); break;
                case GetOpenOrdersCall open: Deliver(call, _adapter.GetOpenOrdersAsync(open.Market)); break;
                case GetFillsCall fills: Deliver(call, _adapter.GetFillsAsync(fills.Cursor, fills.Limit)); break;
                case GetPositionsCall: Deliver(call, _adapter.GetPositionsAsync()); break;
                case GetHealthCall: Deliver(call, _adapter.GetHealthAsync()); break;
                case GetBookCall book: Deliver(call, _marketData.GetBookAsync(book.Market)); break;
                case GetMarketsCall: Deliver(call, _marketData.GetMarketsAsync()); break;
                default: throw new ArgumentException($"Unknown venue call {call.Call.GetType().Name}");
            }
        }
        catch (Exception e)
        {
            call.ReplyTo.Tell(Crashed(call, e), Self);
            throw new VenueAdapterException(_adapter.Venue, call.Call, e);
        }
    }

    private void Deliver<T>(AdapterCall call, ValueTask<VenueResult<T>> pending)
    {
        if (pending.IsCompletedSuccessfully)
        {
            call.ReplyTo.Tell(Outcome(call.Id, pending.Result), Self);
            return;
        }
        _ = Complete(call, pending.AsTask());
    }

    private async Task Complete<T>(AdapterCall call, Task<VenueResult<T>> pending)
    {
        try
        {
            var result = await pending.ConfigureAwait(false);
            call.ReplyTo.Tell(Outcome(call.Id, result), Self);
        }
        catch (Exception e)
        {
            call.ReplyTo.Tell(Crashed(call, e), Self);
            Self.Tell(new AdapterCrashed(call.Call, e), Self);
        }
    }

    private static AdapterOutcome Outcome<T>(long id, VenueResult<T> result)
        => result.TryGetValue(out var value, out var error) ? new AdapterOutcome(id, value, null) : new AdapterOutcome(id, null, error);

    private AdapterOutcome Crashed(AdapterCall call, Exception e)
        => new(call.Id, null, new VenueUnavailable($"the {_adapter.Venue} adapter failed on {call.Call.GetType().Name}: {e.GetType().Name}: {e.Message}; outcome unknown"));

    private sealed record AdapterCrashed(VenueCall Call, Exception Cause);
}

/// <summary>An adapter threw instead of returning a venue error: a bug in the adapter, which is restarted.</summary>
public sealed class VenueAdapterException(VenueId venue, VenueCall call, Exception cause)
    : Exception($"The {venue} adapter threw on {call.GetType().Name}: {cause.Message}", cause);
