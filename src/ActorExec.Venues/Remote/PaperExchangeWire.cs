namespace ActorExec.Venues.Remote;

/// <summary>The body of every answer of the paper exchange that is not a success (HTTP status 4xx or 5xx).</summary>
/// <param name="Error">What failed, as the venue (or the exchange) said it.</param>
public sealed record PaperExchangeErrorBody(VenueError Error);

/// <summary>The body of a modify request; a null or absent field keeps the order's current value.</summary>
/// <param name="NewPrice">The new limit price, or null.</param>
/// <param name="NewSize">The new size, or null.</param>
public sealed record ModifyOrderRequest(Price? NewPrice = null, Quantity? NewSize = null);

/// <summary>The <see cref="VenueRejected.VenueCode"/> values the paper exchange itself answers with (the venues' own are in <see cref="Paper.PaperRejectCodes"/>).</summary>
public static class PaperExchangeCodes
{
    /// <summary>The request could not be understood (malformed body, bad query value); the message names the field.</summary>
    public const string BadRequest = "bad_request";
}
