using System.Globalization;
using System.Text.Json;
using ActorExec.Venues.Remote;
using Microsoft.AspNetCore.Http;

namespace ActorExec.Node.Exchange;

/// <summary>
/// How the paper exchange answers: a success is the value as JSON (200); a failure is a
/// <see cref="PaperExchangeErrorBody"/> under an HTTP status chosen by the error's kind, so that a
/// plain HTTP client also reads it right, while <see cref="PaperExchangeClient"/> gets the same
/// <see cref="VenueError"/> back from the body.
/// </summary>
internal static class ExchangeAnswers
{
    public static IResult Ok<T>(T value) => Results.Json(value, PaperExchangeJson.Options);

    public static IResult From<T>(VenueResult<T> result) => result.TryGetValue(out var value, out var error) ? Ok(value) : new ErrorAnswer(error, StatusOf(error));

    /// <summary>
    /// 404, but as Unavailable rather than NotFound: NotFound answers "the venue never saw this order",
    /// and a node recovering orders must not read a misconfigured exchange as that.
    /// </summary>
    public static IResult UnknownVenue(string venue, IEnumerable<string> served)
        => new ErrorAnswer(new VenueUnavailable($"paper exchange: no venue '{venue}' here; it serves {string.Join(", ", served)}", StatusCodes.Status404NotFound),
            StatusCodes.Status404NotFound);

    /// <summary>400: the request was not understood and not processed; <paramref name="problem"/> names the field.</summary>
    public static IResult BadRequest(string problem)
        => new ErrorAnswer(new VenueRejected($"paper exchange: bad request: {problem}", PaperExchangeCodes.BadRequest), StatusCodes.Status400BadRequest);

    private static int StatusOf(VenueError error) => error switch
    {
        VenueUnavailable { StatusCode: >= 500 and < 600 and var status } => status,
        _ => error.Kind switch
        {
            VenueErrorKind.Rejected => StatusCodes.Status422UnprocessableEntity,
            VenueErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
            VenueErrorKind.Network => StatusCodes.Status502BadGateway,
            VenueErrorKind.Timeout => StatusCodes.Status504GatewayTimeout,
            VenueErrorKind.Auth => StatusCodes.Status401Unauthorized,
            VenueErrorKind.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status503ServiceUnavailable,
        },
    };

    private sealed class ErrorAnswer(VenueError error, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "application/json; charset=utf-8";
            if (error is VenueRateLimited { RetryAfter: { } retryAfter })
                response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await JsonSerializer.SerializeAsync(response.Body, new PaperExchangeErrorBody(error), PaperExchangeJson.Options, httpContext.RequestAborted);
        }
    }
}
