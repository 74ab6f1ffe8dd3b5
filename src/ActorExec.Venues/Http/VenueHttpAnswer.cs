namespace ActorExec.Venues.Http;

/// <summary>A venue's non-success HTTP answer, handed to the venue's error reader.</summary>
/// <param name="Call">The call, for messages: <c>POST https://…/portfolio/orders</c>.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="RetryAfter">The Retry-After header as a delay, when the venue sent one.</param>
/// <param name="Body">The raw body.</param>
public sealed record VenueHttpAnswer(string Call, int Status, TimeSpan? RetryAfter, byte[] Body)
{
    private const int ExcerptLength = 200;

    /// <summary>The start of the body as text, for error messages.</summary>
    public string Excerpt => VenueHttp.Excerpt(Body, ExcerptLength);
}
